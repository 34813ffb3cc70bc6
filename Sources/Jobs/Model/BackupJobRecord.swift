import Catalog
import Foundation
import Repository

/// Everything about one backup job that must survive a restart (the journal row).
public struct BackupJobRecord: Sendable, Codable, Equatable {
    public var jobId: Int64
    public var label: String
    public var databaseId: ObjectID
    public var databaseName: String
    public var repositoryId: ObjectID
    public var repositoryName: String
    /// The tables (and partitions) to back up, as resolved at submission, by name.
    public var objects: [BackupObject]
    public var metadataOnly: Bool
    public var timeoutSeconds: Int64
    public var state: BackupState = .pending
    /// Epoch milliseconds; -1 while unset.
    public var createTime: Int64
    public var snapshotFinishedTime: Int64 = -1
    public var uploadFinishedTime: Int64 = -1
    public var finishedTime: Int64 = -1
    public var status: JobStatus = .ok
    public var plan: BackupPlan?
    /// Per backend, the snapshot folder name under `backends/<be>/snapshot/`.
    public var snapshotFolders: [ObjectID: String] = [:]
    /// For each tablet, the backend whose replica is read (moves to another replica on retry).
    public var sourceBackend: [ObjectID: ObjectID] = [:]
    /// Tablets whose files are all in the repository (saved at state changes; files already
    /// present are skipped on resume anyway).
    public var uploadedTablets: Set<ObjectID> = []
    /// Last error per tablet still failing: shown as TaskErrMsg `[tabletId=msg]`.
    public var taskErrors: [ObjectID: String] = [:]
    /// `yyyy-MM-dd-HH-mm-ss` of createTime: the snapshot's timestamp in the repository.
    public var snapshotTimestamp: String
    /// Set when the job is cancelled, cleared once what it uploaded and its snapshot folders
    /// are gone: owed work that whichever process opens the data directory next finishes.
    /// (Optional so that journals written before it existed still load.)
    public var cleanupOwed: Bool?
    /// What goes into `__info` under `snapdeck`: set at submission (type asked for, owner,
    /// TTL and expiry), completed when the job plans (base and where its files live). Nil in
    /// journals written before it existed; their snapshots are written without it.
    public var provenance: SnapshotProvenance?
    /// The `base_snapshot` the BACKUP named, if any (otherwise an incremental backup picks the
    /// latest finished snapshot of the same objects).
    public var requestedBase: String?

    public init(
        jobId: Int64, label: String, databaseId: ObjectID, databaseName: String, repositoryId: ObjectID,
        repositoryName: String, objects: [BackupObject], metadataOnly: Bool, timeoutSeconds: Int64,
        createTime: Int64, snapshotTimestamp: String
    ) {
        self.jobId = jobId
        self.label = label
        self.databaseId = databaseId
        self.databaseName = databaseName
        self.repositoryId = repositoryId
        self.repositoryName = repositoryName
        self.objects = objects
        self.metadataOnly = metadataOnly
        self.timeoutSeconds = timeoutSeconds
        self.createTime = createTime
        self.snapshotTimestamp = snapshotTimestamp
    }
}

/// Live counters of a job's transfers, updated by workers and read by SHOW and the dashboard.
final class TransferProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let clock: any JobClock
    private var files = 0
    private var bytes: Int64 = 0
    private var started: Date?
    private var perTask: [Int: (done: Int, total: Int)] = [:]

    init(clock: any JobClock) {
        self.clock = clock
    }

    func reset(filesDone: Int, bytesDone: Int64) {
        lock.withLock {
            files = filesDone
            bytes = bytesDone
            started = nil
            perTask = [:]
        }
    }

    /// Marks the start of transfers (for throughput).
    func transferring() {
        lock.withLock { if started == nil { started = clock.now() } }
    }

    /// A file copied completely. Bytes count only then, so a failed and retried copy never
    /// shows more progress than was made.
    func fileDone(bytes n: Int64) {
        lock.withLock {
            if started == nil { started = clock.now() }
            files += 1
            bytes += n
        }
    }

    /// A file that was already in the repository: counted as done without transfer time.
    func fileSkipped(bytes n: Int64) {
        lock.withLock {
            files += 1
            bytes += n
        }
    }

    func setTask(_ signature: Int, done: Int, total: Int) { lock.withLock { perTask[signature] = (done, total) } }
    func removeTask(_ signature: Int) { lock.withLock { perTask[signature] = nil } }

    var snapshot: (files: Int, bytes: Int64, started: Date?, tasks: [Int: (done: Int, total: Int)]) {
        lock.withLock { (files, bytes, started, perTask) }
    }

    /// Bytes per second from the start of the transfers to now, or to `finishedMillis` (epoch
    /// milliseconds, when the transfer phase ended: a finished job's rate stays what it was
    /// instead of falling as time passes); nil before, or too early to tell.
    func throughput(finishedMillis: Int64 = -1) -> Double? {
        let counted: (bytes: Int64, started: Date?) = lock.withLock { (bytes, started) }
        guard let started = counted.started else { return nil }
        let end = finishedMillis > 0 ? Date(timeIntervalSince1970: Double(finishedMillis) / 1000) : clock.now()
        let elapsed = end.timeIntervalSince(started)
        return elapsed > 0.05 ? Double(counted.bytes) / elapsed : nil
    }
}

/// A boolean shared between threads: a job's cancellation (checked by transfers between
/// chunks), an interrupt seen by a signal handler, a "something changed" mark.
public final class SharedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Bool

    public init(_ value: Bool = false) {
        self.value = value
    }

    public var isSet: Bool { lock.withLock { value } }

    public func set() { lock.withLock { value = true } }

    /// Reads and clears the flag in one step.
    public func take() -> Bool {
        lock.withLock {
            defer { value = false }
            return value
        }
    }
}
