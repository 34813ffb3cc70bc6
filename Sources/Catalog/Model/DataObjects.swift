/// One end of a range partition, per partition column.
public enum BoundValue: Sendable, Codable, Hashable {
    case minimum
    case maximum
    case value(Value)
}

/// Which rows a partition holds.
public enum PartitionBound: Sendable, Codable, Equatable {
    /// The single partition of an unpartitioned table.
    case all
    /// Rows whose partition key tuple `k` has `lower <= k < upper`.
    case range(lower: [BoundValue], upper: [BoundValue])
    /// Rows whose partition key tuple is one of `values`.
    case list(values: [[Value]])
}

/// A partition: a set of tablets (one per bucket) and a visible version that each load bumps.
public struct PartitionRecord: Sendable, Codable, Equatable {
    public var id: ObjectID
    public var tableId: ObjectID
    public var name: String
    public var bound: PartitionBound
    public var buckets: Int
    public var visibleVersion: Int64
    public var visibleVersionTime: Int64
    /// Set while a restore job builds this partition (see `TableRecord.hiddenByJob`).
    public var hiddenByJob: Int64?
    public init(
        id: ObjectID, tableId: ObjectID, name: String, bound: PartitionBound, buckets: Int,
        visibleVersion: Int64, visibleVersionTime: Int64
    ) {
        self.id = id
        self.tableId = tableId
        self.name = name
        self.bound = bound
        self.buckets = buckets
        self.visibleVersion = visibleVersion
        self.visibleVersionTime = visibleVersionTime
    }
}

/// One bucket of a partition.
public struct TabletRecord: Sendable, Codable, Equatable {
    public var id: ObjectID
    public var partitionId: ObjectID
    public var bucket: Int
    public init(id: ObjectID, partitionId: ObjectID, bucket: Int) {
        self.id = id
        self.partitionId = partitionId
        self.bucket = bucket
    }
}

/// One copy of a tablet, on one backend.
public struct ReplicaRecord: Sendable, Codable, Equatable {
    public var id: ObjectID
    public var tabletId: ObjectID
    public var backendId: ObjectID
    public init(id: ObjectID, tabletId: ObjectID, backendId: ObjectID) {
        self.id = id
        self.tabletId = tabletId
        self.backendId = backendId
    }
}

/// Rows of one load in one tablet: a single immutable segment file, byte-identical on every
/// replica, at `backends/<be>/data/<tabletId>/<rowsetId>_0.dat`. Its checksums are taken when
/// it is written, so backups never hash it again (SPEC §3.2). A load bigger than its memory
/// budget writes several rowsets into a tablet, all with the load's one version; a load that
/// fits writes one.
public struct RowsetRecord: Sendable, Codable, Equatable {
    public var id: ObjectID
    public var tabletId: ObjectID
    public var version: Int64
    public var rowCount: Int64
    public var size: Int64
    public var md5: String
    public var crc32c: UInt32
    public var createdAt: Int64
    public init(
        id: ObjectID, tabletId: ObjectID, version: Int64, rowCount: Int64, size: Int64,
        md5: String, crc32c: UInt32, createdAt: Int64
    ) {
        self.id = id
        self.tabletId = tabletId
        self.version = version
        self.rowCount = rowCount
        self.size = size
        self.md5 = md5
        self.crc32c = crc32c
        self.createdAt = createdAt
    }

    /// The segment's file name inside the tablet folder.
    public var fileName: String { "\(id)_0.dat" }
}
