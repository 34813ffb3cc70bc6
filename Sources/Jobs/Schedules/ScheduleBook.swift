import Foundation
import GRDB

/// The catalog's `backup_schedules` and `schedule_runs` tables: every schedule and its recent
/// runs, each change in one transaction on the catalog's connection (`synchronous=FULL`), so
/// a run is durable before its backup is submitted.
public struct ScheduleBook: Sendable {
    let database: DatabaseQueue
    /// Settled runs kept per schedule (the newest); older ones are pruned as runs settle.
    public static let keptRunsPerSchedule = 100

    public init(database: DatabaseQueue) {
        self.database = database
    }

    /// A CREATE JOB whose name another schedule has.
    public struct NameTaken: Error {}

    /// Every schedule, by id.
    public func schedules() throws -> [BackupSchedule] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM backup_schedules ORDER BY id").map { try Self.decode($0) }
        }
    }

    /// Runs, oldest first: all of them, or only PENDING and RUNNING ones.
    public func runs(openOnly: Bool = false) throws -> [ScheduleRun] {
        let condition = openOnly ? " WHERE status IN ('\(RunStatus.pending.rawValue)', '\(RunStatus.running.rawValue)')" : ""
        return try database.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM schedule_runs\(condition) ORDER BY id").map { try Self.decode($0) }
        }
    }

    /// Saves a new schedule under the next id and returns it as saved.
    public func create(_ schedule: BackupSchedule) throws -> BackupSchedule {
        try database.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM backup_schedules WHERE name = ?", arguments: [schedule.name]) == true {
                throw NameTaken()
            }
            var saved = schedule
            saved.id = try Self.nextId(in: "backup_schedules", db)
            try Self.put(saved, db)
            return saved
        }
    }

    public func save(_ schedule: BackupSchedule) throws {
        try database.write { db in try Self.put(schedule, db) }
    }

    /// Deletes a schedule and its runs.
    public func delete(scheduleId: Int64) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM schedule_runs WHERE scheduleId = ?", arguments: [scheduleId])
            try db.execute(sql: "DELETE FROM backup_schedules WHERE id = ?", arguments: [scheduleId])
        }
    }

    /// Journals a new run under the next task id, with its schedule's change (the occurrences
    /// it spends) in the same transaction, and returns it as saved.
    public func open(_ run: ScheduleRun, schedule: BackupSchedule) throws -> ScheduleRun {
        try database.write { db in
            var saved = run
            saved.taskId = try Self.nextId(in: "schedule_runs", db)
            try Self.put(saved, db)
            try Self.put(schedule, db)
            return saved
        }
    }

    /// Saves a run's change, with its schedule's (counts, status) when given, in one
    /// transaction; a settled run prunes its schedule's oldest settled runs.
    public func save(_ run: ScheduleRun, schedule: BackupSchedule? = nil) throws {
        try database.write { db in
            try Self.put(run, db)
            if let schedule { try Self.put(schedule, db) }
            if !run.status.isOpen {
                try db.execute(
                    sql: """
                        DELETE FROM schedule_runs WHERE scheduleId = ? AND status NOT IN (?, ?) AND id NOT IN (
                            SELECT id FROM schedule_runs WHERE scheduleId = ? ORDER BY id DESC LIMIT ?)
                        """,
                    arguments: [run.scheduleId, RunStatus.pending.rawValue, RunStatus.running.rawValue, run.scheduleId,
                                Self.keptRunsPerSchedule])
            }
        }
    }

    private static func nextId(in table: String, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM \(table)") ?? 1
    }

    private static func put(_ schedule: BackupSchedule, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO backup_schedules(id, name, status, body) VALUES (?, ?, ?, ?)",
            arguments: [schedule.id, schedule.name, schedule.status.rawValue, try JSONEncoder().encode(schedule)])
    }

    private static func put(_ run: ScheduleRun, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO schedule_runs(id, scheduleId, label, status, body) VALUES (?, ?, ?, ?, ?)",
            arguments: [run.taskId, run.scheduleId, run.label, run.status.rawValue, try JSONEncoder().encode(run)])
    }

    private static func decode<T: Decodable>(_ row: Row) throws -> T {
        try JSONDecoder().decode(T.self, from: row["body"] as Data)
    }
}
