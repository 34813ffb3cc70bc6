import Essentials

/// The Backups or Restores tab: a title line, the job table (only visible rows are formatted),
/// and the detail pane when open.
enum JobsView {
    static func draw(_ state: AppState, _ kind: JobKind, _ layout: Layout, into buffer: inout CellBuffer, theme: Theme) {
        let table = state.jobTable(kind)
        let areas = layout.jobAreas(detailOpen: table.detail != nil)
        drawTitle(state, table, layout.main, into: &buffer, theme: theme)

        let viewport = Layout.rows(in: areas.table)
        var cursor = table.cursor
        // Re-derive the offset for this frame's size: the reducer may have seen another size.
        let selectedIndex = cursor.selected.flatMap { table.order.firstIndex(of: $0) }
        if let selectedIndex { cursor.scroll(toShow: selectedIndex, count: table.order.count, viewport: viewport) }
        let start = min(cursor.offset, max(0, table.order.count - viewport))
        let visible = table.order[start..<min(table.order.count, start + viewport)]
        let today = LocalTime(epoch: state.now, utcOffset: state.utcOffset).date
        let rows = visible.compactMap { id in
            table.rows[id].map { JobColumns.row($0, retired: table.retired.contains(id), now: state.now, today: today, glyphs: theme.glyphs) }
        }
        buffer.stats.rowsFormatted += rows.count
        TableView(
            columns: JobColumns.specs(for: kind), rows: rows, selected: selectedIndex.map { $0 - start },
            sortColumn: JobColumns.index(of: table.sort.column), descending: table.sort.descending,
            emptyText: emptyText(state, kind)
        ).draw(in: areas.table, into: &buffer, glyphs: theme.glyphs)

        if let detailRect = areas.detail, let detail = table.detail, let job = table.selectedJob {
            JobDetailView.draw(job, retired: table.retired.contains(job.jobId), scroll: detail.scroll, now: state.now,
                               in: detailRect, into: &buffer, theme: theme)
        }
    }

    private static func drawTitle(_ state: AppState, _ table: JobTableState, _ main: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let jobs = table.rows.values
        let running = jobs.filter(\.isActive).count
        var text = "\(table.kind == .backup ? "Backups" : "Restores") · \(table.order.count) job\(table.order.count == 1 ? "" : "s")"
        if running > 0 { text += " · \(running) running" }
        if !state.filter.isEmpty { text += " matching /\(state.filter)" }
        text += " · sort \(table.sort.column.rawValue) \(table.sort.descending ? theme.glyphs.sortDescending : theme.glyphs.sortAscending)"
        buffer.put(text, x: main.x + 1, y: main.y, maxWidth: main.width - 2, role: .title)
        var notes: [String] = []
        if table.waiting > 0 { notes.append("\(table.waiting) new waiting") }
        if !table.retired.isEmpty { notes.append("\(table.retired.count) gone") }
        if !table.rows.isEmpty, let reason = state.unavailableText(table.kind.clusterPart) {
            // Some databases could be read and some not: the rows shown are not the whole story.
            let w = DisplayWidth.of(text)
            buffer.put(reason, x: main.x + w + 3, y: main.y, maxWidth: main.width - w - 4, role: .warning)
            return
        }
        if !notes.isEmpty, !state.isPaused {
            let note = "order held: " + notes.joined(separator: ", ")
            let w = DisplayWidth.of(note)
            if DisplayWidth.of(text) + w + 4 < main.width { buffer.put(note, x: main.maxX - w - 1, y: main.y, role: .dim) }
        }
    }

    private static func emptyText(_ state: AppState, _ kind: JobKind) -> String {
        if !state.hasSnapshot { return "Waiting for the engine…" }
        if let reason = state.unavailableText(kind.clusterPart) { return reason }
        if !state.filter.isEmpty, !state.jobTable(kind).rows.isEmpty { return "No job matches /\(state.filter). Esc clears the filter." }
        return kind == .backup
            ? "No backup jobs yet. Press b to back up a database."
            : "No restore jobs yet. Select a snapshot on the Snapshots tab (4) and press r."
    }
}
