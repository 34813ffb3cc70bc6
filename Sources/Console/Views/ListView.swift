import Essentials

/// Draws a `TableModel` with its keyed cursor: only the rows in view are drawn, and the cursor's
/// offset is re-derived for the rectangle so the selection is always on screen.
enum ListView {
    static func draw(_ model: TableModel, cursor: ListCursor<String>, in rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let viewport = Layout.rows(in: rect)
        var cursor = cursor
        let keys = model.keys
        let index = cursor.selected.flatMap { keys.firstIndex(of: $0) }
        if let index { cursor.scroll(toShow: index, count: keys.count, viewport: viewport) }
        let start = min(cursor.offset, max(0, keys.count - viewport))
        let rows = Array(model.rows[start..<min(model.rows.count, start + viewport)])
        buffer.stats.rowsFormatted += rows.count
        TableView(columns: model.columns, rows: rows, selected: index.map { $0 - start }, emptyText: model.emptyText)
            .draw(in: rect, into: &buffer, glyphs: theme.glyphs)
        if keys.count > viewport {
            let position = " \((index ?? 0) + 1)/\(keys.count) "
            buffer.put(position, x: rect.maxX - DisplayWidth.of(position) - 1, y: rect.y, role: .columnHeader)
        }
    }

    static func title(_ parts: [String], note: String = "", in rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let text = parts.joined(separator: theme.glyphs.breadcrumb)
        let used = buffer.put(DisplayWidth.truncateLeading(text, to: rect.width - 2, ellipsis: theme.glyphs.ellipsis), x: rect.x + 1, y: rect.y, role: .title)
        if !note.isEmpty, used + DisplayWidth.of(note) + 4 < rect.width {
            buffer.put(note, x: rect.maxX - DisplayWidth.of(note) - 1, y: rect.y, role: .dim)
        }
    }
}
