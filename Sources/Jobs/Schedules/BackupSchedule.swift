import Essentials
import Foundation

/// A schedule's interval unit. Doris's job scheduler also knows SECOND; a backup every few
/// seconds is no schedule an operator wants, so SnapDeck's start at MINUTE.
public enum ScheduleUnit: String, Sendable, Codable, CaseIterable {
    case minute = "MINUTE", hour = "HOUR", day = "DAY", week = "WEEK"

    /// A fixed length, as Doris counts it (a DAY is 24 hours, daylight saving or not).
    public var milliseconds: Int64 {
        switch self {
        case .minute: 60_000
        case .hour: 3_600_000
        case .day: 86_400_000
        case .week: 604_800_000
        }
    }
}

/// When a schedule runs: Doris's RECURRING (`EVERY n unit STARTS s [ENDS e]`) or ONE_TIME
/// (`AT t`). Times are epoch milliseconds.
public enum ScheduleTiming: Sendable, Codable, Equatable {
    case every(amount: Int, unit: ScheduleUnit, starts: Int64, ends: Int64?)
    case at(Int64)

    /// Doris's ExecuteType.
    public var executeType: String {
        switch self {
        case .every: "RECURRING"
        case .at: "ONE_TIME"
        }
    }

    /// Doris's RecurringStrategy: `EVERY 1 DAY STARTS 2026-12-03 02:00:00 [ENDS ...]` or
    /// `AT 2026-12-03 02:00:00`, in local time.
    public var recurringStrategy: String {
        switch self {
        case .every(let amount, let unit, let starts, let ends):
            let text = "EVERY \(amount) \(unit.rawValue) STARTS \(JobTime.format(starts) ?? "")"
            return ends.map { text + " ENDS \(JobTime.format($0) ?? "")" } ?? text
        case .at(let time):
            return "AT \(JobTime.format(time) ?? "")"
        }
    }
}

/// A schedule's status, with Doris's names. A PAUSED schedule starts no run; a FINISHED one
/// (its AT time or ENDS passed, its last run settled) never runs again.
public enum ScheduleStatus: String, Sendable, Codable {
    case running = "RUNNING", paused = "PAUSED", finished = "FINISHED"
}

/// One backup schedule, as its row in the catalog keeps it.
public struct BackupSchedule: Sendable, Codable, Equatable {
    /// Assigned when the schedule is first saved.
    public var id: Int64
    public var name: String
    /// The user who created it; its runs execute as this user.
    public var definer: String
    /// The database the body backs up (its `db.` or the creator's current database).
    public var databaseName: String
    /// The BACKUP statement as written, `{ts}` placeholders included (Doris's ExecuteSql).
    public var executeSql: String
    public var comment: String
    /// Epoch milliseconds.
    public var createTime: Int64
    public var timing: ScheduleTiming
    public var status: ScheduleStatus
    /// Occurrences at or before this time (epoch milliseconds) are spent: run, absorbed by a
    /// run that was still open, or skipped while the schedule was paused.
    public var consumedThrough: Int64
    public var succeededRuns = 0
    public var failedRuns = 0
    public var canceledRuns = 0

    public init(
        id: Int64 = 0, name: String, definer: String, databaseName: String, executeSql: String, comment: String,
        createTime: Int64, timing: ScheduleTiming, status: ScheduleStatus = .running, consumedThrough: Int64
    ) {
        self.id = id
        self.name = name
        self.definer = definer
        self.databaseName = databaseName
        self.executeSql = executeSql
        self.comment = comment
        self.createTime = createTime
        self.timing = timing
        self.status = status
        self.consumedThrough = consumedThrough
    }

    /// The statement a run executes: `executeSql` with every `{ts}` replaced by the run's
    /// scheduled time.
    public func statement(scheduledAt millis: Int64) -> String {
        executeSql.replacingOccurrences(of: Self.timePlaceholder, with: Self.labelStamp(millis))
    }

    public static let timePlaceholder = "{ts}"

    /// `yyyyMMdd_HHmmss` in local time: what `{ts}` becomes. Letters, digits and `_` only, so
    /// a label with it stays within Doris's label pattern.
    public static func labelStamp(_ millis: Int64) -> String {
        let time = LocalTime(epochSeconds: millis / 1000)
        return time.compactDate + "_" + time.compactClock
    }
}
