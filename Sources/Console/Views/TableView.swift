import Essentials

/// Draws a table into a rectangle: a column header (with the sort arrow), then the visible rows,
/// the selected one highlighted. Column widths come from the header and the visible rows only,
/// so a frame costs the same with ten rows or ten thousand.
struct TableView {
    var columns: [ColumnSpec]
    /// The rows on screen, first visible first.
    var rows: [TableRow]
    /// Index in `rows` of the selected row.
    var selected: Int?
    var sortColumn: Int?
    var descending = false
    var emptyText = ""

    func draw(in rect: Rect, into buffer: inout CellBuffer, glyphs: GlyphSet) {
        guard rect.height > 0, rect.width > 0 else { return }
        let widths = Self.widths(columns, rows: rows, width: rect.width - 1)
        buffer.fill(x: rect.x, y: rect.y, count: rect.width, role: .columnHeader)
        var x = rect.x + 1
        for (i, column) in columns.enumerated() {
            guard let w = widths[i] else { continue }
            var title = column.title
            if sortColumn == i { title += descending ? glyphs.sortDescending : glyphs.sortAscending }
            buffer.put(DisplayWidth.fit(title, w, alignRight: column.alignRight, ellipsis: glyphs.ellipsis), x: x, y: rect.y, maxWidth: w, role: .columnHeader)
            x += w + 1
        }
        if rows.isEmpty {
            buffer.put(emptyText, x: rect.x + 1, y: rect.y + 1, maxWidth: rect.width - 2, role: .dim)
            return
        }
        for (index, row) in rows.prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + index
            let isSelected = index == selected
            let rowRole: Role = isSelected ? .selected : row.role
            buffer.fill(x: rect.x, y: y, count: rect.width, role: rowRole)
            var x = rect.x + 1
            for (i, column) in columns.enumerated() {
                guard let w = widths[i], i < row.cells.count else { continue }
                let cell = row.cells[i]
                // A state keeps its colour on the selected row, reversed like the rest.
                let role = isSelected ? (cell.role.map { Self.keepsRole($0) ? $0 : .selected } ?? .selected) : (row.role == .dim ? .dim : cell.role ?? rowRole)
                let attributes: TextAttributes = isSelected && role != .selected ? .reverse : []
                switch cell.content {
                case .text(let text):
                    buffer.put(DisplayWidth.fit(text, w, alignRight: column.alignRight, ellipsis: glyphs.ellipsis), x: x, y: y, maxWidth: w, role: role, attributes: attributes)
                case .bar(let fraction, let label, let short):
                    // Prefer bar + full label, then bar + short label, then the short label alone.
                    let text = fraction != nil && DisplayWidth.of(label) + 5 > w ? short : label
                    drawBar(fraction, text, x: x, y: y, width: w, role: role, selected: isSelected, into: &buffer, glyphs: glyphs)
                }
                x += w + 1
            }
        }
    }

    static func keepsRole(_ role: Role) -> Bool {
        [.running, .finished, .failed, .pending, .warning, .error].contains(role)
    }

    private func drawBar(
        _ fraction: Double?, _ label: String, x: Int, y: Int, width: Int, role: Role, selected: Bool, into buffer: inout CellBuffer, glyphs: GlyphSet
    ) {
        let labelWidth = DisplayWidth.of(label)
        let room = width - labelWidth - 1
        let barWidth = fraction == nil || room < 3 ? 0 : min(10, room)
        if let fraction, barWidth > 0 {
            let done = Int((fraction * Double(barWidth)).rounded(.down))
            buffer.put(String(repeating: glyphs.barDone, count: done), x: x, y: y, role: selected ? .selected : .progressDone)
            buffer.put(String(repeating: glyphs.barTodo, count: barWidth - done), x: x + done, y: y, role: selected ? .selected : .progressTodo)
        }
        let offset = barWidth > 0 ? barWidth + 1 : 0
        buffer.put(DisplayWidth.truncate(label, to: width - offset, ellipsis: glyphs.ellipsis), x: x + offset, y: y, maxWidth: width - offset, role: role)
    }

    /// Widths per column, nil for a dropped column, fitting `width` with one space between columns.
    static func widths(_ columns: [ColumnSpec], rows: [TableRow], width: Int) -> [Int?] {
        var ideal = columns.map { DisplayWidth.of($0.title) + 1 }
        for row in rows {
            for (i, cell) in row.cells.enumerated() where i < ideal.count {
                ideal[i] = max(ideal[i], cell.idealWidth)
            }
        }
        for (i, column) in columns.enumerated() {
            ideal[i] = min(max(ideal[i], column.minWidth), column.maxWidth)
        }
        var included = Array(columns.indices)
        func total(_ widths: [Int]) -> Int {
            included.reduce(0) { $0 + widths[$1] } + max(0, included.count - 1)
        }
        let minimums = columns.map(\.minWidth)
        while total(minimums) > width, let drop = included.filter({ columns[$0].priority > 0 }).max(by: { columns[$0].priority < columns[$1].priority }) {
            included.removeAll { $0 == drop }
        }
        // The flex column (TaskErrMsg) claims a fair share before the others take their ideal
        // widths, so a long error is not squeezed to its minimum on a wide screen.
        let flexTarget = max(0, (width - 40) / 4)
        var widths = columns.indices.map { columns[$0].flex ? max(columns[$0].minWidth, min(ideal[$0], flexTarget)) : ideal[$0] }
        var used = total(widths)
        for i in included.filter({ !columns[$0].flex }).sorted(by: { columns[$0].priority > columns[$1].priority }) where used > width {
            let cut = min(widths[i] - columns[i].minWidth, used - width)
            widths[i] -= cut
            used -= cut
        }
        if used > width, let flex = included.first(where: { columns[$0].flex }) {
            let cut = min(widths[flex] - columns[flex].minWidth, used - width)
            widths[flex] -= cut
            used -= cut
        }
        if used < width, let flex = included.first(where: { columns[$0].flex }) {
            let grow = min(width - used, columns[flex].maxWidth - widths[flex])
            widths[flex] += grow
        }
        return columns.indices.map { included.contains($0) ? widths[$0] : nil }
    }
}
