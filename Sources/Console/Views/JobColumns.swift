import Essentials

/// The columns of the Backups and Restores tables and how one job fills them.
enum JobColumns {
    static let specs: [ColumnSpec] = [
        ColumnSpec(title: "JobId", minWidth: 6, maxWidth: 12, priority: 0, alignRight: true),
        ColumnSpec(title: "DbName", minWidth: 6, maxWidth: 16, priority: 1),
        ColumnSpec(title: "Label", minWidth: 8, maxWidth: 28, priority: 0),
        ColumnSpec(title: "State", minWidth: 11, maxWidth: 18, priority: 0),
        ColumnSpec(title: "Progress", minWidth: 12, maxWidth: 30, priority: 2),
        ColumnSpec(title: "Unfinished", minWidth: 10, maxWidth: 22, priority: 4),
        ColumnSpec(title: "TaskErrMsg", minWidth: 10, maxWidth: 400, priority: 3, flex: true),
        ColumnSpec(title: "CreateTime", minWidth: 10, maxWidth: 19, priority: 6),
        ColumnSpec(title: "Elapsed", minWidth: 7, maxWidth: 8, priority: 5, alignRight: true),
    ]

    /// A restore's Label cell also names the snapshot's backup time, which must stay readable:
    /// on a narrow screen lower-priority columns give way first.
    static func specs(for kind: JobKind) -> [ColumnSpec] {
        guard kind == .restore else { return specs }
        var result = specs
        result[2].minWidth = 22
        return result
    }

    /// The spec column a sort column is shown on.
    static func index(of column: JobSort.Column) -> Int? {
        switch column {
        case .jobId: 0
        case .database: 1
        case .label: 2
        case .state: 3
        case .progress: 4
        case .createTime: 7
        case .elapsed: 8
        }
    }

    /// `today` (`yyyy-MM-dd`) shortens today's create times to the time of day, which leaves
    /// TaskErrMsg more room.
    static func row(_ job: JobRow, retired: Bool, now: Double, today: String, glyphs: GlyphSet) -> TableRow {
        let firstError = TaskList.entries(job.taskErrMsg).first ?? job.taskErrMsg
        let errors = job.taskErrMsg.isEmpty && job.phase == .cancelled ? job.status : firstError
        return TableRow(key: String(job.jobId), cells: [
            TableCell(String(job.jobId)),
            TableCell(job.database),
            TableCell(JobText.label(job)),
            TableCell(JobText.state(job, glyphs), role: JobText.role(job)),
            TableCell(bar: job.fraction, label: JobText.progress(job), short: JobText.percent(job)),
            TableCell(JobText.unfinished(job)),
            TableCell(errors, role: errors.isEmpty ? nil : .error),
            TableCell(job.createTime.hasPrefix(today + " ") ? String(job.createTime.dropFirst(today.count + 1)) : job.createTime),
            TableCell(JobText.elapsed(job, now: now).map(TimeSpan.text) ?? ""),
        ], role: retired ? .dim : .normal)
    }
}
