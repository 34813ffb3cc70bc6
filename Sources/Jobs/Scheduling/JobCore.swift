import Catalog
import Dispatch
import Essentials
import Foundation
import Logging

/// What the backup and restore machines share: the serial queue that owns every job's state,
/// the clock, the logger, the journal, the per-backend executors and rate limiters, and the
/// dashboard's change hook. Everything but the clock, the hook and the groups belongs to
/// `queue`.
final class JobCore: @unchecked Sendable {
    let queue: DispatchQueue
    /// Where transfers, snapshot releases and clean-ups run, off the serial queue.
    let workers: DispatchQueue
    let clock: ReplaceableClock
    let logger: Logger
    weak var host: JobHost?
    let journal: JobJournal
    private var executors: [ObjectID: BackendExecutor] = [:]
    private var limiters: [ObjectID: RateLimiter] = [:]
    var stopped = false
    /// Snapshot releases and clean-ups running off the queue; `stop()` lets them finish so a
    /// short-lived process does not leave snapshot folders behind.
    let background = DispatchGroup()
    /// Snapshot, upload and download tasks on the backends' executors, from dispatch until
    /// their report is queued; `stop()` waits for them, so a cancelled job's clean-up can run.
    let transfers = DispatchGroup()
    /// Runs on the queue when a job reaches FINISHED (the scheduler prunes the history then).
    var jobFinished: (() -> Void)?

    private let hookLock = NSLock()
    private var changeHook: (@Sendable () -> Void)?
    private static let onQueueKey = DispatchSpecificKey<ObjectIdentifier>()

    init(host: JobHost, journal: JobJournal, clock: any JobClock, queue: DispatchQueue, workers: DispatchQueue, logger: Logger) {
        self.host = host
        self.journal = journal
        self.clock = ReplaceableClock(clock)
        self.queue = queue
        self.workers = workers
        self.logger = logger
        queue.setSpecific(key: Self.onQueueKey, value: ObjectIdentifier(self))
    }

    /// The dashboard's hook, called on the queue after any job changes. Set from another thread
    /// (the main one) while the queue reads it, hence the lock.
    var onChange: (@Sendable () -> Void)? {
        get { hookLock.withLock { changeHook } }
        set { hookLock.withLock { changeHook = newValue } }
    }

    func changed() { onChange?() }

    /// Runs `body` on the queue, directly when already there (the host may be released, and
    /// stop the scheduler, from a block running on it).
    func onQueue<T>(_ body: () -> T) -> T {
        DispatchQueue.getSpecific(key: Self.onQueueKey) == ObjectIdentifier(self) ? body() : queue.sync(execute: body)
    }

    func now() -> Date { clock.now() }
    func nowMillis() -> Int64 { clock.millis }

    /// Milliseconds since `start` on the job clock, for the log's phase timings.
    func elapsedMillis(since start: Date?) -> Double {
        start.map { now().timeIntervalSince($0) * 1000 } ?? 0
    }

    /// Journals a job's record. Once the host is gone (the cluster was released without
    /// `close()`), nothing is written: another cluster object may own the data directory by
    /// then, and its journal is the truth; nothing acts on the job either (steps need the host).
    func save<T: Encodable>(_ entry: JournalEntry<T>) throws {
        guard let host else { return }
        try checkJournalFault(state: entry.state, settings: host.jobSettings)
        try journal.save(entry)
    }

    /// Throws the injected journal failure when `fault_journal_write_fail` names `state` (or
    /// is `ALL`).
    func checkJournalFault(state: String, settings: JobSettings) throws {
        guard let failing = settings.faultJournalWriteFailState, failing == "ALL" || failing == state else { return }
        throw InjectedJournalFault(state: state)
    }

    func entry<T: Encodable>(_ body: T, id: Int64, kind: JobKind, databaseId: ObjectID, state: String) -> JournalEntry<T> {
        JournalEntry(id: id, kind: kind, databaseId: databaseId, state: state, body: body,
                     updatedAt: Int64(now().timeIntervalSince1970))
    }

    /// Only on `queue`: the queue owns the executor and limiter tables.
    func executor(for backend: ObjectID) -> BackendExecutor {
        if let e = executors[backend] { return e }
        let e = BackendExecutor(backendId: backend, workers: workers) { [weak self] in
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

    /// Seconds to wait before retry number `attempt` (1, 2, 4 ... 30).
    static func backoff(_ attempt: Int) -> TimeInterval {
        RetryPolicy.jobTask.delay(after: attempt)
    }

    /// When a task has failed `permanent_error_attempts` times in a row with an error that
    /// only an operator can cure (a read-only or full repository, refused permission), the
    /// reason to give up with; nil while retrying may still help.
    func giveUpReason(_ tasks: TaskBook, _ id: ObjectID, _ error: String) -> String? {
        let limit = max(1, host?.jobSettings.permanentErrorAttempts ?? 5)
        guard tasks.operatorFailures(id) >= limit else { return nil }
        return "gave up after \(limit) attempts: \(error)"
    }

    /// Bytes one task copies at most: large tablets get tasks of their own, so every transfer
    /// worker stays busy instead of one task copying several big files in a row.
    static let taskBytes: Int64 = 64 << 20

    /// Splits ids into runs of at most `maxCount` ids and (unless a single id is larger)
    /// `maxBytes` bytes.
    static func batches(_ ids: [ObjectID], maxCount: Int, maxBytes: Int64, size: (ObjectID) -> Int64) -> [[ObjectID]] {
        var result: [[ObjectID]] = []
        var current: [ObjectID] = []
        var bytes: Int64 = 0
        for id in ids {
            let n = size(id)
            if !current.isEmpty, current.count >= maxCount || bytes + n > maxBytes {
                result.append(current)
                current = []
                bytes = 0
            }
            current.append(id)
            bytes += n
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

extension JobStatus {
    /// Why a job stopped when its journal could not be written.
    static func journalFailure(_ error: Error, state: String) -> JobStatus {
        JobStatus(code: "CANCELLED", message: "the job journal could not be written: \(error); the job stopped rather than carry on in \(state) from memory")
    }

    /// Added to a cancelled job's Status when the cancellation could not be journalled either.
    static func unjournalledCancellation(_ error: Error, lastJournalled state: String) -> String {
        "; the cancellation could not be journalled either (\(error)): the job stays stopped, and the next process resumes it from \(state), its last journalled state"
    }
}
