import Catalog

/// What a backup copies, fixed when its PENDING step runs: every selected partition at its
/// visible version then, and for each tablet the replica to read and the files to copy.
public struct BackupPlan: Sendable, Codable, Equatable {
    public struct TablePlan: Sendable, Codable, Equatable {
        public var table: TableRecord
        public var partitions: [PartitionPlan]
    }

    public struct PartitionPlan: Sendable, Codable, Equatable {
        public var partition: PartitionRecord
        /// Tablets in bucket order (the order a restore maps them by).
        public var tablets: [TabletPlan]
    }

    public struct TabletPlan: Sendable, Codable, Equatable {
        public var tabletId: ObjectID
        /// Backends holding a replica, the preferred one first; a retry moves to the next.
        public var backends: [ObjectID]
        public var rowsets: [RowsetRecord]
        public var bytes: Int64 { rowsets.reduce(0) { $0 + $1.size } }
    }

    public var tables: [TablePlan]

    public var tablets: [TabletPlan] { tables.flatMap { $0.partitions.flatMap(\.tablets) } }
}

/// A table named in `ON (...)`: its name and, optionally, some of its partitions.
public struct BackupObject: Sendable, Codable, Equatable {
    public var table: String
    public var partitions: [String]?
    public init(table: String, partitions: [String]?) {
        self.table = table
        self.partitions = partitions
    }
}
