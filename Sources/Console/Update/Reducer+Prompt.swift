/// The bottom input line: `/` filters as you type, `:` runs a palette command.
extension Reducer {
    static func promptKey(_ state: inout AppState, _ key: Key, _ original: PromptState) -> [Effect] {
        var prompt = original
        var edited = false
        if let ch = key.character {
            prompt.editor.insert(ch)
            edited = true
        } else if let command = KeyMap.standard.command(for: key, in: [.lineEdit]), prompt.editor.apply(command) {
            edited = true
        } else if let command = KeyMap.standard.command(for: key, in: [.prompt, .always]) {
            switch command {
            case .submit:
                state.modal = nil
                if prompt.kind == .command { return Palette.run(prompt.editor.text, &state) }
                return []
            case .dismiss:
                state.modal = nil
                if prompt.kind == .filter { setFilter(&state, "") }
                return []
            case .nextField:
                let suggestions = Palette.suggestions(for: prompt.editor.text)
                if prompt.kind == .command, suggestions.indices.contains(prompt.suggestion) {
                    let entry = suggestions[prompt.suggestion]
                    prompt.editor.text = entry.name + (entry.argument.isEmpty ? "" : " ")
                    prompt.suggestion = 0
                }
            case .moveUp: prompt.suggestion = max(0, prompt.suggestion - 1)
            case .moveDown:
                prompt.suggestion = min(max(0, Palette.suggestions(for: prompt.editor.text).count - 1), prompt.suggestion + 1)
            case .redraw: state.needsFullRedraw = true
            default: break
            }
        }
        if edited {
            prompt.suggestion = 0
            // The filter applies live, so the user sees the rows narrow while typing.
            if prompt.kind == .filter { setFilter(&state, prompt.editor.text) }
        }
        state.modal = .prompt(prompt)
        return []
    }
}
