import Catalog
import Dispatch
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
    private var executors: [ObjectID: BackendExecutor] = [:]
    private var limiters: [ObjectID: RateLimiter] = [:]
    private var timer: DispatchSourceTimer?
    private(set) var stopped = false
    /// Called on the scheduler's queue after any job changes (the dashboard's hook).
    public var onChange: (@Sendable () -> Void)?
    /// The clock for timeouts and retry times; tests replace it with a manual one.
    public var now: @Sendable () -> Date = { Date() }

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

    /// Loads the journal, resumes unfinished jobs where they stopped, and starts the timer.
    public func start() throws {
        let records = try journal.load(.backup, as: BackupJobRecord.self)
        queue.sync {
            for record in records { backups[record.jobId] = BackupRuntime(record: record) }
            collectStaleSnapshots()
            for job in backups.values where !job.record.state.isDone { resumeBackup(job) }
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    /// Stops scheduling (at process exit); unfinished jobs stay in the journal and resume later.
    public func stop() {
        onQueue {
            stopped = true
            timer?.cancel()
            for job in backups.values { job.cancel.set() }
        }
    }

    private func tick() {
        for job in backups.values where !job.record.state.isDone { stepBackup(job) }
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
        do {
            try journal.save(id: job.record.jobId, kind: .backup, databaseId: job.record.databaseId, state: job.record.state.rawValue, body: job.record)
        } catch {
            host?.logger.error("cannot journal job \(job.record.jobId): \(error)")
        }
        onChange?()
    }

    func nowMillis() -> Int64 { Int64(now().timeIntervalSince1970 * 1000) }

    /// Seconds to wait before retry number `attempt` (1, 2, 4 ... 30).
    static func backoff(_ attempt: Int) -> TimeInterval {
        min(30, pow(2, Double(max(0, attempt - 1))))
    }

    // MARK: - Queries used by the engine

    /// The most recent job of a database (backup or restore), which the one-job rule looks at.
    public func latestJob(database: ObjectID) -> (label: String, jobId: Int64, done: Bool, kind: JobKind)? {
        queue.sync {
            backups.values.filter { $0.record.databaseId == database }
                .max { $0.record.jobId < $1.record.jobId }
                .map { ($0.record.label, $0.record.jobId, $0.record.state.isDone, JobKind.backup) }
        }
    }

    /// Whether any unfinished job uses the repository.
    public func repositoryInUse(_ repositoryId: ObjectID) -> Bool {
        queue.sync { backups.values.contains { $0.record.repositoryId == repositoryId && !$0.record.state.isDone } }
    }

    /// Labels of unfinished jobs on a repository (DROP SNAPSHOT refuses them).
    public func labelsInUse(repository repositoryId: ObjectID) -> Set<String> {
        queue.sync { Set(backups.values.filter { $0.record.repositoryId == repositoryId && !$0.record.state.isDone }.map(\.record.label)) }
    }

    /// Jobs not yet FINISHED or CANCELLED.
    public func unfinishedJobIds() -> [Int64] {
        queue.sync { backups.values.filter { !$0.record.state.isDone }.map(\.record.jobId).sorted() }
    }

    /// True once every listed job is FINISHED or CANCELLED (or unknown).
    public func allDone(_ jobIds: [Int64]) -> Bool {
        queue.sync { jobIds.allSatisfy { backups[$0]?.record.state.isDone ?? true } }
    }

    /// Drops finished jobs beyond the retention rules: at most `maxJobsPerDatabase` per
    /// database and none finished longer ago than `historyKeepSeconds`.
    func pruneHistory() {
        guard let settings = host?.jobSettings else { return }
        let now = nowMillis()
        var removed: [Int64] = []
        let byDatabase = Dictionary(grouping: backups.values, by: { $0.record.databaseId })
        for (_, jobs) in byDatabase {
            let sorted = jobs.sorted { $0.record.jobId > $1.record.jobId }
            for (i, job) in sorted.enumerated() where job.record.state.isDone {
                let expired = job.record.finishedTime > 0 && now - job.record.finishedTime > settings.historyKeepSeconds * 1000
                if i >= settings.maxJobsPerDatabase || expired { removed.append(job.record.jobId) }
            }
        }
        for id in removed { backups[id] = nil }
        try? journal.delete(ids: removed)
    }

    /// Snapshot folders no unfinished job refers to (a crash left them) are deleted.
    private func collectStaleSnapshots() {
        guard let host else { return }
        var keep: Set<String> = []
        for job in backups.values where !job.record.state.isDone {
            for (backend, name) in job.record.snapshotFolders { keep.insert("\(backend)/\(name)") }
        }
        for backend in host.catalog.backends.keys {
            let dir = host.layout.backendDirectory(backend) + "/snapshot"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where !keep.contains("\(backend)/\(name)") {
                DurableFile.remove(dir + "/" + name)
            }
        }
    }
}
