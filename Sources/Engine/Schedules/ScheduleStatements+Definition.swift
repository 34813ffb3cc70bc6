import Essentials
import Jobs
import SQLSyntax

/// CREATE JOB's schedule and body, checked before anything is saved.
extension ScheduleStatements {
    /// The schedule in epoch milliseconds. Without STARTS the first run is one interval from
    /// now, as in Doris; an AT time must lie ahead (Doris's rule), a STARTS time may lie in
    /// the past (the missed occurrences collapse into one run).
    static func timing(_ schedule: JobSchedule, now: Int64) throws(SQLError) -> ScheduleTiming {
        switch schedule {
        case .at(let point):
            let at = try millis(point, now: now)
            if at < now { throw SQLError.general("startTimeMs must be greater than current time") }
            return .at(at)
        case .every(let amount, let unitName, let startsPoint, let endsPoint):
            guard let unit = ScheduleUnit(rawValue: unitName) else {
                let units = ScheduleUnit.allCases.map(\.rawValue).joined(separator: ", ")
                throw SQLError.general("Invalid interval unit: \(unitName); a backup job runs every n \(units)")
            }
            guard amount > 0, Int64(amount) <= Int64.max / unit.milliseconds / 2 else {
                throw SQLError.general("interval must be greater than 0: EVERY \(amount) \(unit.rawValue)")
            }
            let starts = try startsPoint.map { p throws(SQLError) in try millis(p, now: now) }
                ?? now + Int64(amount) * unit.milliseconds
            let ends = try endsPoint.map { p throws(SQLError) in try millis(p, now: now) }
            if let ends, ends <= starts { throw SQLError.general("endTimeMs must be greater than the start time") }
            // A schedule that ended already would only take one backup dated in the past.
            if let ends, ends <= now { throw SQLError.general("endTimeMs must be greater than current time") }
            return .every(amount: amount, unit: unit, starts: starts, ends: ends)
        }
    }

    private static func millis(_ point: JobTimePoint, now: Int64) throws(SQLError) -> Int64 {
        switch point {
        case .currentTimestamp:
            return now
        case .text(let text):
            guard let seconds = LocalTime.epochSeconds(localDateTime: text) else {
                throw SQLError.general("Invalid datetime '\(text)': a job's times are 'yyyy-MM-dd HH:mm:ss'")
            }
            return seconds * 1000
        }
    }

    /// The BACKUP the body stands for, parsed with `{ts}` replaced by a sample time. SnapDeck's
    /// jobs run backups only; a recurring job's label needs `{ts}`, or its second run would
    /// find its snapshot already there.
    static func backupBody(_ body: String, now: Int64, recurring: Bool) throws(SQLError) -> BackupRestore {
        let sample = body.replacingOccurrences(of: BackupSchedule.timePlaceholder, with: BackupSchedule.labelStamp(now))
        let statement: Statement
        do {
            statement = try Parser.parse(sample)
        } catch {
            throw SQLError.syntax(error.message)
        }
        guard case .backup(let backup) = statement else {
            throw SQLError.general(
                "SnapDeck's jobs run backups: the statement after DO must be BACKUP SNAPSHOT db.label TO repo ..., not: \(String(body.prefix(60)))")
        }
        guard NameRules.isValidLabel(backup.label) else {
            throw SQLError.general("Label format error. regex: \(NameRules.labelPattern), label: \(backup.label)")
        }
        if recurring, !body.contains(BackupSchedule.timePlaceholder) {
            throw SQLError.general(
                "A recurring backup job needs {ts} in its label (replaced by each run's time, e.g. shop.nightly_{ts}): every run makes a snapshot of its own")
        }
        return backup
    }
}
