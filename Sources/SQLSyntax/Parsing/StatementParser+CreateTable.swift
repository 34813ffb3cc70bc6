/// `CREATE TABLE` in the Doris dialect: columns, types, keys, distribution.
extension StatementParser {
    mutating func createTable() throws(SyntaxError) -> Statement {
        try expect("TABLE")
        let ifNotExists = acceptIfNotExists()
        var table = CreateTable(name: try tableName(), ifNotExists: ifNotExists, columns: [])
        table.columns = try parenthesized { parser throws(SyntaxError) in
            try parser.columnDefinition()
        }
        if accept("ENGINE") {
            _ = acceptSymbol("=")
            try expect("OLAP")
        }
        if let kind = KeysDescription.Kind(rawValue: current.keyword ?? ""), peek().isKeyword("KEY")
        {
            advance()
            advance()
            table.keys = KeysDescription(kind: kind, columns: try identifierList())
        }
        if accept("COMMENT") { table.comment = try stringLiteral() }
        if at("PARTITION") { table.partitioning = try partitionScheme() }
        if at("DISTRIBUTED") { table.distribution = try distribution() }
        table.properties = try optionalProperties()
        return .createTable(table)
    }

    /// `name TYPE` followed by NOT NULL, NULL, DEFAULT, COMMENT or an aggregate function in any
    /// order.
    private mutating func columnDefinition() throws(SyntaxError) -> ColumnDefinition {
        var column = ColumnDefinition(name: try identifier(), type: try columnType())
        while true {
            if accept("NOT") {
                try expect("NULL")
                column.nullable = false
            } else if accept("NULL") {
                column.nullable = true
            } else if accept("DEFAULT") {
                column.defaultValue = try literal()
            } else if accept("COMMENT") {
                column.comment = try stringLiteral()
            } else if let keyword = current.keyword, let aggregation = AggregationType(rawValue: keyword) {
                advance()
                column.aggregation = aggregation
            } else {
                return column
            }
        }
    }

    private mutating func columnType() throws(SyntaxError) -> ColumnType {
        guard let keyword = current.keyword else { throw unexpected }
        switch keyword {
        case "TINYINT": return try integerType(.tinyint)
        case "SMALLINT": return try integerType(.smallint)
        case "INT", "INTEGER": return try integerType(.int)
        case "BIGINT": return try integerType(.bigint)
        case "LARGEINT": return try integerType(.largeint)
        case "BOOLEAN", "BOOL": return simpleType(.boolean)
        case "FLOAT": return simpleType(.float)
        case "DOUBLE": return simpleType(.double)
        case "STRING", "TEXT": return simpleType(.string)
        case "DATE", "DATEV2": return simpleType(.date)
        case "DATETIME", "DATETIMEV2":
            advance()
            // DATETIME(0) stores whole seconds, exactly like DATETIME.
            guard let scale = try optionalLength(), scale != 0 else { return .datetime }
            return .datetimeV2(scale: scale)
        case "CHAR":
            advance()
            return .char(try optionalLength() ?? 1)
        case "VARCHAR":
            advance()
            return .varchar(try optionalLength() ?? 65533)
        case "DECIMAL", "DECIMALV3": return try decimalType()
        default: throw unexpected
        }
    }

    private mutating func simpleType(_ type: ColumnType) -> ColumnType {
        advance()
        return type
    }

    /// `INT(11)`: MySQL's display width changes nothing about the stored values.
    private mutating func integerType(_ type: ColumnType) throws(SyntaxError) -> ColumnType {
        advance()
        _ = try optionalLength()
        return type
    }

    /// `(n)`, if present.
    private mutating func optionalLength() throws(SyntaxError) -> Int? {
        guard acceptSymbol("(") else { return nil }
        let length = try integer()
        try expectSymbol(")")
        return length
    }

    /// `DECIMAL` = (9, 0), `DECIMAL(p)` = (p, 0), `DECIMAL(p, s)`; ranges are the engine's to check.
    private mutating func decimalType() throws(SyntaxError) -> ColumnType {
        advance()
        guard acceptSymbol("(") else { return .decimal(precision: 9, scale: 0) }
        let precision = try integer()
        let scale = acceptSymbol(",") ? try integer() : 0
        try expectSymbol(")")
        return .decimal(precision: precision, scale: scale)
    }

    /// `DISTRIBUTED BY HASH(cols) [BUCKETS n|AUTO]` or `DISTRIBUTED BY RANDOM [BUCKETS n|AUTO]`.
    mutating func distribution() throws(SyntaxError) -> Distribution {
        try expect("DISTRIBUTED", "BY")
        let columns: [String]
        if accept("HASH") {
            columns = try identifierList()
        } else {
            try expect("RANDOM")
            columns = []
        }
        var buckets: Int?
        if accept("BUCKETS"), !accept("AUTO") { buckets = try integer() }
        return Distribution(columns: columns, buckets: buckets)
    }
}
