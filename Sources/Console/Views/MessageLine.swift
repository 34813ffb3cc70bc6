import Essentials

/// The line above the footer: the `/` or `:` input while typing, otherwise the flash message.
enum MessageLine {
    static func draw(_ state: AppState, _ rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        if case .prompt(let prompt)? = state.modal {
            let sigil = prompt.kind == .filter ? "/" : ":"
            buffer.put(sigil, x: rect.x, y: rect.y, role: .key)
            InputField.draw(prompt.editor, x: rect.x + 1, y: rect.y, width: rect.width - 1, focused: true, into: &buffer, theme: theme)
            if prompt.kind == .command { drawSuggestions(prompt, above: rect, into: &buffer, theme: theme) }
            return
        }
        guard let flash = state.flash else { return }
        let role: Role = flash.level == .error ? .error : flash.level == .warning ? .warning : .info
        let mark = flash.level == .error ? theme.glyphs.cancelled + " " : flash.level == .warning ? theme.glyphs.warning + " " : ""
        buffer.put(DisplayWidth.truncate(mark + flash.text, to: rect.width - 1, ellipsis: theme.glyphs.ellipsis), x: rect.x + 1, y: rect.y, role: role)
    }

    /// The palette's matching commands, in a box just above the input line.
    private static func drawSuggestions(_ prompt: PromptState, above rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let suggestions = Palette.suggestions(for: prompt.editor.text)
        guard !suggestions.isEmpty else { return }
        let shown = min(suggestions.count, max(1, rect.y - 4), 8)
        let first = min(max(0, prompt.suggestion - shown + 1), suggestions.count - shown)
        let width = min(rect.width - 2, 72)
        let box = Rect(x: rect.x, y: rect.y - shown - 2, width: width, height: shown + 2)
        buffer.clear(box)
        Frame.draw(box, title: "Commands (Tab completes)", into: &buffer, glyphs: theme.glyphs)
        for row in 0..<shown {
            let entry = suggestions[first + row]
            let selected = first + row == prompt.suggestion
            let name = DisplayWidth.fit(entry.name + (entry.argument.isEmpty ? "" : " " + entry.argument), 22)
            let y = box.y + 1 + row
            buffer.fill(x: box.x + 1, y: y, count: box.width - 2, role: selected ? .selected : .normal)
            buffer.put(name + " " + entry.help, x: box.x + 2, y: y, maxWidth: box.width - 4, role: selected ? .selected : .normal)
        }
    }
}
