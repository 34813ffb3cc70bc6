import SQLSyntax
import Testing

enum DatabaseCases {
    static let all: [ParseCase] = [
        ParseCase("CREATE DATABASE d", .createDatabase(name: "d", ifNotExists: false)),
        ParseCase(
            "create database if not exists example_db",
            .createDatabase(name: "example_db", ifNotExists: true)),
        ParseCase("CREATE SCHEMA `my db`", .createDatabase(name: "my db", ifNotExists: false)),
        ParseCase("DROP DATABASE d", .dropDatabase(name: "d", ifExists: false)),
        ParseCase("DROP SCHEMA IF EXISTS d FORCE", .dropDatabase(name: "d", ifExists: true)),
        ParseCase("USE example_db", .use(database: "example_db")),
        ParseCase("use `销售`;", .use(database: "销售")),
        ParseCase("SHOW DATABASES", .showDatabases(like: nil)),
        ParseCase("SHOW DATABASES LIKE 'ex%'", .showDatabases(like: "ex%")),
        ParseCase("SHOW TABLES", .showTables(database: nil, like: nil)),
        ParseCase("SHOW TABLES FROM d", .showTables(database: "d", like: nil)),
        ParseCase("SHOW TABLES IN d LIKE \"t_%\"", .showTables(database: "d", like: "t_%")),
        ParseCase("SHOW TABLES LIKE 't%'", .showTables(database: nil, like: "t%")),
        ParseCase("DROP TABLE t", .dropTable(TableName(name: "t"), ifExists: false)),
        ParseCase(
            "DROP TABLE IF EXISTS d.t FORCE",
            .dropTable(TableName(database: "d", name: "t"), ifExists: true)),
        ParseCase("TRUNCATE TABLE d.t", .truncateTable(TableName(database: "d", name: "t"))),
        ParseCase("TRUNCATE t", .truncateTable(TableName(name: "t"))),
        ParseCase("SHOW CREATE TABLE t", .showCreateTable(TableName(name: "t"))),
        ParseCase("show create table d.`t`", .showCreateTable(TableName(database: "d", name: "t"))),
        ParseCase("DESC t", .describe(TableName(name: "t"))),
        ParseCase("DESCRIBE d.t", .describe(TableName(database: "d", name: "t"))),
        ParseCase("SHOW PARTITIONS FROM t", .showPartitions(TableName(name: "t"))),
        ParseCase("SHOW TABLET FROM d.t", .showTablets(TableName(database: "d", name: "t"))),
        ParseCase("SHOW TABLETS FROM t", .showTablets(TableName(name: "t"))),
        ParseCase("SHOW BACKENDS", .showBackends),
        ParseCase("CHECKSUM TABLE t", .checksumTable([TableName(name: "t")])),
        ParseCase(
            "CHECKSUM TABLE t, d.t2 QUICK",
            .checksumTable([TableName(name: "t"), TableName(database: "d", name: "t2")])),
        ParseCase("checksum table t extended", .checksumTable([TableName(name: "t")])),
    ]
}

@Suite struct DatabaseStatementTests {
    @Test(arguments: DatabaseCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test(arguments: [
        "CREATE DATABASE", "CREATE DATABASE IF EXISTS d", "DROP DATABASE d d", "USE",
        "SHOW DATABASES LIKE x", "SHOW TABLES FROM", "DROP TABLE d.", "DROP TABLE d.t.u",
        "SHOW PARTITIONS t", "SHOW TABLETS IN t", "CHECKSUM TABLE", "CHECKSUM TABLE t,",
        "DESC", "SHOW", "SHOW CREATE VIEW v", "DROP VIEW v", "CREATE TABLE t",
    ])
    func rejects(_ sql: String) {
        #expect(syntaxError(sql) != nil)
    }
}
