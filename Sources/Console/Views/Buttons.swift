import Essentials

/// A row of buttons, right-aligned in a box; the focused one reversed.
enum Buttons {
    static func draw(_ buttons: [(String, Role, Bool)], y: Int, in box: Rect, into buffer: inout CellBuffer) {
        let texts = buttons.map { "[ \($0.0) ]" }
        let total = texts.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * (texts.count - 1)
        var x = box.maxX - 2 - total
        for (text, button) in zip(texts, buttons) {
            x += buffer.put(text, x: x, y: y, role: button.2 ? .selected : button.1, attributes: button.2 ? .bold : [])
            x += 2
        }
    }
}
