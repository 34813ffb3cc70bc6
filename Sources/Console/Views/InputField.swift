import Essentials

/// Draws a text field and, when focused, places the terminal cursor in it. The text scrolls
/// horizontally so the cursor stays visible. A masked field draws one `*` per character.
enum InputField {
    static func draw(
        _ editor: LineEditor, x: Int, y: Int, width: Int, focused: Bool, placeholder: String = "", masked: Bool = false,
        into buffer: inout CellBuffer, theme: Theme
    ) {
        guard width > 0 else { return }
        buffer.fill(x: x, y: y, count: width, role: .input)
        if editor.isEmpty, !placeholder.isEmpty {
            buffer.put(placeholder, x: x, y: y, maxWidth: width, role: .dim)
        }
        let characters = masked ? Array(repeating: "*", count: editor.characters.count) : editor.characters
        let before = TextSanitizer.clean(String(characters[..<editor.cursor]))
        let after = TextSanitizer.clean(String(characters[editor.cursor...]))
        let cursorColumn = DisplayWidth.of(before)
        // Keep the cursor inside the field, leaving one column for it at the end.
        var skipped = ""
        var shown = before
        while DisplayWidth.of(shown) > width - 1, !shown.isEmpty {
            skipped.append(shown.removeFirst())
        }
        if !editor.isEmpty {
            buffer.put(shown + after, x: x, y: y, maxWidth: width, role: .input)
        }
        if focused { buffer.cursor = CursorPosition(x: x + cursorColumn - DisplayWidth.of(skipped), y: y) }
    }
}
