import Catalog
import Foundation
import Jobs
import Logging
import Repository
import Storage

/// What every statement family and the job engine share: the data directory (held locked for
/// as long as anything uses it), the catalog, the logger, the job scheduler, the repositories'
/// object stores and the engine's knobs. `Cluster` is the facade over it.
final class ClusterServices: @unchecked Sendable {
    let layout: DataLayout
    let store: CatalogStore
    let logger: Logger
    /// Released with the last user of these services, not with the facade: a task that still
    /// runs keeps the directory this process's until it ends.
    private let directoryLock: DataDirectoryLock
    /// Runs backup and restore jobs in the background; set once, right after init (it needs
    /// these services as its host).
    private(set) var scheduler: JobScheduler!
    /// Backup schedules (CREATE JOB) and their runs, kept in the catalog's database.
    let scheduleBook: ScheduleBook
    /// The dashboard's catalog tree, rebuilt only when the catalog changed.
    let catalogTrees = CatalogTrees()
    /// The `__info` files the retention sweep has verified, so a sweep every minute costs a
    /// listing per repository rather than a download per snapshot.
    let verifiedInfos = VerifiedInfoCache()
    /// `SET GLOBAL`'s values, for as long as this process runs.
    let globalVariables = GlobalVariables()
    private let wrapperLock = NSLock()
    nonisolated(unsafe) private var wrapper: (@Sendable (ObjectStore) -> ObjectStore)?
    private let startedLock = NSLock()
    private var startedJobs: [Int64] = []
    /// This cluster's identity, written once into the catalog at first open: the owner that
    /// BACKUP records in a snapshot's `__info`, so retention only ever drops snapshots this
    /// cluster made, even in a repository several clusters share. Empty when the catalog is
    /// read-only and never had one.
    private(set) var clusterId = ""

    init(layout: DataLayout, store: CatalogStore, lock: DataDirectoryLock, logger: Logger) {
        self.layout = layout
        self.store = store
        self.directoryLock = lock
        self.logger = logger
        scheduleBook = ScheduleBook(database: store.database)
        scheduler = JobScheduler(host: self, database: store.database)
    }

    /// A consistent copy of the catalog.
    var catalog: CatalogState { store.snapshot }

    /// Wraps every repository's object store (tests inject failures with it). Set from one
    /// thread while job workers read it, hence the lock.
    var objectStoreWrapper: (@Sendable (ObjectStore) -> ObjectStore)? {
        get { wrapperLock.withLock { wrapper } }
        set { wrapperLock.withLock { wrapper = newValue } }
    }

    /// Ids of the jobs submitted through this cluster object (the CLI waits for them).
    var jobsStartedHere: [Int64] { startedLock.withLock { startedJobs } }

    /// Reads the cluster's identity, creating it on the first open of a directory that has
    /// none (new, or made by an older SnapDeck).
    func loadClusterId() throws(SQLError) {
        do {
            if let existing = try store.meta("cluster_id") {
                clusterId = existing
            } else if store.readOnlyReason == nil {
                let fresh = UUID().uuidString.lowercased()
                try store.write { tx in try tx.setMeta("cluster_id", fresh) }
                clusterId = fresh
            }
        } catch {
            throw SQLError.general("cannot read the cluster's identity: \(error)")
        }
    }

    func noteJobStarted(_ id: Int64) { startedLock.withLock { startedJobs.append(id) } }

    /// Runs a catalog change, turning storage failures into SQL errors.
    func write<T>(_ body: (CatalogTransaction) throws -> T) throws(SQLError) -> T {
        do {
            return try store.write(body)
        } catch let error as SQLError {
            throw error
        } catch {
            logger.error("catalog write failed: \(error)")
            if let free = DiskSpace.available(layout.root), free < DiskSpace.fullBelow {
                throw SQLError.general("Nothing was changed: \(DiskSpace.fullMessage(layout.root, free: free))")
            }
            throw SQLError.general("catalog write failed: \(error)")
        }
    }

    func configInt(_ key: String) -> Int {
        Int(configString(key)) ?? 0
    }

    func configString(_ key: String) -> String {
        catalog.config[key] ?? FrontendConfig.knob(key)?.defaultValue ?? ""
    }

    /// Deletes the files recorded as garbage now that the catalog no longer references them,
    /// and returns how many paths went. A path that cannot be deleted stays recorded, for the
    /// next clean-up (the next start at the latest).
    @discardableResult
    func removeGarbageNow() -> Int {
        do {
            var removed: [String] = []
            for path in try store.garbagePaths() {
                if let failure = DurableFile.removeWithStaging(layout.absolute(path)) {
                    logger.warning("\(failure); it stays recorded as garbage")
                } else {
                    removed.append(path)
                }
            }
            if !removed.isEmpty { try store.removeGarbage(removed) }
            return removed.count
        } catch {
            logger.warning("cannot clean up garbage files: \(error)")
            return 0
        }
    }
}

/// A group of statements of one kind. Families share the cluster's services, and nothing else.
protocol StatementFamily {
    var services: ClusterServices { get }
}

extension StatementFamily {
    var layout: DataLayout { services.layout }
    var logger: Logger { services.logger }
    var scheduler: JobScheduler { services.scheduler }

    func write<T>(_ body: (CatalogTransaction) throws -> T) throws(SQLError) -> T {
        try services.write(body)
    }

    func configInt(_ key: String) -> Int { services.configInt(key) }

    func objectStore(for repository: RepositoryRecord) throws(ObjectStoreError) -> ObjectStore {
        try services.objectStore(for: repository)
    }

    func removeGarbageNow() { services.removeGarbageNow() }

    func noteJobStarted(_ id: Int64) { services.noteJobStarted(id) }
}

extension CatalogTransaction {
    /// Deletes a table's records and marks its tablet folders on every backend as garbage.
    func dropTableAndData(_ table: TableRecord) throws {
        for partition in state.allPartitions(of: table.id) {
            try dropPartitionAndData(partition)
        }
        try deleteTable(table.id)
    }

    func dropPartitionAndData(_ partition: PartitionRecord) throws {
        for folder in try deletePartitionTree(partition) { try addGarbage(folder) }
    }
}
