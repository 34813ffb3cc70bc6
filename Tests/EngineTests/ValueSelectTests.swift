import Engine
import Foundation
import FuzzSupport
import Testing

/// SELECT without a table: what MySQL clients ask right after connecting.
@Suite struct ValueSelectTests {
    @Test func versionCommentNamesSnapDeckFirst() throws {
        let t = try TestCluster()
        for sql in ["SELECT @@version_comment LIMIT 1", "select @@version_comment limit 1", "/* cli */ SELECT @@version_comment LIMIT 1;"] {
            let result = try t.sql(sql)
            #expect(result.columns == ["@@version_comment"])
            #expect(result.columnTypes == [.text])
            #expect(result.rows == [["SnapDeck \(SnapDeckVersion.current) (Doris-compatible)"]])
        }
        #expect(try t.scalar("SELECT @@version") == "5.7.99")
        #expect(try t.scalar("SELECT VERSION()") == "5.7.99")
    }

    /// Connector/J's opening query: every value it reads by label, with MySQL's types.
    @Test func connectorJOpeningQuery() throws {
        let t = try TestCluster()
        let result = try t.sql(ClientCorpus.connectorJOpening)
        let zone = TimeZone.current.identifier
        let expected: [(String, String, ResultColumnType)] = [
            ("auto_increment_increment", "1", .bigint), ("character_set_client", "utf8mb4", .text),
            ("character_set_connection", "utf8mb4", .text), ("character_set_results", "utf8mb4", .text),
            ("character_set_server", "utf8mb4", .text), ("collation_server", "utf8mb4_0900_bin", .text),
            ("collation_connection", "utf8mb4_0900_bin", .text), ("init_connect", "", .text),
            ("interactive_timeout", "3600", .bigint), ("license", "Apache License, Version 2.0", .text),
            ("lower_case_table_names", "0", .bigint), ("max_allowed_packet", "67108864", .bigint),
            ("net_write_timeout", "600", .bigint), ("performance_schema", "OFF", .text), ("sql_mode", "", .text),
            ("system_time_zone", zone, .text), ("time_zone", zone, .text),
            ("transaction_isolation", "REPEATABLE-READ", .text), ("wait_timeout", "28800", .bigint),
        ]
        #expect(result.columns == expected.map(\.0))
        #expect(result.columns == ClientCorpus.connectorJVariables)
        #expect(result.rows == [expected.map(\.1)])
        #expect(result.columnTypes == expected.map(\.2))
    }

    @Test func literalsAreNamedAndTypedAsMySQLDoes() throws {
        let t = try TestCluster()
        let result = try t.sql("SELECT 1, -007, 1.50, 0.5 AS half, 'text', NULL, TRUE, 1e3, 2.5E-1, 99999999999999999999")
        #expect(result.columns == ["1", "-007", "1.50", "half", "text", "NULL", "TRUE", "1e3", "2.5E-1", "99999999999999999999"])
        #expect(result.rows == [["1", "-7", "1.50", "0.5", "text", nil, "1", "1000", "0.25", "99999999999999999999"]])
        #expect(result.columnTypes == [
            .bigint, .bigint, .decimal(precision: 3, scale: 2), .decimal(precision: 1, scale: 1), .text, .null,
            .boolean, .double, .double, .decimal(precision: 20, scale: 0),
        ])
        #expect(try t.sql("SELECT 1 LIMIT 0") == ResultSet(columns: ["1"], types: [.bigint], rows: []))
        #expect(try t.sql("SELECT 1 FROM DUAL LIMIT 1, 1").rows.isEmpty)
    }

    @Test func sessionFunctions() throws {
        let t = try TestCluster()
        let before = try t.sql("SELECT DATABASE(), SCHEMA()")
        #expect(before.columns == ["DATABASE()", "SCHEMA()"])
        #expect(before.rows == [[nil, nil]])
        #expect(before.columnTypes == [.text, .text])
        try t.sql("CREATE DATABASE shop; USE shop")
        #expect(try t.sql("select database()") == ResultSet(columns: ["database()"], types: [.text], rows: [["shop"]]))
        t.session.connectionId = 42
        t.session.host = "127.0.0.1"
        let who = try t.sql("SELECT USER(), CURRENT_USER(), CURRENT_USER, CONNECTION_ID() AS id")
        #expect(who.rows == [["root@127.0.0.1", "'root'@'%'", "'root'@'%'", "42"]])
        #expect(who.columnTypes == [.text, .text, .text, .bigint])
        #expect(who.columns == ["USER()", "CURRENT_USER()", "CURRENT_USER", "id"])
        try t.sql("CREATE USER 'ann'@'%'")
        t.session = t.cluster!.makeSession(user: "ann", connectionId: 7)
        #expect(try t.sql("SELECT USER(), CURRENT_USER(), CONNECTION_ID()").rows == [["ann@localhost", "'ann'@'%'", "7"]])
    }

    @Test func whatIsNotSupportedFailsClearly() throws {
        let t = try TestCluster()
        let unknown = t.error("SELECT @@no_such_variable")
        #expect(unknown == SQLError(code: 1193, sqlState: "HY000", "Unknown system variable 'no_such_variable'"))
        // Checked even when LIMIT 0 leaves no row to show.
        #expect(t.error("SELECT @@global.nope LIMIT 0")?.code == 1193)
        let function = t.error("SELECT NOW()")
        #expect(function?.code == 1105)
        #expect(function?.message.hasPrefix("Function 'NOW' is not supported: SnapDeck's SELECT takes literals, columns") == true)
        #expect(t.error("SELECT 1 +")?.code == 1064)
        #expect(t.error("SELECT foo") == SQLError.unknownColumn("foo"))
        #expect(t.error("SELECT 1 UNION SELECT 2")?.code == 1235)
    }

    /// Result types of table queries come from the table's columns; COUNT(*) is BIGINT and
    /// SHOW columns stay text.
    @Test func tableQueriesCarryColumnTypes() throws {
        let t = try TestCluster()
        try t.sql("""
            CREATE DATABASE d; USE d;
            CREATE TABLE t (a TINYINT, b SMALLINT, c INT, d BIGINT, e BOOLEAN, f FLOAT, g DOUBLE, h DECIMAL(10,2),
              i CHAR(3), j VARCHAR(20), k STRING, l DATE, m DATETIME) DISTRIBUTED BY HASH(a) BUCKETS 1;
            INSERT INTO t VALUES (1, 2, 3, 4, TRUE, 1.5, 2.5, 3.25, 'abc', 'x', 'y', '2025-01-02', '2025-01-02 03:04:05');
            """)
        let all = try t.sql("SELECT * FROM t")
        #expect(all.columnTypes == [
            .tinyint, .smallint, .int, .bigint, .boolean, .float, .double, .decimal(precision: 10, scale: 2),
            .char(length: 3), .varchar(length: 20), .string, .date, .datetime,
        ])
        #expect(try t.sql("SELECT m, c FROM t").columnTypes == [.datetime, .int])
        #expect(try t.sql("SELECT COUNT(*) FROM t").columnTypes == [.bigint])
        #expect(try t.sql("SHOW TABLES").columnTypes == [.text])
    }
}
