/// `INSERT INTO t [(cols)] VALUES (...), (...)`.
public struct Insert: Sendable, Equatable {
    public var table: TableName
    public var columns: [String]?
    public var rows: [[Literal]]
    public init(table: TableName, columns: [String]? = nil, rows: [[Literal]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }
}

/// `LOAD DATA [LOCAL] INFILE 'path' INTO TABLE t [COLUMNS TERMINATED BY ','] [IGNORE n LINES]
/// [(col, ...)]`.
public struct LoadData: Sendable, Equatable {
    public var local: Bool
    public var path: String
    public var table: TableName
    public var columnSeparator: String?
    public var ignoreLines: Int
    public var columns: [String]?
    public init(
        local: Bool, path: String, table: TableName, columnSeparator: String? = nil,
        ignoreLines: Int = 0, columns: [String]? = nil
    ) {
        self.local = local
        self.path = path
        self.table = table
        self.columnSeparator = columnSeparator
        self.ignoreLines = ignoreLines
        self.columns = columns
    }
}

/// `SELECT items FROM t [PARTITION (...)] [WHERE ...] [ORDER BY ...] [LIMIT n [OFFSET m]]`.
public struct Select: Sendable, Equatable {
    public enum Item: Sendable, Equatable {
        case star
        case countStar
        case column(String)
    }
    public var items: [Item]
    public var table: TableName
    public var partitions: [String]?
    public var filter: [Predicate]
    public var orderBy: [OrderKey]
    public var limit: Int?
    public var offset: Int?

    public init(
        items: [Item], table: TableName, partitions: [String]? = nil, filter: [Predicate] = [],
        orderBy: [OrderKey] = [], limit: Int? = nil, offset: Int? = nil
    ) {
        self.items = items
        self.table = table
        self.partitions = partitions
        self.filter = filter
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
    }
}

/// One `ORDER BY` key.
public struct OrderKey: Sendable, Equatable {
    public var column: String
    public var descending: Bool
    public init(column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

/// One condition of a `WHERE` clause; a clause is the conjunction (`AND`) of its predicates.
public enum Predicate: Sendable, Equatable {
    case compare(column: String, op: ComparisonOperator, value: Literal)
    case isNull(column: String, negated: Bool)
    case inList(column: String, values: [Literal], negated: Bool)
    case like(column: String, pattern: String, negated: Bool)
    case between(column: String, low: Literal, high: Literal)
}

/// `=`, `!=` / `<>`, `<`, `<=`, `>`, `>=`.
public enum ComparisonOperator: String, Sendable, Equatable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">",
        greaterOrEqual = ">="
}
