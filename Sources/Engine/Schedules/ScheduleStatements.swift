import Catalog
import Essentials
import Foundation
import Jobs
import SQLSyntax

/// CREATE JOB, PAUSE / RESUME / DROP JOB and SnapDeck's EXECUTE JOB, with Doris's job
/// scheduler's messages where it has them.
struct ScheduleStatements: StatementFamily {
    let services: ClusterServices

    private var driver: ScheduleDriver { ScheduleDriver(services: services) }
    private var book: ScheduleBook { services.scheduleBook }

    func createJob(_ create: CreateJob, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        if let problem = NameRules.problem(with: create.name) {
            throw SQLError.general("Incorrect job name '\(NameRules.printable(create.name))': \(problem)")
        }
        let now = driver.nowMillis
        let timing = try Self.timing(create.schedule, now: now)
        let backup = try Self.backupBody(create.body, now: now, recurring: timing.executeType == "RECURRING")
        let database = try c.database(backup.database)
        guard c.catalog.repository(named: backup.repository) != nil else {
            throw SQLError.general("Repository \(backup.repository) does not exist")
        }
        _ = try BackupOptions(backup.properties, minimumTimeout: Int64(configInt("min_job_timeout_second")))
        let first: Int64
        switch timing {
        case .every(_, _, let starts, _): first = starts
        case .at(let at): first = at
        }
        let schedule = BackupSchedule(
            name: create.name, definer: c.user.name, databaseName: database.name, executeSql: create.body,
            comment: create.comment ?? "", createTime: now, timing: timing, consumedThrough: first - 1)
        do {
            _ = try book.create(schedule)
        } catch is ScheduleBook.NameTaken {
            throw SQLError.general("job name exist, jobName:\(create.name)")
        } catch {
            throw SQLError.general("cannot save job \(create.name): \(error)")
        }
        return ResultSet()
    }

    func pauseJob(_ name: String, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        var schedule = try existing(name)
        try Self.checkChange(of: schedule, to: .paused)
        try record { () throws in
            // A run whose backup was submitted but not yet recorded as running is adopted
            // first, so that only runs still waiting for their turn are cancelled below.
            schedule = try settled(schedule)
            schedule.status = .paused
            try book.save(schedule)
            // A run still waiting for its turn is cancelled with the schedule, as Doris
            // cancels a paused job's tasks; a backup already submitted runs to its end.
            for run in try book.runs(openOnly: true) where run.scheduleId == schedule.id && run.status == .pending {
                try driver.settle(run, .canceled, "job paused", now: driver.nowMillis)
            }
        }
        return ResultSet()
    }

    func resumeJob(_ name: String, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        var schedule = try existing(name)
        try Self.checkChange(of: schedule, to: .running)
        schedule.status = .running
        // What came due while the schedule was paused is not run afterwards.
        schedule.consumedThrough = max(schedule.consumedThrough, driver.nowMillis)
        try record { () throws in try book.save(schedule) }
        return ResultSet()
    }

    func dropJob(_ name: String, ifExists: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        guard let schedule = try schedule(named: name) else {
            if ifExists { return ResultSet() }
            throw Self.notFound(name)
        }
        // A backup a run already submitted is a backup job like any other: it runs to its end.
        try record { () throws in try book.delete(scheduleId: schedule.id) }
        return ResultSet()
    }

    /// Starts a run now, outside the schedule (a paused schedule too), and submits it at once
    /// unless its database is busy (then the background work submits it when it is free).
    func executeJob(_ name: String, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let schedule = try existing(name)
        if schedule.status == .finished {
            throw SQLError.general("job \(name) is FINISHED: it starts no more tasks")
        }
        try record { () throws in
            // A run whose backup has ended since the last turn is no longer unfinished (a
            // one-shot `snapdeck sql` has no turns running in the background).
            let schedule = try settled(schedule)
            if let open = try book.runs(openOnly: true).first(where: { $0.scheduleId == schedule.id }) {
                throw SQLError.general("job \(name) already has an unfinished task: \(open.taskId) (\(open.label), \(open.status.rawValue))")
            }
            let now = driver.nowMillis
            let run = try driver.openRun(for: schedule, scheduledAt: now, manual: true, now: now)
            if let database = c.catalog.database(named: run.databaseName), let latest = scheduler.latestJob(database: database.id), !latest.done {
                return
            }
            driver.submit(run)
        }
        return ResultSet()
    }

    /// Settles the runs whose backups ended (a process without background work has no turns
    /// that would) and returns `schedule` as saved after that, with its runs counted.
    private func settled(_ schedule: BackupSchedule) throws -> BackupSchedule {
        try driver.settleEnded()
        return try book.schedules().first { $0.id == schedule.id } ?? schedule
    }

    // MARK: - Checks

    private func schedule(named name: String) throws(SQLError) -> BackupSchedule? {
        try record { () throws in try book.schedules().first { $0.name == name } }
    }

    private func existing(_ name: String) throws(SQLError) -> BackupSchedule {
        guard let schedule = try schedule(named: name) else { throw Self.notFound(name) }
        return schedule
    }

    private static func notFound(_ name: String) -> SQLError {
        SQLError.general("job not exist, jobName:\(name)")
    }

    /// Doris's transition rules, with its messages.
    private static func checkChange(of schedule: BackupSchedule, to status: ScheduleStatus) throws(SQLError) {
        var problem: String?
        if schedule.status == status {
            problem = "Can't change job status to the same status"
        } else if schedule.status == .finished {
            problem = "Can't update job \(schedule.status.rawValue) status to the \(status.rawValue) status"
        }
        if let problem {
            throw SQLError.general("Alter job status error, jobName is \(schedule.name), errorMsg is \(problem)")
        }
    }

    /// Runs schedule-book work, passing SQL errors through and reporting storage failures.
    private func record<T>(_ body: () throws -> T) throws(SQLError) -> T {
        do {
            return try body()
        } catch let error as SQLError {
            throw error
        } catch {
            logger.error("schedule book write failed: \(error)")
            throw SQLError.general("cannot record the job change: \(error)")
        }
    }
}
