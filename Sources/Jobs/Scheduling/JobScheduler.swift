import Catalog
import Dispatch
import Essentials
import Foundation
import GRDB
import Logging
import Storage

/// Runs backup and restore jobs. A serial queue owns every job's state; each job's machine
/// (`BackupMachine`, `RestoreMachine`) advances it at most one phase when it is submitted or
/// cancelled, when one of its tasks reports back, and on a half-second timer (timeouts,
/// retries, paused states). Transfers run on per-backend executors with a configurable bound.
///
/// The journal is the authority: a state change is durable before anything acts on it, and a
/// job whose journal write fails stops with a Status that says so (see `BackupMachine`).
///
/// The clock, the queues and the logger are injectable, so tests drive the machines with a
/// clock they move by hand.
public final class JobScheduler: @unchecked Sendable {
    let core: JobCore
    let backups: BackupMachine
    let restores: RestoreMachine
    private var timer: DispatchSourceTimer?

    /// - Parameters:
    ///   - database: the catalog's connection, which holds the `jobs` table.
    ///   - clock: the time of timeouts, retries and the times jobs record.
    ///   - queue: the serial queue that owns all job state; this scheduler's alone (it marks
    ///     the queue to know when it runs on it).
    ///   - workers: where transfers and clean-ups run.
    ///   - logger: defaults to the host's.
    public init(
        host: JobHost, database: DatabaseQueue, clock: any JobClock = SystemClock(),
        queue: DispatchQueue = DispatchQueue(label: "snapdeck.jobs"), workers: DispatchQueue = .global(), logger: Logger? = nil
    ) {
        core = JobCore(host: host, journal: JobJournal(database: database), clock: clock, queue: queue, workers: workers,
                       logger: logger ?? host.logger)
        backups = BackupMachine(core: core)
        restores = RestoreMachine(core: core)
        core.jobFinished = { [weak self] in self?.pruneHistory() }
    }

    /// Called on the scheduler's queue after any job changes (the dashboard's hook).
    public var onChange: (@Sendable () -> Void)? {
        get { core.onChange }
        set { core.onChange = newValue }
    }

    /// The clock for timeouts and retry times; a test may replace it while jobs run.
    public var now: @Sendable () -> Date {
        get {
            let clock = core.clock.current
            return { clock.now() }
        }
        set { core.clock.current = ClosureClock(read: newValue) }
    }

    /// Loads the journal; with `resuming`, also resumes unfinished jobs where they stopped,
    /// finishes owed clean-ups and starts the timer. Without it (a read-only data directory)
    /// the jobs are only shown.
    public func start(resuming: Bool) throws {
        let records = try core.journal.load(.backup, as: BackupJobRecord.self)
        let restoreRecords = try core.journal.load(.restore, as: RestoreJobRecord.self)
        core.onQueue {
            backups.load(records)
            restores.load(restoreRecords)
        }
        guard resuming else {
            core.onQueue { core.stopped = true }
            return
        }
        core.onQueue {
            collectStaleSnapshots()
            restores.removeOrphanedHiddenObjects()
            for job in backups.jobs.values where !job.record.state.isDone { backups.resume(job) }
            for job in restores.jobs.values where !job.record.state.isDone { restores.resume(job) }
            runOwedCleanups()
        }
        let timer = DispatchSource.makeTimerSource(queue: core.queue)
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    /// Stops scheduling (at process exit); unfinished jobs stay in the journal and resume later.
    /// Running transfers stop at their next chunk; with `waiting`, the clean-ups cancelled
    /// jobs owe get a bounded time to finish here (whatever is left, the next process does).
    /// A host that stops the scheduler while being deinitialised must not wait: the last
    /// reference to it may be held by one of the very tasks it would wait for.
    public func stop(waiting: Bool = true) {
        core.onQueue {
            core.stopped = true
            timer?.cancel()
            for job in backups.jobs.values { job.tasks.cancel.set() }
            for job in restores.jobs.values { job.tasks.cancel.set() }
        }
        guard waiting else { return }
        _ = core.transfers.wait(timeout: .now() + 10)
        // The stopped tasks' reports are queued by now; after them, start what is owed.
        core.onQueue { runOwedCleanups() }
        _ = core.background.wait(timeout: .now() + 30)
        // Clean-ups journal their end from the queue: let those records land before exit.
        core.onQueue {}
    }

    /// One turn of the timer; tests call it to step the machines without waiting for it.
    func tick() {
        for job in backups.jobs.values where !job.record.state.isDone { backups.step(job) }
        for job in restores.jobs.values where !job.record.state.isDone { restores.step(job) }
        runOwedCleanups()
    }

    private func runOwedCleanups() {
        backups.runOwedCleanups()
        restores.runOwedRollbacks()
    }

    // MARK: - Jobs

    /// Journals a new backup job (state PENDING) and starts it. A label is unique in a
    /// repository across running jobs too, whatever their database (two jobs writing one
    /// snapshot folder make both unrestorable): while another job writes the label, or a
    /// cancelled one still removes its files, the submission is refused.
    public func submitBackup(_ record: BackupJobRecord) throws {
        try backups.submit(record)
    }

    /// Why a backup of `label` into the repository cannot start now: another job writes the
    /// label, or a cancelled one still removes its files. Nil when the label is free here.
    public func labelConflict(label: String, repositoryId: ObjectID, repositoryName: String) -> JobError? {
        core.onQueue { backups.labelConflict(label: label, repositoryId: repositoryId, repositoryName: repositoryName) }
    }

    /// CANCEL BACKUP: cancels the database's current backup job.
    public func cancelBackup(database: ObjectID) throws(JobError) {
        if let refusal = core.onQueue({ backups.cancel(database: database) }) { throw refusal }
    }

    /// Journals a new restore job (PENDING) and starts it.
    public func submitRestore(_ record: RestoreJobRecord) throws {
        try restores.submit(record)
    }

    /// CANCEL RESTORE: cancels the database's current restore job, if it has not committed.
    public func cancelRestore(database: ObjectID) throws(JobError) {
        if let refusal = core.onQueue({ restores.cancel(database: database) }) { throw refusal }
    }

    /// Views of the backup jobs of one database (or all), oldest first.
    public func backupViews(database: ObjectID?) -> [BackupJobView] {
        core.onQueue { backups.views(database: database) }
    }

    /// Views of the restore jobs of one database (or all), oldest first.
    public func restoreViews(database: ObjectID?) -> [RestoreJobView] {
        core.onQueue { restores.views(database: database) }
    }
}
