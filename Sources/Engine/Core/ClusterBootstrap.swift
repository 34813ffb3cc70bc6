import Catalog
import Essentials
import Foundation
import Logging
import Storage

/// Creates or opens a data directory: folders, lock, catalog, first-time set-up (backends
/// from 10001, the `root` user) and the clean-up of files a crash left behind.
enum ClusterBootstrap {
    static let firstBackendId: ObjectID = 10001
    static let maxBackends = 64

    static func open(path: String, backends: Int) throws(SQLError) -> Cluster {
        guard (1...maxBackends).contains(backends) else {
            throw SQLError.general("--backends must be between 1 and \(maxBackends), got \(backends)")
        }
        let root = URL(fileURLWithPath: path).standardizedFileURL.path
        let layout = DataLayout(root: root)
        do {
            try DurableFile.makeDirectories(root)
            try DurableFile.makeDirectories(layout.logDirectory)
            try DurableFile.makeDirectories(layout.backendsDirectory)
        } catch {
            throw SQLError.general(error.description)
        }
        let lock = try DataDirectoryLock(path: layout.lockPath, directory: root)
        var logger = Logger(label: "snapdeck") { _ in
            FileLogHandler(path: layout.logDirectory + "/snapdeck.log")
        }
        logger.logLevel = .info
        let store = try openCatalog(layout)
        let cluster = Cluster(services: ClusterServices(layout: layout, store: store, lock: lock, logger: logger))
        try cluster.services.loadClusterId()
        if let reason = store.readOnlyReason {
            // Nothing may be written: no set-up, no clean-up, jobs stay journalled as they are.
            try cluster.startJobs(resuming: false)
            logger.warning("opened data directory \(root) read-only as process \(getpid()): \(reason)")
            return cluster
        }
        try initializeIfNew(cluster, backends: backends)
        try collectGarbage(cluster)
        try cluster.startJobs(resuming: true)
        logger.info("opened data directory \(root) as process \(getpid())")
        return cluster
    }

    /// The catalog, for writing; or, when the disk holding it is full (SQLite cannot even
    /// create its WAL files then), for reading only, so that statements that only read still
    /// run and the rest say why they cannot.
    private static func openCatalog(_ layout: DataLayout) throws(SQLError) -> CatalogStore {
        do {
            return try CatalogStore(path: layout.catalogPath)
        } catch {
            let free = DiskSpace.available(layout.root)
            guard let free, free < DiskSpace.fullBelow, FileManager.default.fileExists(atPath: layout.catalogPath) else {
                throw SQLError.general("cannot open catalog \(layout.catalogPath): \(error)")
            }
            let reason = DiskSpace.fullMessage(layout.root, free: free)
            do {
                return try CatalogStore(readOnlyAt: layout.catalogPath, reason: reason)
            } catch {
                throw SQLError.general("\(reason); the catalog cannot be read either: \(error)")
            }
        }
    }

    private static func initializeIfNew(_ cluster: Cluster, backends: Int) throws(SQLError) {
        guard cluster.catalog.backends.isEmpty else { return }
        let now = Clock.nowSeconds()
        try cluster.services.write { tx in
            for i in 0..<backends {
                try tx.save(Backend(id: firstBackendId + ObjectID(i), createdAt: now))
            }
            try tx.save(UserRecord(name: "root", globalPrivileges: [.admin]))
            try tx.setMeta("created_at", String(now))
        }
        do throws(FileError) {
            for backend in cluster.catalog.sortedBackends {
                try DurableFile.makeDirectories(cluster.layout.backendDirectory(backend.id) + "/data")
                try DurableFile.makeDirectories(cluster.layout.backendDirectory(backend.id) + "/snapshot")
            }
        } catch {
            throw SQLError.general("\(error)")
        }
        cluster.logger.info("initialized cluster with \(backends) backends")
    }

    /// Deletes files recorded as garbage (uncommitted writes, dropped data) and empties tmp/.
    private static func collectGarbage(_ cluster: Cluster) throws(SQLError) {
        // What is left in tmp/ only takes room: it is worth a warning, not a refusal to open.
        if let failure = DurableFile.remove(cluster.layout.temporaryDirectory) { cluster.logger.warning("\(failure)") }
        do throws(FileError) {
            try DurableFile.makeDirectories(cluster.layout.temporaryDirectory)
        } catch {
            throw SQLError.general("\(error)")
        }
        let removed = cluster.services.removeGarbageNow()
        if removed > 0 { cluster.logger.info("removed \(removed) uncommitted or dropped files") }
    }
}

/// Wall-clock time for records and SHOW output.
enum Clock {
    static func nowSeconds() -> Int64 { Int64(Date().timeIntervalSince1970) }

    /// `yyyy-MM-dd HH:mm:ss` in the local time zone, as Doris prints times.
    static func format(_ seconds: Int64) -> String { LocalTime(epochSeconds: seconds).dateTime }
}
