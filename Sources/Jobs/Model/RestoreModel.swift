import Catalog
import Foundation

/// The states of a restore job, in order (Doris's newer CREATING step folds into PENDING).
public enum RestoreState: String, Sendable, Codable, CaseIterable {
    case pending = "PENDING"
    case snapshoting = "SNAPSHOTING"
    case download = "DOWNLOAD"
    case downloading = "DOWNLOADING"
    case commit = "COMMIT"
    case committing = "COMMITTING"
    case finished = "FINISHED"
    case cancelled = "CANCELLED"

    public var isDone: Bool { self == .finished || self == .cancelled }
}

/// One table to restore: its name in the snapshot, which partitions (nil = all), and the name
/// it gets here.
public struct RestoreTableRequest: Sendable, Codable, Equatable {
    public var name: String
    public var partitions: [String]?
    public var alias: String?
    public init(name: String, partitions: [String]?, alias: String?) {
        self.name = name
        self.partitions = partitions
        self.alias = alias
    }
    public var targetName: String { alias ?? name }
}

/// What a RESTORE statement asks for, after its syntax and properties are checked.
public struct RestoreRequest: Sendable, Codable, Equatable {
    public var label: String
    public var timestamp: String
    public var repositoryId: ObjectID
    public var repositoryName: String
    public var databaseId: ObjectID
    public var databaseName: String
    public var tables: [RestoreTableRequest]
    public var replicationNum: Int
    public var reserveReplica: Bool
    public var reserveDynamicPartitionEnable: Bool
    public var allowLoad: Bool
    public var timeoutSeconds: Int64
    /// The newer Doris properties; a job journalled before they existed reads them as false.
    public var atomicRestore = false
    /// Honoured only with `atomicRestore`, as in Doris (the job keeps it false otherwise).
    public var forceReplace = false
    public var cleanTables = false
    public var cleanPartitions = false
    public var reserveColocate = false

    public init(
        label: String, timestamp: String, repositoryId: ObjectID, repositoryName: String, databaseId: ObjectID,
        databaseName: String, tables: [RestoreTableRequest], replicationNum: Int, reserveReplica: Bool,
        reserveDynamicPartitionEnable: Bool, allowLoad: Bool, timeoutSeconds: Int64
    ) {
        self.label = label
        self.timestamp = timestamp
        self.repositoryId = repositoryId
        self.repositoryName = repositoryName
        self.databaseId = databaseId
        self.databaseName = databaseName
        self.tables = tables
        self.replicationNum = replicationNum
        self.reserveReplica = reserveReplica
        self.reserveDynamicPartitionEnable = reserveDynamicPartitionEnable
        self.allowLoad = allowLoad
        self.timeoutSeconds = timeoutSeconds
    }

    /// Doris's allocation text for the requested replica count (SnapDeck has one tag).
    public var replicaAllocation: String { "tag.location.default: \(replicationNum)" }

    /// The properties the job runs with, as SHOW FULL RESTORE lists them.
    public var propertiesText: String {
        let flags = [
            ("allow_load", allowLoad), ("atomic_restore", atomicRestore), ("clean_partitions", cleanPartitions),
            ("clean_tables", cleanTables), ("force_replace", forceReplace), ("reserve_colocate", reserveColocate),
            ("reserve_dynamic_partition_enable", reserveDynamicPartitionEnable), ("reserve_replica", reserveReplica),
        ]
        return flags.map { "\"\($0.0)\" = \"\($0.1)\"" }.joined(separator: ", ")
    }
}

extension RestoreRequest {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            label: try c.decode(String.self, forKey: .label), timestamp: try c.decode(String.self, forKey: .timestamp),
            repositoryId: try c.decode(ObjectID.self, forKey: .repositoryId),
            repositoryName: try c.decode(String.self, forKey: .repositoryName),
            databaseId: try c.decode(ObjectID.self, forKey: .databaseId), databaseName: try c.decode(String.self, forKey: .databaseName),
            tables: try c.decode([RestoreTableRequest].self, forKey: .tables), replicationNum: try c.decode(Int.self, forKey: .replicationNum),
            reserveReplica: try c.decode(Bool.self, forKey: .reserveReplica),
            reserveDynamicPartitionEnable: try c.decode(Bool.self, forKey: .reserveDynamicPartitionEnable),
            allowLoad: try c.decode(Bool.self, forKey: .allowLoad), timeoutSeconds: try c.decode(Int64.self, forKey: .timeoutSeconds))
        atomicRestore = try c.decodeIfPresent(Bool.self, forKey: .atomicRestore) ?? false
        forceReplace = try c.decodeIfPresent(Bool.self, forKey: .forceReplace) ?? false
        cleanTables = try c.decodeIfPresent(Bool.self, forKey: .cleanTables) ?? false
        cleanPartitions = try c.decodeIfPresent(Bool.self, forKey: .cleanPartitions) ?? false
        reserveColocate = try c.decodeIfPresent(Bool.self, forKey: .reserveColocate) ?? false
    }
}

/// Where each backed-up tablet goes, fixed in PENDING once new tables and partitions exist.
public struct RestorePlan: Sendable, Codable, Equatable {
    public struct Tablet: Sendable, Codable, Equatable {
        public var sourceTabletId: ObjectID
        public var targetTabletId: ObjectID
        /// Backends of the target replicas; files are downloaded to the first and copied on.
        public var backends: [ObjectID]
        /// Repository folder of the source tablet.
        public var remoteDirectory: String
        /// File names as the snapshot lists them (`<name>.<md5>`).
        public var files: [String]
        /// New rowset id for each source segment file name (`<rowsetId>_0.dat`).
        public var rowsetIds: [String: ObjectID]
        /// The backed-up partition version and the tablet's rows by `__meta`, which the
        /// downloaded header must agree with (nil in jobs journalled before they were kept).
        public var partitionVersion: Int64?
        public var expectedRows: Int64?
        /// Files an incremental snapshot left in an earlier snapshot's folder: file name →
        /// that folder's copy of the tablet directory (nil when every file is in
        /// `remoteDirectory`).
        public var elsewhere: [String: String]?

        /// The repository key of one of the tablet's files, wherever it lives.
        public func key(of file: String) -> String {
            (elsewhere?[file] ?? remoteDirectory) + "/" + file
        }
    }
    public struct Partition: Sendable, Codable, Equatable {
        public var targetPartitionId: ObjectID
        public var name: String
        public var isNew: Bool
        public var backedUpVersion: Int64
        public var tablets: [Tablet]
    }
    public struct Table: Sendable, Codable, Equatable {
        public var sourceName: String
        public var targetName: String
        public var targetTableId: ObjectID
        public var isNew: Bool
        public var partitions: [Partition]
        /// force_replace: the existing table of another schema this new (hidden) one replaces
        /// at commit; the new table waits under a reserved name until then.
        public var replacesTableId: ObjectID?
    }
    public var tables: [Table]
    /// The snapshot's `__info` and `__meta` file names, for messages.
    public var infoName: String?
    public var metaName: String?
    /// Labels of the other snapshot folders the files are read from (an incremental
    /// snapshot's holders); nil or empty for a full snapshot.
    public var holderLabels: [String]?
    public var tablets: [Tablet] { tables.flatMap { $0.partitions.flatMap(\.tablets) } }
}

/// Everything about one restore job that must survive a restart (the journal row).
public struct RestoreJobRecord: Sendable, Codable, Equatable {
    public var jobId: Int64
    public var request: RestoreRequest
    public var state: RestoreState = .pending
    public var createTime: Int64
    public var metaPreparedTime: Int64 = -1
    public var snapshotFinishedTime: Int64 = -1
    public var downloadFinishedTime: Int64 = -1
    public var finishedTime: Int64 = -1
    public var status: JobStatus = .ok
    public var plan: RestorePlan?
    /// The RestoreObjs cell: the snapshot's brief JSON, restricted to what is restored.
    public var restoreObjects: String = ""
    /// Staging folder name under `backends/<be>/snapshot/`.
    public var stagingFolder: String = ""
    public var downloadedTablets: Set<ObjectID> = []
    /// Bytes of every file to download, from the repository listing at DOWNLOAD.
    public var bytesTotal: Int64 = 0
    /// Size of each file to download, by repository key (same listing), to size the tasks.
    public var fileSizes: [String: Int64] = [:]
    /// Rowsets staged for each target tablet (from the downloaded header), published at commit.
    public var stagedRowsets: [ObjectID: [RowsetRecord]] = [:]
    public var taskErrors: [ObjectID: String] = [:]
    /// Set when the job is cancelled, cleared once the hidden tables and partitions it created
    /// and its staged files are gone: owed work that whichever process opens the data
    /// directory next finishes (until then the names stay reserved).
    public var rollbackOwed: Bool?

    public init(jobId: Int64, request: RestoreRequest, createTime: Int64) {
        self.jobId = jobId
        self.request = request
        self.createTime = createTime
    }

    public var label: String { request.label }
    public var databaseId: ObjectID { request.databaseId }
}
