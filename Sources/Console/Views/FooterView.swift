import Essentials

/// The last row: key hints for where the user is, generated from the key map, most important
/// first, dropping what does not fit. Actions a non-ADMIN user cannot run are dimmed.
enum FooterView {
    static func draw(_ state: AppState, _ rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        var x = rect.x
        let contexts = state.inputContexts
        // While a text field has the keys, printable keys are text, so their hints would lie.
        let typing = contexts.contains(.lineEdit)
        for binding in KeyMap.standard.hints(for: contexts) {
            if typing, binding.keys[0].character != nil { continue }
            let key = " " + (theme.glyphs == .ascii ? binding.keys[0].asciiName : binding.keys[0].name) + " "
            let label = " " + (binding.hint ?? "") + " "
            let needed = DisplayWidth.of(key) + DisplayWidth.of(label)
            if x + needed > rect.maxX { continue }
            let disabled = binding.command.isAdminAction && !state.cluster.isAdmin
            x += buffer.put(key, x: x, y: rect.y, role: disabled ? .dim : .key)
            x += buffer.put(label, x: x, y: rect.y, role: disabled ? .dim : .hint)
        }
    }
}
