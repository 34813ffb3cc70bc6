import Catalog
import Foundation
import Jobs
import SQLSyntax

/// The thin shell around ``ScheduleRunner``: gathers the situation from the schedule book and
/// the job scheduler, applies the runner's actions (each journaled before anything acts on
/// it) and submits runs' backups as their definers. Runs under the cluster's statement lock,
/// like a statement, so schedules never change under a CREATE / PAUSE / DROP JOB.
struct ScheduleDriver: StatementFamily {
    let services: ClusterServices

    var book: ScheduleBook { services.scheduleBook }
    /// The job scheduler's clock, which tests replace with a manual one.
    var nowMillis: Int64 { Int64((scheduler.now().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// One turn: settles, submits and opens what is due. While a turn opens runs it turns
    /// again, so a run opened on a free database is submitted in the same turn.
    func tick() throws {
        for _ in 0..<3 {
            let actions = ScheduleRunner.decide(try situation())
            try apply(actions)
            if !actions.contains(where: { if case .open = $0 { true } else { false } }) { return }
        }
    }

    /// Settles runs whose backups ended, adopts journaled runs whose backups run and
    /// finishes schedules with nothing left, opening and submitting nothing: what a read of jobs() / tasks() does first, so a
    /// process without background work (a one-shot `snapdeck sql`) shows current results.
    func settleEnded() throws {
        try apply(ScheduleRunner.decide(try situation()).filter { action in
            switch action {
            case .settle, .adopt, .finish: true
            case .open, .absorb, .submit: false
            }
        })
    }

    private func situation() throws -> ScheduleRunner.Situation {
        let openRuns = try book.runs(openOnly: true)
        var backups: [Int64: ScheduleRunner.BackupProgress] = [:]
        var busy: Set<String> = []
        let catalog = services.catalog
        for run in openRuns {
            guard let database = catalog.database(named: run.databaseName) else { continue }
            backups[run.taskId] = progress(of: run, database: database.id)
            if let latest = scheduler.latestJob(database: database.id), !latest.done { busy.insert(run.databaseName) }
        }
        return ScheduleRunner.Situation(
            now: nowMillis, schedules: try book.schedules(), openRuns: openRuns, backups: backups, busyDatabases: busy)
    }

    /// What the job scheduler knows of the run's backup: the latest job of the run's label in
    /// its database that writes to the run's repository and was created once the run was
    /// opened. A label is unique only per repository and `{ts}` can repeat (two schedules of
    /// one database at the same time, a clock going back an hour, a job created again), so a
    /// job that matches by label alone may be another run's or another statement's: taking it
    /// would count a backup never taken as this run's success.
    private func progress(of run: ScheduleRun, database: ObjectID) -> ScheduleRunner.BackupProgress {
        let repository = Self.backup(in: run.sql)?.repository
        guard let job = scheduler.backupViews(database: database).last(where: { view in
            view.record.label == run.label && view.record.repositoryName == repository && view.record.createTime >= run.createTime
        })?.record else {
            return .unknown
        }
        switch job.state {
        case .finished: return .finished
        case .cancelled: return .cancelled(job.status.message.isEmpty ? job.status.cell : job.status.message)
        default: return .running
        }
    }

    /// The BACKUP a run's statement text holds. CREATE JOB checked that the body parses as
    /// one; should it ever not, nil: the run keeps an empty label and no repository, and its
    /// submission fails with the parser's error.
    static func backup(in sql: String) -> BackupRestore? {
        guard case .backup(let backup)? = try? Parser.parse(sql) else { return nil }
        return backup
    }

    private func apply(_ actions: [ScheduleRunner.Action]) throws {
        guard !actions.isEmpty else { return }
        var schedules = Dictionary(uniqueKeysWithValues: try book.schedules().map { ($0.id, $0) })
        var runs = Dictionary(uniqueKeysWithValues: try book.runs(openOnly: true).map { ($0.taskId, $0) })
        let now = nowMillis
        for action in actions {
            switch action {
            case .open(let id, let time):
                guard var schedule = schedules[id] else { continue }
                schedule.consumedThrough = max(schedule.consumedThrough, time)
                schedules[id] = schedule
                _ = try openRun(for: schedule, scheduledAt: time, manual: false, now: now)
            case .absorb(let id, let time):
                guard var schedule = schedules[id] else { continue }
                schedule.consumedThrough = max(schedule.consumedThrough, time)
                schedules[id] = schedule
                try book.save(schedule)
            case .submit(let taskId):
                guard let run = runs[taskId] else { continue }
                submit(run)
            case .adopt(let taskId):
                guard var run = runs[taskId] else { continue }
                run.status = .running
                runs[taskId] = run
                try book.save(run)
            case .settle(let taskId, let status, let message):
                guard let run = runs[taskId] else { continue }
                schedules[run.scheduleId] = try settle(run, status, message, now: now)
            case .finish(let id):
                guard var schedule = schedules[id] else { continue }
                schedule.status = .finished
                schedules[id] = schedule
                try book.save(schedule)
                logger.info("job \(schedule.name): no occurrence left, FINISHED")
            }
        }
    }

    /// Journals a PENDING run of `schedule` (saved with it, in one transaction) for the
    /// occurrence at `time`.
    func openRun(for schedule: BackupSchedule, scheduledAt time: Int64, manual: Bool, now: Int64) throws -> ScheduleRun {
        let sql = schedule.statement(scheduledAt: time)
        let label = Self.backup(in: sql)?.label ?? ""
        let run = ScheduleRun(
            scheduleId: schedule.id, jobName: schedule.name, label: label, databaseName: schedule.databaseName, sql: sql,
            scheduledTime: time, createTime: now, user: schedule.definer, manual: manual)
        let saved = try book.open(run, schedule: schedule)
        logger.info("job \(schedule.name): run \(saved.taskId) journaled for \(label)")
        return saved
    }

    /// Submits a PENDING run's backup as its definer; a refusal (the label exists, the
    /// repository is gone, ...) settles the run as FAILED with the statement's error.
    func submit(_ pending: ScheduleRun) {
        var run = pending
        do throws(SQLError) {
            try execute(run.sql, as: run.user, database: run.databaseName)
        } catch {
            logger.warning("job \(run.jobName): run \(run.taskId) failed to start: \(error.message)")
            do {
                _ = try settle(run, .failed, error.message, now: nowMillis)
            } catch {
                logger.error("job \(run.jobName): cannot record that run \(run.taskId) failed: \(error)")
            }
            return
        }
        run.status = .running
        do {
            try book.save(run)
        } catch {
            // The run stays PENDING on disk; the next turn finds its backup by label and
            // adopts it instead of submitting it again.
            logger.error("job \(run.jobName): cannot record that run \(run.taskId) runs: \(error)")
        }
    }

    /// Settles a run and counts it on its schedule, in one transaction; returns the schedule.
    @discardableResult
    func settle(_ open: ScheduleRun, _ status: RunStatus, _ message: String, now: Int64) throws -> BackupSchedule? {
        var run = open
        run.status = status
        run.errorMessage = message
        run.finishTime = now
        var schedule = try book.schedules().first { $0.id == run.scheduleId }
        switch status {
        case .success: schedule?.succeededRuns += 1
        case .failed: schedule?.failedRuns += 1
        case .canceled: schedule?.canceledRuns += 1
        case .pending, .running: break
        }
        try book.save(run, schedule: schedule)
        logger.info("job \(run.jobName): run \(run.taskId) (\(run.label)) \(status.rawValue)\(message.isEmpty ? "" : ": \(message)")")
        return schedule
    }

    /// Runs a statement as `user` in `database`, as a session of that user would.
    private func execute(_ sql: String, as user: String, database: String) throws(SQLError) {
        let statement: Statement
        do {
            statement = try Parser.parse(sql)
        } catch {
            throw SQLError.syntax(error.message)
        }
        var session = Session(
            user: user, database: database, connectionId: 0, host: "localhost", variables: services.globalVariables.sessionDefaults)
        let context = try ExecutionContext(catalog: services.catalog, session: session)
        _ = try StatementRouter(services: services).run(statement, context, session: &session)
    }
}
