import Catalog
import Foundation
import Jobs
import Logging
import Repository
import SQLSyntax
import Storage

/// A `JobHost` for driving the job engine without the SQL engine: a real SQLite catalog (and
/// job journal) in a temporary data directory, backends as folders, one repository backed by a
/// `MemoryObjectStore`, and settings a test changes as it goes.
public final class JobTestHost: JobHost, @unchecked Sendable {
    public let layout: DataLayout
    public let store: CatalogStore
    public let repositoryStore = MemoryObjectStore()
    public let logger = Logger(label: "snapdeck.jobs.test")
    private let lock = NSLock()
    private var settings = JobSettings()

    /// A data directory with `backends` backends and an empty repository `repo`.
    public init(backends: Int = 2) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-jobs-\(UUID())").path
        layout = DataLayout(root: root)
        try DurableFile.makeDirectories(root)
        store = try CatalogStore(path: layout.catalogPath)
        try store.write { tx in
            for i in 0..<backends {
                let id = ObjectID(10001 + i)
                try tx.save(Backend(id: id, createdAt: 0))
            }
            try tx.save(RepositoryRecord(
                id: try tx.nextId(), name: "repo", readOnly: false, kind: .local, location: "memory", brokerName: nil,
                properties: [], createTime: "2026-01-01 00:00:00"))
        }
        for backend in store.snapshot.backends.keys {
            try DurableFile.makeDirectories(layout.backendDirectory(backend) + "/data")
            try DurableFile.makeDirectories(layout.backendDirectory(backend) + "/snapshot")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: layout.root)
    }

    public var catalog: CatalogState { store.snapshot }

    public var jobSettings: JobSettings {
        get { lock.withLock { settings } }
        set { lock.withLock { settings = newValue } }
    }

    public var repository: RepositoryRecord { catalog.repository(named: "repo")! }

    public func objectStore(for repository: RepositoryRecord) throws(ObjectStoreError) -> ObjectStore { repositoryStore }

    public func writeCatalog<T>(_ body: (CatalogTransaction) throws -> T) throws -> T { try store.write(body) }

    public func collectGarbage() {
        do {
            let paths = try store.garbagePaths()
            for path in paths { DurableFile.removeWithStaging(layout.absolute(path)) }
            try store.removeGarbage(paths)
        } catch {
            logger.warning("cannot collect garbage: \(error)")
        }
    }

    /// Creates database `db` (once) with an unpartitioned table of `buckets` tablets, each
    /// replicated on every backend and holding one rowset whose segment file is `rowBytes`.
    @discardableResult
    public func makeTable(_ name: String, buckets: Int = 2, rowBytes: Int = 64) throws -> TableRecord {
        let backends = catalog.sortedBackends.map(\.id)
        var segments: [(tablet: ObjectID, rowset: RowsetRecord)] = []
        let table = try store.write { tx -> TableRecord in
            var database = tx.state.database(named: "db")
            if database == nil {
                database = DatabaseRecord(id: try tx.nextId(), name: "db", createdAt: 0)
                try tx.save(database!)
            }
            let databaseId = database!.id
            let table = TableRecord(
                id: try tx.nextId(), databaseId: databaseId, name: name,
                columns: [Column(name: "id", type: .int, nullable: false, isKey: true, defaultValue: nil, comment: "")],
                keysKind: .duplicate, partitionKind: .unpartitioned, partitionColumns: [], distributionColumns: ["id"],
                defaultBuckets: buckets, replicationNum: backends.count, baseIndexId: try tx.nextId(), properties: [], comment: "",
                createdAt: 0)
            try tx.save(table)
            let partition = PartitionRecord(
                id: try tx.nextId(), tableId: table.id, name: name, bound: .all, buckets: buckets, visibleVersion: 2, visibleVersionTime: 0)
            try tx.save(partition)
            for bucket in 0..<buckets {
                let tablet = TabletRecord(id: try tx.nextId(), partitionId: partition.id, bucket: bucket)
                try tx.save(tablet)
                for backend in backends { try tx.save(ReplicaRecord(id: try tx.nextId(), tabletId: tablet.id, backendId: backend)) }
                let bytes = Self.segmentBytes(tablet: tablet.id, count: rowBytes)
                let rowset = RowsetRecord(
                    id: try tx.nextId(), tabletId: tablet.id, version: 2, rowCount: 1, size: Int64(bytes.count),
                    md5: Checksums.md5Hex(bytes), crc32c: Checksums.crc32c(bytes), createdAt: 0)
                try tx.save(rowset)
                segments.append((tablet.id, rowset))
            }
            return table
        }
        for (tablet, rowset) in segments {
            let bytes = Self.segmentBytes(tablet: tablet, count: Int(rowset.size))
            for backend in backends {
                let path = layout.absolute(layout.segmentFile(backend: backend, tablet: tablet, rowset: rowset.id))
                try DurableFile.makeDirectories((path as NSString).deletingLastPathComponent)
                guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw FileError("create", path) }
            }
        }
        return table
    }

    private static func segmentBytes(tablet: ObjectID, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: Int(tablet) &+ $0) }
    }

    /// A backup of `tables` of database `db` into `repo`, as BACKUP SNAPSHOT would submit it.
    public func backupRecord(_ label: String, tables: [String], jobId: Int64, createTime: Date, timeoutSeconds: Int64 = 3600) -> BackupJobRecord {
        let database = catalog.database(named: "db")!
        let millis = Int64(createTime.timeIntervalSince1970 * 1000)
        return BackupJobRecord(
            jobId: jobId, label: label, databaseId: database.id, databaseName: database.name, repositoryId: repository.id,
            repositoryName: repository.name, objects: tables.map { BackupObject(table: $0, partitions: nil) }, metadataOnly: false,
            timeoutSeconds: timeoutSeconds, createTime: millis, snapshotTimestamp: JobTime.snapshotTimestamp(millis))
    }
}
