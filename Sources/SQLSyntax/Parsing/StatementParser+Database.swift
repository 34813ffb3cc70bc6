/// Databases and whole-table statements: CREATE/DROP DATABASE, DROP/TRUNCATE TABLE.
extension StatementParser {
    mutating func acceptIfNotExists() -> Bool {
        accept(sequence: ["IF", "NOT", "EXISTS"])
    }

    mutating func acceptIfExists() -> Bool {
        accept(sequence: ["IF", "EXISTS"])
    }

    /// `CREATE DATABASE|SCHEMA [IF NOT EXISTS] d`
    mutating func createDatabase() throws(SyntaxError) -> Statement {
        advance()
        let ifNotExists = acceptIfNotExists()
        return .createDatabase(name: try identifier(), ifNotExists: ifNotExists)
    }

    /// `DROP DATABASE|SCHEMA [IF EXISTS] d [FORCE]`; FORCE only skips Doris's recycle bin, which
    /// SnapDeck does not have, so it is accepted and dropped.
    mutating func dropDatabase() throws(SyntaxError) -> Statement {
        advance()
        let ifExists = acceptIfExists()
        let name = try identifier()
        _ = accept("FORCE")
        return .dropDatabase(name: name, ifExists: ifExists)
    }

    /// `DROP TABLE [IF EXISTS] [d.]t [FORCE]`
    mutating func dropTable() throws(SyntaxError) -> Statement {
        try expect("TABLE")
        let ifExists = acceptIfExists()
        let table = try tableName()
        _ = accept("FORCE")
        return .dropTable(table, ifExists: ifExists)
    }

    /// `TRUNCATE [TABLE] [d.]t`
    mutating func truncateTable() throws(SyntaxError) -> Statement {
        advance()
        _ = accept("TABLE")
        return .truncateTable(try tableName())
    }

    /// `CHECKSUM TABLE t [, t2 ...] [QUICK | EXTENDED]`; both modes compute the same checksum here.
    mutating func checksumTable() throws(SyntaxError) -> Statement {
        advance()
        try expect("TABLE")
        let tables = try commaSeparated { parser throws(SyntaxError) in try parser.tableName() }
        _ = accept("QUICK") || accept("EXTENDED")
        return .checksumTable(tables)
    }
}
