/// Which partition bounds a rule accepts: a RANGE table's, a LIST table's, or (for ALTER TABLE,
/// where the table's scheme is unknown to the parser) either.
enum PartitionStyle {
    case range, list, any
}

/// Partition schemes and definitions, and `ALTER TABLE`.
extension StatementParser {
    /// `PARTITION BY RANGE|LIST (cols) ( [PARTITION ..., ...] )`; an empty list is allowed
    /// (partitions added later by ALTER TABLE).
    mutating func partitionScheme() throws(SyntaxError) -> PartitionScheme {
        try expect("PARTITION", "BY")
        let kind = try expectOne(of: ["RANGE", "LIST"])
        let style: PartitionStyle = kind == "RANGE" ? .range : .list
        let columns = try identifierList()
        try expectSymbol("(")
        var partitions: [PartitionDefinition] = []
        if !acceptSymbol(")") {
            partitions = try commaSeparated { parser throws(SyntaxError) in
                if style == .range, parser.at("FROM") { return try parser.batchRange() }
                return try parser.partitionDefinition(style)
            }
            try expectSymbol(")")
        }
        return kind == "RANGE"
            ? .range(columns: columns, partitions: partitions)
            : .list(columns: columns, partitions: partitions)
    }

    /// `PARTITION [IF NOT EXISTS] p VALUES LESS THAN ... | VALUES [(...), (...)) | VALUES IN (...)`.
    mutating func partitionDefinition(_ style: PartitionStyle) throws(SyntaxError)
        -> PartitionDefinition
    {
        try expect("PARTITION")
        let ifNotExists = acceptIfNotExists()
        let name = try identifier()
        try expect("VALUES")
        let values = try partitionValues(style)
        let properties = current.isSymbol("(") ? try propertyList() : []
        return PartitionDefinition(name: name, ifNotExists: ifNotExists, values: values, properties: properties)
    }

    /// `FROM (v) TO (v) INTERVAL [-]n [unit]`; the unit is any word (the engine names the ones
    /// it refuses, as Doris does).
    private mutating func batchRange() throws(SyntaxError) -> PartitionDefinition {
        try expect("FROM")
        let from = try partitionTuple()
        try expect("TO")
        let to = try partitionTuple()
        try expect("INTERVAL")
        let negative = acceptSymbol("-")
        let magnitude = try integer()
        var unit: String?
        if case .word(let word) = current.kind {
            unit = word
            advance()
        }
        let batch = BatchRange(from: from, to: to, interval: Int64(negative ? -magnitude : magnitude), unit: unit)
        return PartitionDefinition(name: "", values: .batch(batch))
    }

    private mutating func partitionValues(_ style: PartitionStyle) throws(SyntaxError)
        -> PartitionValues
    {
        let rangeBound = at("LESS") || current.isSymbol("[")
        if (rangeBound && style == .list) || (!rangeBound && style == .range) { throw unexpected }
        if accept("LESS") {
            try expect("THAN")
            if accept("MAXVALUE") { return .lessThan([.maxValue]) }
            return .lessThan(try partitionTuple())
        }
        if acceptSymbol("[") {
            let lower = try partitionTuple()
            try expectSymbol(",")
            let upper = try partitionTuple()
            try expectSymbol(")")
            return .fixedRange(lower: lower, upper: upper)
        }
        try expect("IN")
        // `IN ("a", "b")` lists one-column values; `IN (("a", "x"), ...)` lists tuples.
        if peek().isSymbol("(") {
            return .inList(try parenthesized { parser throws(SyntaxError) in
                try parser.partitionTuple()
            })
        }
        let values = try parenthesized { parser throws(SyntaxError) in try parser.partitionValue() }
        return .inList(values.map { [$0] })
    }

    /// `(value, ...)`
    private mutating func partitionTuple() throws(SyntaxError) -> [Literal] {
        try parenthesized { parser throws(SyntaxError) in try parser.partitionValue() }
    }

    private mutating func partitionValue() throws(SyntaxError) -> Literal {
        accept("MAXVALUE") ? .maxValue : try literal()
    }

    /// `ALTER TABLE t SET (...) | ADD PARTITION ... | DROP PARTITION [IF EXISTS] p [FORCE]`
    mutating func alterTable() throws(SyntaxError) -> Statement {
        try expect("ALTER", "TABLE")
        let table = try tableName()
        if accept("SET") { return .alterTable(table, .setProperties(try propertyList())) }
        if accept("ADD") {
            let partition = try partitionDefinition(.any)
            let distribution = at("DISTRIBUTED") ? try distribution() : nil
            return .alterTable(table, .addPartition(partition, distribution: distribution))
        }
        try expect("DROP", "PARTITION")
        let ifExists = acceptIfExists()
        let name = try identifier()
        _ = accept("FORCE")
        return .alterTable(table, .dropPartition(name: name, ifExists: ifExists))
    }
}
