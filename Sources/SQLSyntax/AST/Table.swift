/// `CREATE TABLE` in the Doris dialect of SPEC §3.3.
public struct CreateTable: Sendable, Equatable {
    public var name: TableName
    public var ifNotExists: Bool
    public var columns: [ColumnDefinition]
    public var keys: KeysDescription?
    public var partitioning: PartitionScheme?
    public var distribution: Distribution?
    public var properties: [Property]
    public var comment: String?

    public init(
        name: TableName, ifNotExists: Bool = false, columns: [ColumnDefinition],
        keys: KeysDescription? = nil, partitioning: PartitionScheme? = nil,
        distribution: Distribution? = nil, properties: [Property] = [], comment: String? = nil
    ) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.keys = keys
        self.partitioning = partitioning
        self.distribution = distribution
        self.properties = properties
        self.comment = comment
    }
}

/// One column in `CREATE TABLE`. Columns are nullable unless `NOT NULL` is written (Doris rule).
public struct ColumnDefinition: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    public var defaultValue: Literal?
    public var comment: String?
    /// `v BIGINT SUM`: how an AGGREGATE KEY table folds this value column's loads.
    public var aggregation: AggregationType?

    public init(
        name: String, type: ColumnType, nullable: Bool = true, defaultValue: Literal? = nil,
        comment: String? = nil, aggregation: AggregationType? = nil
    ) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.comment = comment
        self.aggregation = aggregation
    }
}

/// The aggregation written after a value column's type, named as Doris names them. SnapDeck
/// folds SUM, MAX, MIN, REPLACE and REPLACE_IF_NOT_NULL; the others need HLL, BITMAP or
/// QUANTILE_STATE columns, which SnapDeck has no types for.
public enum AggregationType: String, Sendable, Equatable, Codable, CaseIterable {
    case sum = "SUM", max = "MAX", min = "MIN", replace = "REPLACE"
    case replaceIfNotNull = "REPLACE_IF_NOT_NULL"
    case hllUnion = "HLL_UNION", bitmapUnion = "BITMAP_UNION", quantileUnion = "QUANTILE_UNION"
    case generic = "GENERIC"
}

/// The column types SnapDeck stores (SPEC §3.3). `datetime` is DATETIME(0); a DATETIME with
/// fractional seconds is `datetimeV2(scale:)` (Doris's DATETIMEV2(scale), scale 1 to 6).
public enum ColumnType: Sendable, Equatable, Hashable, Codable {
    case tinyint, smallint, int, bigint, boolean, float, double
    case decimal(precision: Int, scale: Int)
    case char(Int)
    case varchar(Int)
    case string, date, datetime
    case largeint
    case datetimeV2(scale: Int)
}

/// `DUPLICATE KEY(...)`, `UNIQUE KEY(...)` or `AGGREGATE KEY(...)`.
public struct KeysDescription: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case duplicate = "DUPLICATE", unique = "UNIQUE", aggregate = "AGGREGATE"
    }
    public var kind: Kind
    public var columns: [String]
    public init(kind: Kind, columns: [String]) {
        self.kind = kind
        self.columns = columns
    }
}

/// `PARTITION BY RANGE(cols) (...)` or `PARTITION BY LIST(cols) (...)`.
public enum PartitionScheme: Sendable, Equatable {
    case range(columns: [String], partitions: [PartitionDefinition])
    case list(columns: [String], partitions: [PartitionDefinition])
}

/// One partition as declared in `CREATE TABLE` or `ALTER TABLE ... ADD PARTITION`.
/// A batch (`FROM ... TO ... INTERVAL ...`) has no name of its own (`name` is empty): the
/// engine expands it into named partitions.
public struct PartitionDefinition: Sendable, Equatable {
    public var name: String
    public var ifNotExists: Bool
    public var values: PartitionValues
    /// `PARTITION p VALUES ... ("replication_num" = "1")`.
    public var properties: [Property]
    public init(name: String, ifNotExists: Bool = false, values: PartitionValues, properties: [Property] = []) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.values = values
        self.properties = properties
    }
}

/// `FROM ("2026-01-01") TO ("2026-02-01") INTERVAL 1 DAY`, or `FROM (1) TO (100) INTERVAL 10`
/// (no unit) on an integer column: many range partitions at once (Doris's multi partition).
public struct BatchRange: Sendable, Equatable {
    public var from: [Literal]
    public var to: [Literal]
    public var interval: Int64
    /// The unit as written (`DAY`, `WEEK`, ...), nil for a number interval.
    public var unit: String?
    public init(from: [Literal], to: [Literal], interval: Int64, unit: String?) {
        self.from = from
        self.to = to
        self.interval = interval
        self.unit = unit
    }
}

/// The bound of one partition. Each inner array has one literal per partition column.
public enum PartitionValues: Sendable, Equatable {
    /// `VALUES LESS THAN ("v", ...)` or `VALUES LESS THAN MAXVALUE` (written as `[.maxValue]`).
    case lessThan([Literal])
    /// `VALUES [("lo"), ("hi"))`.
    case fixedRange(lower: [Literal], upper: [Literal])
    /// `VALUES IN ("a", "b")` (one column: each tuple has one literal) or `IN (("a","x"), ...)`.
    case inList([[Literal]])
    /// `FROM (...) TO (...) INTERVAL n [unit]`.
    case batch(BatchRange)
}

/// `DISTRIBUTED BY HASH(cols) BUCKETS n|AUTO` (`buckets == nil` means AUTO or not written),
/// or `DISTRIBUTED BY RANDOM` (`columns` empty).
public struct Distribution: Sendable, Equatable {
    public var columns: [String]
    public var buckets: Int?
    public init(columns: [String], buckets: Int?) {
        self.columns = columns
        self.buckets = buckets
    }
}

/// What `ALTER TABLE t ...` does.
public enum AlterTableAction: Sendable, Equatable {
    case setProperties([Property])
    /// `ADD PARTITION p VALUES ... [DISTRIBUTED BY HASH(...) BUCKETS n]`.
    case addPartition(PartitionDefinition, distribution: Distribution?)
    case dropPartition(name: String, ifExists: Bool)
}
