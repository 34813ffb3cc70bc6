/// Data statements: INSERT, LOAD DATA, SELECT.
extension StatementParser {
    /// `INSERT INTO [d.]t [(cols)] VALUES (lit, ...), ...`
    mutating func insert() throws(SyntaxError) -> Statement {
        try expect("INSERT", "INTO")
        let table = try tableName()
        let columns = current.isSymbol("(") ? try identifierList() : nil
        try expect("VALUES")
        let rows = try commaSeparated { parser throws(SyntaxError) in
            try parser.parenthesized { row throws(SyntaxError) in try row.literal() }
        }
        return .insert(Insert(table: table, columns: columns, rows: rows))
    }

    /// `LOAD DATA [LOCAL] INFILE 'path' INTO TABLE t [COLUMNS|FIELDS TERMINATED BY 's']
    /// [IGNORE n LINES|ROWS] [(cols)]`
    mutating func loadData() throws(SyntaxError) -> Statement {
        try expect("LOAD", "DATA")
        let local = accept("LOCAL")
        try expect("INFILE")
        let path = try stringLiteral()
        try expect("INTO", "TABLE")
        var load = LoadData(local: local, path: path, table: try tableName())
        if accept("COLUMNS") || accept("FIELDS") {
            try expect("TERMINATED", "BY")
            load.columnSeparator = try stringLiteral()
        }
        if accept("IGNORE") {
            load.ignoreLines = try integer()
            _ = try expectOne(of: ["LINES", "ROWS"])
        }
        if current.isSymbol("(") { load.columns = try identifierList() }
        return .loadData(load)
    }

    /// `SELECT [DISTINCT] items FROM [d.]t [PARTITION ...] [[AS] alias] [WHERE ...]
    /// [GROUP BY ...] [HAVING ...] [ORDER BY ...] [LIMIT n [OFFSET m] | LIMIT m, n]`
    /// A SELECT without a table (or `FROM DUAL`) is a ``ValueSelect``.
    mutating func select() throws(SyntaxError) -> Statement {
        if !selectReadsTable { return try valueSelect() }
        try expect("SELECT")
        let distinct = accept("DISTINCT")
        if !distinct { _ = accept("ALL") }
        let items = try commaSeparated { parser throws(SyntaxError) in try parser.selectItem() }
        try rejectSetOperation()
        try expect("FROM")
        if current.isSymbol("(") { throw unsupported("a subquery in FROM") }
        var query = Select(distinct: distinct, items: items, table: try tableName())
        if query.table.database == nil, current.isSymbol("(") {
            query.function = TableFunctionCall(name: query.table.name, arguments: try functionArguments())
        }
        if at("PARTITION") || at("PARTITIONS") { query.partitions = try partitionNames() }
        try rejectJoin()
        // A table alias only matters for qualified column names, whose qualifier is dropped.
        if accept("AS") {
            _ = try identifier()
        } else if atAlias {
            advance()
        }
        try rejectJoin()
        query.filter = try optionalWhere()
        if accept("GROUP") {
            try expect("BY")
            query.groupBy = try commaSeparated { parser throws(SyntaxError) in try parser.expression() }
        }
        if accept("HAVING") { query.having = try expression() }
        if accept("ORDER") {
            try expect("BY")
            query.orderBy = try commaSeparated { parser throws(SyntaxError) in
                try parser.orderKey()
            }
        }
        (query.limit, query.offset) = try optionalLimit()
        try rejectSetOperation()
        return .select(query)
    }

    /// `()` or `("key" = "value", ...)`: a table-valued function's arguments.
    private mutating func functionArguments() throws(SyntaxError) -> [Property] {
        if current.isSymbol("("), peek().isSymbol(")") {
            advance()
            advance()
            return []
        }
        return try propertyList()
    }

    /// `*`, `t.*` or an expression with an optional alias.
    private mutating func selectItem() throws(SyntaxError) -> Select.Item {
        if acceptSymbol("*") { return .star }
        if atIdentifier, peek().isSymbol("."), peek(2).isSymbol("*") {
            advance()
            advance()
            advance()
            return .star
        }
        let expression = try expression()
        return .expression(expression, alias: try optionalAlias())
    }

    /// `[AS] name` or `AS 'name'`.
    mutating func optionalAlias() throws(SyntaxError) -> String? {
        if accept("AS") {
            if case .string(let alias) = current.kind {
                advance()
                return alias
            }
            return try identifier()
        }
        return atAlias ? try identifier() : nil
    }

    private mutating func orderKey() throws(SyntaxError) -> OrderKey {
        let expression = try expression()
        if accept("DESC") { return OrderKey(expression, descending: true) }
        _ = accept("ASC")
        return OrderKey(expression)
    }

    /// `PARTITION (p, ...)`, `PARTITION p` or `PARTITIONS (p, ...)`.
    mutating func partitionNames() throws(SyntaxError) -> [String] {
        if accept("PARTITIONS") { return try identifierList() }
        try expect("PARTITION")
        return current.isSymbol("(") ? try identifierList() : [try identifier()]
    }
}
