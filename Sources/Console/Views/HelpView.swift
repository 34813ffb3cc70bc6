/// The `?` overlay: every binding of the key map by context, then the palette's commands.
enum HelpView {
    static func draw(scroll: Int, in screen: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let box = Rect(x: screen.x + 2, y: screen.y + 1, width: screen.width - 4, height: screen.height - 2)
        buffer.clear(box)
        let lines = HelpContent.lines(ascii: theme.glyphs == .ascii)
        let visible = box.height - 2
        let start = min(scroll, max(0, lines.count - visible))
        Frame.draw(box, title: "Keys · \(start + 1)-\(min(lines.count, start + visible)) of \(lines.count) · j/k scroll · Esc closes",
                   into: &buffer, glyphs: theme.glyphs)
        for (i, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            line.draw(x: box.x + 2, y: box.y + 1 + i, width: box.width - 4, into: &buffer, ellipsis: theme.glyphs.ellipsis)
        }
    }
}
