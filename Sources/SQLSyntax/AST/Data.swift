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

/// `SELECT [DISTINCT] items FROM t [PARTITION (...)] [WHERE ...] [GROUP BY ...] [HAVING ...]
/// [ORDER BY ...] [LIMIT n [OFFSET m]]`: one table, optionally aggregated.
public struct Select: Sendable, Equatable {
    public enum Item: Sendable, Equatable {
        case star
        case expression(SelectExpression, alias: String?)

        public static func column(_ name: String) -> Item { .expression(.column(name), alias: nil) }
        public static let countStar = Item.expression(.aggregate(AggregateCall(.count, nil)), alias: nil)
    }
    public var distinct: Bool
    public var items: [Item]
    public var table: TableName
    /// Set when FROM names a table-valued function (`jobs("type"="backup")`); `table` then
    /// holds the function's name.
    public var function: TableFunctionCall?
    public var partitions: [String]?
    public var filter: [Predicate]
    /// Expressions, or positions and aliases of the select list (as `.literal` and `.column`).
    public var groupBy: [SelectExpression]
    public var having: SelectExpression?
    public var orderBy: [OrderKey]
    public var limit: Int?
    public var offset: Int?

    public init(
        distinct: Bool = false, items: [Item], table: TableName, partitions: [String]? = nil,
        filter: [Predicate] = [], groupBy: [SelectExpression] = [], having: SelectExpression? = nil,
        orderBy: [OrderKey] = [], limit: Int? = nil, offset: Int? = nil, function: TableFunctionCall? = nil
    ) {
        self.distinct = distinct
        self.items = items
        self.table = table
        self.function = function
        self.partitions = partitions
        self.filter = filter
        self.groupBy = groupBy
        self.having = having
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
    }
}

/// One `ORDER BY` key: an expression, a select-list alias (`.column`) or a 1-based position of
/// the select list (an integer `.literal`).
public struct OrderKey: Sendable, Equatable {
    public var expression: SelectExpression
    public var descending: Bool
    public init(_ expression: SelectExpression, descending: Bool = false) {
        self.expression = expression
        self.descending = descending
    }
    public init(column: String, descending: Bool = false) {
        self.init(.column(column), descending: descending)
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

    /// Whether the comparison holds when the left side orders `order` (-1, 0, 1) against the right.
    public func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        }
    }
}
