import Essentials

/// The Console tab: the SQL prompt, the last statement's outcome, and its result grid.
enum ConsoleView {
    static func draw(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer, theme: Theme) {
        let console = state.console
        ListView.title(["SQL console"], note: "same executor as snapdeck sql · ↑↓ history · Esc leaves the prompt",
                       in: layout.main, into: &buffer, theme: theme)
        let y = layout.body.y
        buffer.put("sql>", x: 1, y: y, role: console.focus == .prompt ? .key : .dim)
        InputField.draw(console.editor, x: 6, y: y, width: layout.width - 7, focused: console.focus == .prompt && state.modal == nil,
                        placeholder: "e.g. SHOW BACKUP FROM retail;", into: &buffer, theme: theme)
        var shownColumns = 0
        if let result = console.result, !result.columns.isEmpty {
            shownColumns = drawGrid(result, console, in: layout.consoleGrid, into: &buffer, theme: theme)
        }
        var status: StyledLine
        if console.running != nil {
            status = StyledLine("running: " + SQLText.maskingSecrets(console.statement ?? ""), .running)
        } else if let result = console.result {
            if let error = result.error {
                status = StyledLine(error, .error)
            } else if !result.columns.isEmpty {
                let n = result.rows.count
                status = StyledLine(n == 0 ? "Empty set" : "\(n) row\(n == 1 ? "" : "s") in set", .info)
                let first = min(console.columnOffset, result.columns.count - 1) + 1
                if first > 1 || first + shownColumns - 1 < result.columns.count {
                    status = status.appending("  columns \(first)-\(first + shownColumns - 1) of \(result.columns.count): Esc, then h/l scrolls", .dim)
                }
            } else {
                status = StyledLine(result.message ?? "Query OK", .info)
            }
        } else {
            status = StyledLine("Type a statement and press Enter. HELP CONTENTS lists them.", .dim)
        }
        if let statement = console.statement, console.running == nil, console.result != nil {
            // Say which statement the grid belongs to: the prompt is empty again by now.
            let shown = StyledLine(DisplayWidth.truncate(SQLText.maskingSecrets(statement), to: max(10, layout.width / 3), ellipsis: theme.glyphs.ellipsis) + "  ", .sql)
            status = StyledLine(runs: shown.runs + status.runs)
        }
        status.draw(x: 1, y: y + 1, width: layout.width - 2, into: &buffer, ellipsis: theme.glyphs.ellipsis)
    }

    /// Draws the result rows in view and returns how many columns fit.
    private static func drawGrid(_ result: SQLResult, _ console: ConsoleState, in rect: Rect, into buffer: inout CellBuffer, theme: Theme) -> Int {
        let first = min(console.columnOffset, max(0, result.columns.count - 1))
        let columns = result.columns[first...].map { ColumnSpec(title: $0, minWidth: min(4, DisplayWidth.of($0)), maxWidth: 40, priority: 0) }
        let viewport = Layout.rows(in: rect)
        var cursor = console.resultCursor
        let selected = cursor.selected ?? 0
        cursor.scroll(toShow: selected, count: result.rows.count, viewport: viewport)
        let start = cursor.offset
        let rows = result.rows[start..<min(result.rows.count, start + viewport)].enumerated().map { i, row in
            TableRow(key: String(start + i), cells: row.dropFirst(first).map { TableCell($0 ?? "NULL", role: $0 == nil ? .dim : nil) })
        }
        buffer.stats.rowsFormatted += rows.count
        // Columns keep their natural width and run off the right edge; h/l scroll them.
        var specs = columns
        var used = 1
        for i in specs.indices {
            let natural = max(DisplayWidth.of(specs[i].title), rows.map { DisplayWidth.of($0.cells[safe: i]?.text ?? "") }.max() ?? 0)
            let w = min(40, max(specs[i].minWidth, natural))
            specs[i].minWidth = w
            specs[i].maxWidth = w
            specs[i].priority = used + w + 1 > rect.width ? 1 : 0
            used += w + 1
        }
        TableView(columns: specs, rows: rows, selected: console.focus == .results ? selected - start : nil, emptyText: "Empty set")
            .draw(in: rect, into: &buffer, glyphs: theme.glyphs)
        return max(1, specs.filter { $0.priority == 0 }.count)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
