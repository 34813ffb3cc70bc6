import Catalog
import Jobs
import SQLSyntax

/// `SELECT ... FROM jobs("type"="backup")` and `tasks("type"="backup")`: Doris's job
/// scheduler's table functions, listing SnapDeck's backup schedules and their runs. The rows
/// go through the ordinary SELECT machinery, so WHERE, ORDER BY, LIMIT and aggregates work.
struct ScheduleTables: StatementFamily {
    let services: ClusterServices

    /// Doris's jobs() columns, then SnapDeck's: the latest run's time and result, the next
    /// occurrence.
    static let jobColumns = [
        "Id", "Name", "Definer", "ExecuteType", "RecurringStrategy", "Status", "ExecuteSql", "CreateTime",
        "SucceedTaskCount", "FailedTaskCount", "CanceledTaskCount", "Comment", "LastRunTime", "LastResult", "NextRunTime",
    ]
    /// Doris's tasks() columns for insert jobs, then SnapDeck's: the occurrence the run is for.
    static let taskColumns = [
        "TaskId", "JobId", "JobName", "Label", "Status", "ErrorMsg", "CreateTime", "FinishTime", "TrackingUrl",
        "LoadStatistic", "User", "ScheduledTime",
    ]

    func select(_ select: Select, from function: TableFunctionCall, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        if select.partitions != nil { throw SQLError.general("PARTITION cannot follow a table function: \(function.name)") }
        let (names, rows) = try table(function, c)
        let columns = names.map { Column(name: $0, type: .string, nullable: true, isKey: false, defaultValue: nil, comment: "") }
        let filter = try RowFilter(select.filter, columns: columns)
        let binder = ExpressionBinder(columns: columns) { expression throws(SQLError) in
            try ValueSelectStatements(services: services).sessionValue(expression, c)
        }
        let plan = try SelectPlan(SelectRequest(select, columns: columns, binder: binder, c), binder: binder)
        return try plan.run { visit throws(SQLError) in
            for row in rows {
                let values = row.map { cell in cell.map(Value.string) ?? .null }
                if filter.matches(values), try !visit(values) { return }
            }
        }
    }

    private func table(_ function: TableFunctionCall, _ c: ExecutionContext) throws(SQLError) -> ([String], [[String?]]) {
        let name = function.name.lowercased()
        guard name == "jobs" || name == "tasks" else {
            throw SQLError.general("Unknown table function '\(function.name)': SnapDeck has jobs(\"type\"=\"backup\") and tasks(\"type\"=\"backup\")")
        }
        var type: String?
        for argument in function.arguments {
            guard argument.key.lowercased() == "type" else {
                throw SQLError.general("Unknown argument of \(name)(): \(argument.key); it takes \"type\"")
            }
            type = argument.value
        }
        guard let type else { throw SQLError.general("Invalid job metadata query: \(name)() needs \"type\"=\"backup\"") }
        guard type.lowercased() == "backup" else {
            let known = ["insert", "mv", "streaming"].contains(type.lowercased())
            throw SQLError.general(known
                ? "SnapDeck's jobs are backup schedules: use \(name)(\"type\"=\"backup\"); there are no \(type) jobs here"
                : "Invalid job type: \(type); SnapDeck's jobs are \"backup\"")
        }
        let schedules: [BackupSchedule]
        let runs: [ScheduleRun]
        do {
            if services.store.readOnlyReason == nil { try ScheduleDriver(services: services).settleEnded() }
            schedules = try services.scheduleBook.schedules()
            runs = try services.scheduleBook.runs()
        } catch {
            throw SQLError.general("cannot read the jobs: \(error)")
        }
        let visible = schedules.filter { c.user.isAdmin || c.user.has(.load, on: $0.databaseName) }
        if name == "tasks" {
            let ids = Set(visible.map(\.id))
            return (Self.taskColumns, runs.filter { ids.contains($0.scheduleId) }.sorted { $0.taskId > $1.taskId }.map(Self.taskRow))
        }
        let latestRun = Dictionary(runs.map { ($0.scheduleId, $0) }, uniquingKeysWith: { $0.taskId > $1.taskId ? $0 : $1 })
        return (Self.jobColumns, visible.map { Self.jobRow($0, latest: latestRun[$0.id]) })
    }

    static func jobRow(_ s: BackupSchedule, latest: ScheduleRun?) -> [String?] {
        let next = s.status == .running ? s.timing.occurrence(after: s.consumedThrough) : nil
        return [
            String(s.id), s.name, s.definer, s.timing.executeType, s.timing.recurringStrategy, s.status.rawValue, s.executeSql,
            time(s.createTime), String(s.succeededRuns), String(s.failedRuns), String(s.canceledRuns), s.comment,
            time(latest?.createTime ?? -1), latest.map(result) ?? "", time(next ?? -1),
        ]
    }

    static func taskRow(_ r: ScheduleRun) -> [String?] {
        [
            String(r.taskId), String(r.scheduleId), r.jobName, r.label, r.status.rawValue, r.errorMessage, time(r.createTime),
            time(r.finishTime), "", "", r.user, time(r.scheduledTime),
        ]
    }

    /// `SUCCESS`, `FAILED: <why>`, `CANCELED: <why>`, or PENDING / RUNNING while the run is open.
    static func result(_ run: ScheduleRun) -> String {
        run.errorMessage.isEmpty ? run.status.rawValue : "\(run.status.rawValue): \(run.errorMessage)"
    }

    /// `yyyy-MM-dd HH:mm:ss` local, empty when unset.
    private static func time(_ millis: Int64) -> String {
        JobTime.format(millis) ?? ""
    }
}
