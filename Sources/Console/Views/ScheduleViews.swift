import Essentials

/// The Schedules tab: the backup schedules (`jobs("type"="backup")`) and, on Enter, a pane with
/// every column of the selected one.
enum ScheduleViews {
    static func draw(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer, theme: Theme) {
        let schedules = state.cluster.schedules
        let paused = schedules.filter(\.isPaused).count
        var title = "Schedules · \(schedules.count)"
        if paused > 0 { title += " (\(paused) paused)" }
        ListView.title([title], note: "n new · p pause/resume · x run now · d drop", in: layout.main, into: &buffer, theme: theme)
        let areas = layout.jobAreas(detailOpen: state.scheduleDetailOpen)
        ListView.draw(state.scheduleTable(), cursor: state.scheduleCursor, in: areas.table, into: &buffer, theme: theme)
        if let pane = areas.detail, let name = state.scheduleCursor.selected, let schedule = state.cluster.schedule(named: name) {
            drawDetail(schedule, in: pane, into: &buffer, theme: theme)
        }
    }

    /// Every column the server gave, long values wrapped.
    static func drawDetail(_ schedule: ScheduleRow, in rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        guard rect.height >= 3 else { return }
        buffer.clear(rect)
        Frame.draw(rect, title: "Schedule \(schedule.name)", into: &buffer, glyphs: theme.glyphs)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let labelWidth = min(20, (schedule.cells.map { DisplayWidth.of($0.column) }.max() ?? 0) + 2)
        var lines: [StyledLine] = []
        for cell in schedule.cells {
            let wrapped = StyledLine.wrapped(cell.value ?? "NULL", width: max(8, inner.width - labelWidth), role: cell.value == nil ? .dim : .normal)
            for (i, line) in wrapped.enumerated() {
                lines.append(StyledLine(runs: [StyledLine.Run(text: DisplayWidth.fit(i == 0 ? cell.column : "", labelWidth), role: .dim)] + line.runs))
            }
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            line.draw(x: inner.x, y: inner.y + i, width: inner.width, into: &buffer, ellipsis: theme.glyphs.ellipsis)
        }
    }
}

extension AppState {
    /// The schedules, one row each: what an operator checks every morning first (state, next
    /// run, last result), then the schedule and what it backs up.
    func scheduleTable() -> TableModel {
        let rows = cluster.schedules.map { schedule in
            TableRow(key: schedule.name, cells: [
                TableCell(schedule.name),
                TableCell(schedule.status, role: Self.role(ofScheduleStatus: schedule.status)),
                TableCell(schedule.nextRunTime.isEmpty ? "—" : schedule.nextRunTime, role: schedule.isPaused ? .dim : nil),
                TableCell(schedule.lastResult.isEmpty ? "—" : schedule.lastResult,
                          role: schedule.lastResult.isEmpty ? .dim : schedule.lastRunFailed ? .failed : .finished),
                TableCell(schedule.every),
                TableCell(Self.backupTarget(schedule.executeSql)),
                TableCell(schedule.lastRunTime.isEmpty ? "—" : schedule.lastRunTime),
                TableCell(schedule.comment),
            ])
        }
        return TableModel(columns: [
            ColumnSpec(title: "Name", minWidth: 8, maxWidth: 24, priority: 0),
            ColumnSpec(title: "Status", minWidth: 7, maxWidth: 9, priority: 0),
            ColumnSpec(title: "Next run", minWidth: 19, maxWidth: 19, priority: 1),
            ColumnSpec(title: "Last result", minWidth: 12, maxWidth: 40, priority: 2),
            ColumnSpec(title: "Every", minWidth: 8, maxWidth: 24, priority: 1),
            ColumnSpec(title: "Backs up", minWidth: 12, maxWidth: 80, priority: 4, flex: true),
            ColumnSpec(title: "Last run", minWidth: 19, maxWidth: 19, priority: 5),
            ColumnSpec(title: "Comment", minWidth: 8, maxWidth: 30, priority: 6),
        ], rows: rows, emptyText: !hasSnapshot ? "Waiting for the engine…"
            : unavailableText(.schedules) ?? "No backup schedules. Press n to create one.")
            .filtered(filters[.schedules] ?? "")
    }

    static func role(ofScheduleStatus status: String) -> Role {
        switch status.uppercased() {
        case "RUNNING": .running
        case "PAUSED": .warning
        case "STOPPED", "CANCELED", "CANCELLED": .failed
        default: .dim
        }
    }

    /// `BACKUP SNAPSHOT shop.nightly_{ts} TO repo …` without its first two words: what is
    /// backed up where, which is what the column has room for.
    static func backupTarget(_ sql: String) -> String {
        let prefix = "BACKUP SNAPSHOT "
        guard sql.uppercased().hasPrefix(prefix) else { return sql }
        return String(sql.dropFirst(prefix.count))
    }
}
