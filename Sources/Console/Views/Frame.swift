import Essentials

/// A box with a title in its top edge, for panes and dialogs.
enum Frame {
    static func draw(_ rect: Rect, title: String, role: Role = .border, into buffer: inout CellBuffer, glyphs: GlyphSet) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let h = glyphs.horizontal
        let v = String(glyphs.vertical)
        buffer.put(String(glyphs.topLeft) + String(repeating: h, count: rect.width - 2) + String(glyphs.topRight), x: rect.x, y: rect.y, role: role)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put(v, x: rect.x, y: y, role: role)
            buffer.put(v, x: rect.maxX - 1, y: y, role: role)
        }
        buffer.put(String(glyphs.bottomLeft) + String(repeating: h, count: rect.width - 2) + String(glyphs.bottomRight), x: rect.x, y: rect.maxY - 1, role: role)
        if !title.isEmpty {
            let text = " " + DisplayWidth.truncate(title, to: rect.width - 6, ellipsis: glyphs.ellipsis) + " "
            buffer.put(text, x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, role: .title)
        }
    }
}
