import SQLSyntax

/// Cluster-wide numeric id, from one generator (SPEC §3.1).
public typealias ObjectID = Int64

/// A storage node: a folder under `backends/<id>/`. `alive` is false only while fault
/// injection takes it down.
public struct Backend: Sendable, Codable, Equatable {
    public var id: ObjectID
    public var alive: Bool
    public var createdAt: Int64
    public init(id: ObjectID, alive: Bool = true, createdAt: Int64) {
        self.id = id
        self.alive = alive
        self.createdAt = createdAt
    }
}

/// A database: a namespace of tables.
public struct DatabaseRecord: Sendable, Codable, Equatable {
    public var id: ObjectID
    public var name: String
    public var createdAt: Int64
    public init(id: ObjectID, name: String, createdAt: Int64) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}

/// One column of a table's schema.
public struct Column: Sendable, Codable, Equatable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    public var isKey: Bool
    /// The default as text in the column's type, or nil for none.
    public var defaultValue: String?
    public var comment: String
    /// How an AGGREGATE KEY table folds this value column (Doris's `aggregationType`); nil for
    /// keys and for the columns of other tables. Optional, so columns stored before it existed
    /// (catalog rows and snapshots' `__meta`) still decode.
    public var aggregationType: AggregationType?
    public init(
        name: String, type: ColumnType, nullable: Bool, isKey: Bool, defaultValue: String?,
        comment: String, aggregationType: AggregationType? = nil
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.isKey = isKey
        self.defaultValue = defaultValue
        self.comment = comment
        self.aggregationType = aggregationType
    }
}

/// How a table splits into partitions.
public enum PartitionKind: String, Sendable, Codable {
    case unpartitioned = "UNPARTITIONED", range = "RANGE", list = "LIST"
}

/// A table: schema, keys, partitioning and distribution. Partitions, tablets and data are
/// separate records.
public struct TableRecord: Sendable, Codable, Equatable {
    public var id: ObjectID
    public var databaseId: ObjectID
    public var name: String
    public var columns: [Column]
    public var keysKind: KeysDescription.Kind
    public var partitionKind: PartitionKind
    public var partitionColumns: [String]
    /// Empty for `DISTRIBUTED BY RANDOM`.
    public var distributionColumns: [String]
    /// Buckets of partitions created without their own count.
    public var defaultBuckets: Int
    public var replicationNum: Int
    /// The base materialized index; Doris's repository layout names it (`__idx_<id>`).
    public var baseIndexId: ObjectID
    /// PROPERTIES as written, keys in insertion order.
    public var properties: [PropertyEntry]
    public var comment: String
    public var createdAt: Int64
    /// Set while a restore job builds this table: hidden from queries, SHOW and loads until
    /// the job commits (or removed if it is cancelled).
    public var hiddenByJob: Int64?

    public init(
        id: ObjectID, databaseId: ObjectID, name: String, columns: [Column],
        keysKind: KeysDescription.Kind, partitionKind: PartitionKind, partitionColumns: [String],
        distributionColumns: [String], defaultBuckets: Int, replicationNum: Int,
        baseIndexId: ObjectID, properties: [PropertyEntry], comment: String, createdAt: Int64
    ) {
        self.id = id
        self.databaseId = databaseId
        self.name = name
        self.columns = columns
        self.keysKind = keysKind
        self.partitionKind = partitionKind
        self.partitionColumns = partitionColumns
        self.distributionColumns = distributionColumns
        self.defaultBuckets = defaultBuckets
        self.replicationNum = replicationNum
        self.baseIndexId = baseIndexId
        self.properties = properties
        self.comment = comment
        self.createdAt = createdAt
    }

    public func column(named name: String) -> Column? {
        columns.first { $0.name.caseInsensitiveEquals(name) }
    }

    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name.caseInsensitiveEquals(name) }
    }

    public func property(_ key: String) -> String? {
        properties.last { $0.key == key }?.value
    }

    /// Whether reads fold rows with equal keys (AGGREGATE and merge-on-read UNIQUE tables).
    public var mergesOnRead: Bool { keysKind != .duplicate }

    /// How each column folds on read: nil for keys; REPLACE for every value column of a UNIQUE
    /// table (the latest load wins), as Doris marks them internally.
    public var foldings: [AggregationType?] {
        columns.map { column in
            guard !column.isKey else { return nil }
            return keysKind == .unique ? .replace : column.aggregationType
        }
    }
}

/// A `key = value` table property.
public struct PropertyEntry: Sendable, Codable, Equatable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

extension String {
    /// Doris compares column names case-insensitively (table and database names are exact).
    public func caseInsensitiveEquals(_ other: String) -> Bool {
        self == other || self.lowercased() == other.lowercased()
    }
}
