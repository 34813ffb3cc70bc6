import Catalog
import Logging
import Repository
import Storage

/// Engine knobs the job engine reads at each step (so `ADMIN SET FRONTEND CONFIG` takes
/// effect on running jobs), including the fault-injection switches.
public struct JobSettings: Sendable {
    public var transferWorkersPerBackend = 2
    /// Bytes per second per backend; 0 = unlimited.
    public var rateLimitBytesPerSecond: Int64 = 0
    public var uploadBatchSize = 10
    public var maxJobsPerDatabase = 10
    public var historyKeepSeconds: Int64 = 7 * 24 * 3600
    /// Share (0–100) of file transfers that fail on purpose.
    public var faultTransferFailPercent = 0
    /// Sleep this long per transferred chunk (a stalled transfer).
    public var faultTransferStallMilliseconds = 0
    /// A job state in which jobs stop advancing (so a test can kill the process there).
    public var faultPauseAtState: String?
    /// A job state whose journal writes fail (`ALL`: every journal write), to show that a job
    /// whose state change is not durable stops instead of going on from memory.
    public var faultJournalWriteFailState: String?
    /// Failures in a row, of one task, with an error only an operator can cure (a read-only
    /// or full repository, refused permission) after which the job is cancelled.
    public var permanentErrorAttempts = 5
    public init() {}
}

/// What the job engine needs from the cluster that hosts it. The engine never calls the UI;
/// the host gives it the catalog, the data layout, settings and repository access.
public protocol JobHost: AnyObject, Sendable {
    var catalog: CatalogState { get }
    var layout: DataLayout { get }
    var jobSettings: JobSettings { get }
    var logger: Logger { get }
    /// The object store behind a repository record.
    func objectStore(for repository: RepositoryRecord) throws(ObjectStoreError) -> ObjectStore
    /// Runs one atomic catalog change (restore jobs create and publish tables with it).
    func writeCatalog<T>(_ body: (CatalogTransaction) throws -> T) throws -> T
    /// Deletes files the catalog recorded as garbage (after a commit replaced them).
    func collectGarbage()
}
