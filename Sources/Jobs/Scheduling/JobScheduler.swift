import Catalog
import Dispatch
import Essentials
import Foundation
import GRDB
import Logging
import Storage

/// Runs backup (and, later, restore) jobs: a serial queue owns every job's state; a job's
/// `step` advances it at most one phase and runs when a job is submitted or cancelled, when one
/// of its tasks reports back, and on a half-second timer (timeouts, retries, paused states).
/// Transfers run on per-backend executors with a configurable bound.
public final class JobScheduler: @unchecked Sendable {
    let queue = DispatchQueue(label: "snapdeck.jobs")
    weak var host: JobHost?
    let journal: JobJournal
    var backups: [Int64: BackupRuntime] = [:]
    var restores: [Int64: RestoreRuntime] = [:]
    private var executors: [ObjectID: BackendExecutor] = [:]
    private var limiters: [ObjectID: RateLimiter] = [:]
    private var timer: DispatchSourceTimer?
    private(set) var stopped = false
    /// Snapshot releases and clean-ups running off the queue; `stop()` lets them finish so a
    /// short-lived process does not leave snapshot folders behind.
    let background = DispatchGroup()
    /// Snapshot, upload and download tasks on the backends' executors, from dispatch until
    /// their report is queued; `stop()` waits for them, so a cancelled job's clean-up can run.
    let transfers = DispatchGroup()
    /// Called on the scheduler's queue after any job changes (the dashboard's hook).
    public var onChange: (@Sendable () -> Void)?
    /// The clock for timeouts and retry times; tests replace it with a manual one. Guarded by
    /// a lock: it is set from the test's thread while the queue reads it.
    public var now: @Sendable () -> Date {
        get {
            clockLock.lock()
            defer { clockLock.unlock() }
            return clock
        }
        set {
            clockLock.lock()
            clock = newValue
            clockLock.unlock()
        }
    }
    private let clockLock = NSLock()
    private var clock: @Sendable () -> Date = { Date() }

    private static let onQueueKey = DispatchSpecificKey<Bool>()

    public init(host: JobHost, database: DatabaseQueue) {
        self.host = host
        journal = JobJournal(database: database)
        queue.setSpecific(key: Self.onQueueKey, value: true)
    }

    /// Runs `body` on the scheduler's queue, directly when already there (the host may be
    /// released, and stop the scheduler, from a block running on it).
    func onQueue<T>(_ body: () -> T) -> T {
        DispatchQueue.getSpecific(key: Self.onQueueKey) == true ? body() : queue.sync(execute: body)
    }

    /// Loads the journal; with `resuming`, also resumes unfinished jobs where they stopped,
    /// finishes owed clean-ups and starts the timer. Without it (a read-only data directory)
    /// the jobs are only shown.
    public func start(resuming: Bool) throws {
        let records = try journal.load(.backup, as: BackupJobRecord.self)
        let restoreRecords = try journal.load(.restore, as: RestoreJobRecord.self)
        queue.sync {
            for record in records { backups[record.jobId] = BackupRuntime(record: record) }
            for record in restoreRecords { restores[record.jobId] = RestoreRuntime(record: record) }
        }
        guard resuming else {
            onQueue { stopped = true }
            return
        }
        queue.sync {
            collectStaleSnapshots()
            removeOrphanedHiddenObjects()
            for job in backups.values where !job.record.state.isDone { resumeBackup(job) }
            for job in restores.values where !job.record.state.isDone { resumeRestore(job) }
            runOwedCleanups()
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
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
        onQueue {
            stopped = true
            timer?.cancel()
            for job in backups.values { job.tasks.cancel.set() }
            for job in restores.values { job.tasks.cancel.set() }
        }
        guard waiting else { return }
        _ = transfers.wait(timeout: .now() + 10)
        // The stopped tasks' reports are queued by now; after them, start what is owed.
        onQueue { runOwedCleanups() }
        _ = background.wait(timeout: .now() + 30)
        // Clean-ups journal their end from the queue: let those records land before exit.
        onQueue {}
    }

    private func tick() {
        for job in backups.values where !job.record.state.isDone { stepBackup(job) }
        for job in restores.values where !job.record.state.isDone { stepRestore(job) }
        runOwedCleanups()
    }

    /// Only on `queue`: the scheduler's queue owns the executor and limiter tables.
    func executor(for backend: ObjectID) -> BackendExecutor {
        if let e = executors[backend] { return e }
        let e = BackendExecutor(backendId: backend) { [weak self] in
            self?.host?.jobSettings.transferWorkersPerBackend ?? 1
        }
        executors[backend] = e
        return e
    }

    func limiter(for backend: ObjectID) -> RateLimiter {
        if let l = limiters[backend] { return l }
        let l = RateLimiter()
        limiters[backend] = l
        return l
    }

    func persist(_ job: BackupRuntime) {
        record(job.record, id: job.record.jobId, kind: .backup, databaseId: job.record.databaseId, state: job.record.state.rawValue)
    }

    /// Journals a job's record at a state change and tells the dashboard. Once the host is
    /// gone (the cluster was released without `close()`), nothing is written: another cluster
    /// object may own the data directory by then, and its journal is the truth.
    func record<T: Encodable>(_ body: T, id: Int64, kind: JobKind, databaseId: ObjectID, state: String) {
        guard host != nil else { return }
        do {
            try journal.save(id: id, kind: kind, databaseId: databaseId, state: state, body: body)
        } catch {
            host?.logger.error("cannot journal job \(id): \(error)")
        }
        onChange?()
    }

    func nowMillis() -> Int64 { Int64(now().timeIntervalSince1970 * 1000) }

    /// Seconds to wait before retry number `attempt` (1, 2, 4 ... 30).
    static func backoff(_ attempt: Int) -> TimeInterval {
        RetryPolicy.jobTask.delay(after: attempt)
    }

    // MARK: - Queries used by the engine

    /// Every job known to this process, as (kind, id, database, label, repository, done,
    /// settled); settled means done with no clean-up or rollback owed.
    private var allJobs: [(kind: JobKind, id: Int64, database: ObjectID, label: String, repository: ObjectID, done: Bool, settled: Bool)] {
        backups.values.map { b in
            let r = b.record
            return (JobKind.backup, r.jobId, r.databaseId, r.label, r.repositoryId, r.state.isDone, r.state.isDone && r.cleanupOwed != true)
        } + restores.values.map { j in
            let r = j.record
            return (JobKind.restore, r.jobId, r.databaseId, r.label, r.request.repositoryId, r.state.isDone, r.state.isDone && r.rollbackOwed != true)
        }
    }

    /// The most recent job of a database (backup or restore), which the one-job rule looks at.
    public func latestJob(database: ObjectID) -> (label: String, jobId: Int64, done: Bool, kind: JobKind)? {
        onQueue {
            allJobs.filter { $0.database == database }.max { $0.id < $1.id }.map { ($0.label, $0.id, $0.done, $0.kind) }
        }
    }

    /// Whether any unfinished job uses the repository, or a cancelled one still owes it a
    /// clean-up.
    public func repositoryInUse(_ repositoryId: ObjectID) -> Bool {
        onQueue { allJobs.contains { $0.repository == repositoryId && !$0.settled } }
    }

    /// Labels of unfinished jobs on a repository (DROP SNAPSHOT refuses them).
    public func labelsInUse(repository repositoryId: ObjectID) -> Set<String> {
        onQueue { Set(allJobs.filter { $0.repository == repositoryId && !$0.done }.map(\.label)) }
    }

    /// Jobs not yet FINISHED or CANCELLED.
    public func unfinishedJobIds() -> [Int64] {
        onQueue { allJobs.filter { !$0.done }.map(\.id).sorted() }
    }

    /// True once every listed job is FINISHED or CANCELLED (or unknown).
    public func allDone(_ jobIds: [Int64]) -> Bool {
        onQueue {
            let unfinished = Set(allJobs.filter { !$0.done }.map(\.id))
            return jobIds.allSatisfy { !unfinished.contains($0) }
        }
    }

    /// Drops finished jobs beyond the retention rules: at most `maxJobsPerDatabase` per
    /// database and none finished longer ago than `historyKeepSeconds`.
    func pruneHistory() {
        guard let settings = host?.jobSettings else { return }
        let now = nowMillis()
        var removed: [Int64] = []
        let finishedAt = backups.mapValues(\.record.finishedTime).merging(restores.mapValues(\.record.finishedTime)) { a, _ in a }
        let byDatabase = Dictionary(grouping: allJobs, by: { $0.database })
        for (_, jobs) in byDatabase {
            for (i, job) in jobs.sorted(by: { $0.id > $1.id }).enumerated() where job.settled {
                let finished = finishedAt[job.id] ?? 0
                let expired = finished > 0 && now - finished > settings.historyKeepSeconds * 1000
                if i >= settings.maxJobsPerDatabase || expired { removed.append(job.id) }
            }
        }
        for id in removed {
            backups[id] = nil
            restores[id] = nil
        }
        do {
            try journal.delete(ids: removed)
        } catch {
            // Harmless: the rows load again at the next open and are pruned then.
            host?.logger.warning("cannot prune \(removed.count) finished jobs from the journal: \(error)")
        }
    }

    /// Snapshot folders no unfinished job refers to (a crash left them) are deleted.
    private func collectStaleSnapshots() {
        guard let host else { return }
        var keep: Set<String> = []
        for job in backups.values where !job.record.state.isDone {
            for (backend, name) in job.record.snapshotFolders { keep.insert("\(backend)/\(name)") }
        }
        for job in restores.values where !job.record.state.isDone {
            for tablet in job.record.plan?.tablets ?? [] {
                for backend in tablet.backends { keep.insert("\(backend)/\(job.record.stagingFolder)") }
            }
        }
        for backend in host.catalog.backends.keys {
            let dir = host.layout.backendDirectory(backend) + "/snapshot"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where !keep.contains("\(backend)/\(name)") {
                DurableFile.remove(dir + "/" + name)
            }
        }
    }
}
