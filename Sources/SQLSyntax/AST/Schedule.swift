/// `CREATE JOB name ON SCHEDULE {EVERY n unit [STARTS t] [ENDS t] | AT t} [COMMENT 'c'] DO body`,
/// Doris's job-scheduler syntax. SnapDeck's jobs run backups: the engine requires `body` to be
/// a BACKUP SNAPSHOT statement.
public struct CreateJob: Sendable, Equatable {
    public var name: String
    public var schedule: JobSchedule
    public var comment: String?
    /// The statement after `DO`, exactly as written: it may hold `{ts}` placeholders (the run's
    /// scheduled time), so it is kept as text and parsed by the engine at each run.
    public var body: String

    public init(name: String, schedule: JobSchedule, comment: String? = nil, body: String) {
        self.name = name
        self.schedule = schedule
        self.comment = comment
        self.body = body
    }
}

/// When a job runs: every `amount` `unit`s from `starts` until `ends`, or once `at` a time.
public enum JobSchedule: Sendable, Equatable {
    /// `unit` is upper-cased as written; the engine decides which units it takes.
    case every(amount: Int, unit: String, starts: JobTimePoint?, ends: JobTimePoint?)
    case at(JobTimePoint)
}

/// A time in a schedule: `'yyyy-MM-dd HH:mm:ss'` (local time) or `CURRENT_TIMESTAMP`.
public enum JobTimePoint: Sendable, Equatable {
    case text(String)
    case currentTimestamp
}

/// `FROM name("key" = "value", ...)`: a table-valued function in a SELECT (`jobs(...)`,
/// `tasks(...)`).
public struct TableFunctionCall: Sendable, Equatable {
    /// As written.
    public var name: String
    public var arguments: [Property]

    public init(name: String, arguments: [Property]) {
        self.name = name
        self.arguments = arguments
    }
}
