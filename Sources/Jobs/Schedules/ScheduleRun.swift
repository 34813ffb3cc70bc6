/// A run's status, with Doris's task statuses: PENDING (journaled, its backup not yet
/// submitted: waiting for its turn or for the database to be free), RUNNING (its backup job
/// runs), then SUCCESS, FAILED or CANCELED.
public enum RunStatus: String, Sendable, Codable {
    case pending = "PENDING", running = "RUNNING", success = "SUCCESS", failed = "FAILED", canceled = "CANCELED"

    /// PENDING or RUNNING: a schedule has at most one open run.
    public var isOpen: Bool { self == .pending || self == .running }
}

/// One run of a schedule (Doris's task), journaled before its backup is submitted so that a
/// crash in between neither loses it nor runs it twice: the backup is found again by label.
public struct ScheduleRun: Sendable, Codable, Equatable {
    /// Assigned when the run is first saved.
    public var taskId: Int64
    public var scheduleId: Int64
    public var jobName: String
    /// The snapshot label of the run's backup, `{ts}` already replaced.
    public var label: String
    public var databaseName: String
    /// The statement the run executes.
    public var sql: String
    /// The occurrence it runs for (epoch milliseconds): the time `{ts}` stands for. A run
    /// started by EXECUTE JOB is scheduled at the moment it was asked for.
    public var scheduledTime: Int64
    public var createTime: Int64
    /// When it settled, -1 before.
    public var finishTime: Int64 = -1
    public var status: RunStatus = .pending
    public var errorMessage = ""
    public var user: String
    /// Started by EXECUTE JOB rather than by the schedule.
    public var manual: Bool

    public init(
        taskId: Int64 = 0, scheduleId: Int64, jobName: String, label: String, databaseName: String, sql: String,
        scheduledTime: Int64, createTime: Int64, user: String, manual: Bool
    ) {
        self.taskId = taskId
        self.scheduleId = scheduleId
        self.jobName = jobName
        self.label = label
        self.databaseName = databaseName
        self.sql = sql
        self.scheduledTime = scheduledTime
        self.createTime = createTime
        self.user = user
        self.manual = manual
    }
}
