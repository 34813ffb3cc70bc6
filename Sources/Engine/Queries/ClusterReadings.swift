/// The typed answers of the engine's read API (`Cluster.reader(as:)`): what the dashboard shows,
/// already filtered by what the user may see. They carry no engine internals, so a caller needs
/// only `Engine`; every figure a SHOW statement formats is here raw as well.

/// Backup or restore.
public enum JobReadingKind: String, Sendable {
    case backup = "BACKUP"
    case restore = "RESTORE"
}

/// One named cell of `SHOW FULL BACKUP` / `SHOW FULL RESTORE`; nil is SQL NULL.
public struct NamedCell: Sendable, Hashable {
    public var column: String
    public var value: String?
}

/// One job as `SHOW FULL BACKUP` / `SHOW FULL RESTORE` shows it (`cells`, in SHOW's order), with
/// the raw figures behind its formatted cells.
public struct JobReading: Sendable {
    public var kind: JobReadingKind
    public var jobId: Int64
    public var label: String
    public var database: String
    /// Doris's state word, e.g. `UPLOADING`.
    public var state: String
    public var cells: [NamedCell]
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int64
    public var bytesTotal: Int64
    /// Bytes per second since the transfer started; nil before.
    public var throughput: Double?
    public var etaSeconds: Double?
    /// Epoch milliseconds.
    public var createdAt: Int64
    /// Epoch milliseconds; nil while the job runs.
    public var finishedAt: Int64?
}

/// One row of `SHOW REPOSITORIES`.
public struct RepositoryReading: Sendable {
    public var id: Int64
    public var name: String
    public var location: String
    /// `LOCAL`, `S3`, `BROKER` or `HDFS`.
    public var type: String
    public var readOnly: Bool
    public var createTime: String
    public var errorMessage: String?
}

/// One label of `SHOW SNAPSHOT ON repo`.
public struct SnapshotListing: Sendable {
    public var label: String
    public var timestamps: [String]
    /// `OK` or Doris's `ERROR: …` text.
    public var status: String
    /// What SnapDeck recorded about each timestamp (type, base, bytes, owner, retention), by
    /// timestamp; empty for snapshots Doris wrote.
    public var lineage: [String: SnapshotLineageReading] = [:]
}

/// SnapDeck's record of one snapshot in its `__info`: full or incremental and its base, the
/// bytes it uploaded and covers, the cluster that owns it and its retention.
public struct SnapshotLineageReading: Sendable {
    public var incremental: Bool
    public var baseLabel: String?
    public var baseTimestamp: String?
    public var uploadedBytes: Int64
    public var totalBytes: Int64
    /// The owning cluster's id.
    public var owner: String?
    /// `7 DAY`.
    public var ttl: String?
    /// When the TTL runs out, epoch milliseconds.
    public var expireTime: Int64?
}

/// What a snapshot holds, from its `__info`: tables → partitions → tablets → files (names with
/// their MD5 suffix). Tables and partitions sort by name, tablets in the snapshot's own order.
public struct SnapshotContentsReading: Sendable {
    public struct Table: Sendable {
        public var name: String
        public var partitions: [Partition]
    }
    public struct Partition: Sendable {
        public var name: String
        public var version: Int64
        public var tablets: [Tablet]
    }
    public struct Tablet: Sendable {
        public var id: Int64
        public var files: [String]
    }
    public var database: String
    public var tables: [Table]
}

/// A node of the catalog tree: database → table → partition → tablet. Sizes are one replica's;
/// fields that do not apply to a level are nil.
public struct CatalogTreeNode: Sendable {
    public enum Level: String, Sendable {
        case database, table, partition, tablet
    }
    public var level: Level
    public var id: Int64
    public var name: String
    public var rows: Int64
    public var bytes: Int64
    public var files: Int
    public var version: Int64?
    public var versionCount: Int?
    public var replication: Int?
    public var backends: [Int64]
    public var children: [CatalogTreeNode]
}

/// How many backends there are and how many are alive (`SHOW BACKENDS`).
public struct BackendsReading: Sendable {
    public var alive: Int
    public var total: Int
}
