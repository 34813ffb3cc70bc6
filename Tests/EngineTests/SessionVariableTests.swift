@testable import Engine
import Foundation
import FuzzSupport
import SQLSyntax
import Testing

/// SET, SET NAMES and SHOW VARIABLES: session variables, their checks and the global values.
@Suite struct SessionVariableTests {
    @Test func setThenSelectRoundTrips() throws {
        let t = try TestCluster()
        try t.sql("SET wait_timeout = 600, interactive_timeout = '120'")
        let result = try t.sql("SELECT @@wait_timeout, @@session.wait_timeout, @@local.wait_timeout, @@global.wait_timeout, @@interactive_timeout")
        #expect(result.rows == [["600", "600", "600", "28800", "120"]])
        #expect(result.columnTypes == Array(repeating: .bigint, count: 5))
        #expect(t.session.waitTimeoutSeconds == 600)
        #expect(t.session.interactiveTimeoutSeconds == 120)
        try t.sql("SET @@session.max_allowed_packet = 1048576")
        #expect(t.session.maxAllowedPacket == 1_048_576)
        try t.sql("SET SESSION wait_timeout = DEFAULT")
        #expect(t.session.waitTimeoutSeconds == 28800)
    }

    /// Doris stores autocommit and says it back: 1/0 as BIGINT to SELECT, true/false to SHOW.
    @Test func autocommitIsStored() throws {
        let t = try TestCluster()
        #expect(try t.sql("SELECT @@autocommit").rows == [["1"]])
        for (statement, value) in [("SET autocommit = 0", "0"), ("SET autocommit=1", "1"), ("SET @@session.autocommit = OFF", "0"), ("SET AUTOCOMMIT = ON", "1")] {
            try t.sql(statement)
            #expect(try t.sql("SELECT @@autocommit") == ResultSet(columns: ["@@autocommit"], types: [.bigint], rows: [[value]]), "\(statement)")
        }
        try t.sql("SET autocommit = false")
        #expect(!t.session.autocommit)
        #expect(try t.sql("SHOW VARIABLES LIKE 'autocommit'").rows == [["autocommit", "false"]])
        #expect(t.error("SET autocommit = 2") == SQLError(code: 1231, sqlState: "42000", "Variable 'autocommit' can't be set to the value of '2'"))
    }

    @Test func integerVariablesTakeIntegersOnly() throws {
        let t = try TestCluster()
        for value in ["'soon'", "1.5", "NULL", "ON"] {
            let error = t.error("SET wait_timeout = \(value)")
            #expect(error == SQLError(code: 1232, sqlState: "42000", "Incorrect argument type to variable 'wait_timeout'"), "\(value)")
        }
        #expect(t.error("SET max_allowed_packet = 12")?.description == "ERROR 1231 (42000): Variable 'max_allowed_packet' can't be set to the value of '12'")
        #expect(t.error("SET interactive_timeout = 0")?.code == 1231)
        #expect(t.session.waitTimeoutSeconds == 28800)
    }

    @Test func characterSetsAreUTF8Only() throws {
        let t = try TestCluster()
        #expect(t.error("SET NAMES latin1") == SQLError(code: 1115, sqlState: "42000", "Unknown character set: 'latin1'"))
        #expect(t.error("SET character_set_client = 'gbk'")?.code == 1115)
        try t.sql("SET NAMES 'utf8mb4' COLLATE 'utf8mb4_general_ci'")
        let names = "SELECT @@character_set_client, @@character_set_connection, @@character_set_results, @@collation_connection"
        #expect(try t.sql(names).rows == [["utf8mb4", "utf8mb4", "utf8mb4", "utf8mb4_general_ci"]])
        try t.sql("SET NAMES utf8")
        #expect(try t.sql(names).rows == [["utf8", "utf8", "utf8", "utf8mb3_general_ci"]])
        try t.sql("SET NAMES DEFAULT")
        #expect(try t.sql(names).rows == [["utf8mb4", "utf8mb4", "utf8mb4", "utf8mb4_0900_bin"]])
        #expect(t.error("SET NAMES utf8 COLLATE utf8mb4_bin") == SQLError(code: 1253, sqlState: "42000", "COLLATION 'utf8mb4_bin' is not valid for CHARACTER SET 'utf8'"))
        #expect(t.error("SET NAMES utf8mb4 COLLATE latin1_swedish_ci")?.code == 1273)
        // Connector/J asks for results unconverted.
        try t.sql("SET character_set_results = NULL")
        #expect(try t.sql("SELECT @@character_set_results").rows == [[nil]])
        #expect(try t.sql("SHOW VARIABLES LIKE 'character_set_results'").rows == [["character_set_results", ""]])
        #expect(t.error("SET character_set_client = NULL")?.code == 1231)
    }

    @Test func textVariablesAreChecked() throws {
        let t = try TestCluster()
        try t.sql("SET sql_mode = 'traditional,ansi_quotes'")
        #expect(try t.scalar("SELECT @@sql_mode") == "ANSI_QUOTES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_ZERO_DATE,NO_ZERO_IN_DATE,STRICT_ALL_TABLES,STRICT_TRANS_TABLES,TRADITIONAL")
        #expect(t.error("SET sql_mode = 'STRICT_TRANS_TABLES,nonsense'") == SQLError(code: 1231, sqlState: "42000", "Variable 'sql_mode' can't be set to the value of 'nonsense'"))
        try t.sql("SET sql_mode = ''")
        #expect(try t.scalar("SELECT @@sql_mode") == "")
        // The 5.7 and 8.0 names of the isolation level are one setting.
        try t.sql("SET transaction_isolation = 'read committed'")
        #expect(try t.sql("SELECT @@tx_isolation, @@transaction_isolation").rows == [["READ-COMMITTED", "READ-COMMITTED"]])
        #expect(t.error("SET tx_isolation = 'sometimes'")?.code == 1231)
        try t.sql("SET time_zone = '+8:00'")
        #expect(try t.scalar("SELECT @@time_zone") == "+08:00")
        try t.sql("SET time_zone = 'Asia/Shanghai'")
        #expect(try t.scalar("SELECT @@time_zone") == "Asia/Shanghai")
        #expect(t.error("SET time_zone = 'Mars/Olympus_Mons'") == SQLError(code: 1298, sqlState: "HY000", "Unknown or incorrect time zone: 'Mars/Olympus_Mons'"))
        #expect(t.error("SET time_zone = '+15:00'")?.code == 1298)
    }

    @Test func unknownReadOnlyAndGlobalVariables() throws {
        let t = try TestCluster()
        #expect(t.error("SET no_such_thing = 1") == SQLError(code: 1193, sqlState: "HY000", "Unknown system variable 'no_such_thing'"))
        #expect(t.error("SET version_comment = 'x'") == SQLError(code: 1238, sqlState: "HY000", "Variable 'version_comment' is a read only variable"))
        #expect(t.error("SET GLOBAL license = 'x'")?.code == 1238)
        #expect(t.error("SET init_connect = 'x'")?.code == 1229)
        try t.sql("SET GLOBAL init_connect = 'SET NAMES utf8mb4'")
        #expect(try t.scalar("SELECT @@init_connect") == "SET NAMES utf8mb4")
        // One bad assignment leaves the others undone.
        #expect(t.error("SET wait_timeout = 5, nope = 1")?.code == 1193)
        #expect(t.session.waitTimeoutSeconds == 28800)
    }

    @Test func setGlobalNeedsAdmin() throws {
        let t = try TestCluster()
        try t.sql("CREATE USER ann")
        t.session = Session(user: "ann")
        let refused = t.error("SET GLOBAL wait_timeout = 60")
        #expect(refused == SQLError(code: 1227, sqlState: "42000", "Access denied; you need (at least one of) the (ADMIN) privilege(s) for this operation"))
        #expect(t.error("SET @@global.sql_mode = ''")?.code == 1227)
        try t.sql("SET wait_timeout = 60")
        #expect(try t.scalar("SELECT @@global.wait_timeout") == "28800")
    }

    /// SET GLOBAL changes what sessions opened afterwards start from, not the running ones,
    /// and lasts as long as the cluster object (it is not saved).
    @Test func setGlobalAffectsNewSessionsOnly() throws {
        let t = try TestCluster()
        // The cluster is held only in this block, so that the reopen below can take the directory.
        do {
            let cluster = try #require(t.cluster)
            var other = cluster.makeSession()
            try t.sql("SET GLOBAL wait_timeout = 100, GLOBAL sql_mode = 'ANSI_QUOTES'")
            #expect(t.session.waitTimeoutSeconds == 28800)
            #expect(try t.sql("SELECT @@wait_timeout, @@global.wait_timeout").rows == [["28800", "100"]])
            #expect(try cluster.execute("SELECT @@wait_timeout", session: &other).rows == [["28800"]])
            var fresh = cluster.makeSession(user: "root")
            #expect(fresh.waitTimeoutSeconds == 100)
            #expect(try cluster.execute("SELECT @@sql_mode", session: &fresh).rows == [["ANSI_QUOTES"]])
            // A session's DEFAULT is the global value, the global DEFAULT the built-in one.
            try t.sql("SET wait_timeout = DEFAULT")
            #expect(t.session.waitTimeoutSeconds == 100)
            try t.sql("SET GLOBAL wait_timeout = DEFAULT")
            #expect(cluster.makeSession().waitTimeoutSeconds == 28800)
            try t.sql("SET GLOBAL sql_mode = 'ANSI_QUOTES'")
        }
        try t.reopen()
        #expect(try t.scalar("SELECT @@global.sql_mode") == "")
    }

    @Test func showVariablesFiltersAndSorts() throws {
        let t = try TestCluster()
        let wait = try t.sql("SHOW VARIABLES LIKE 'wait%'")
        #expect(wait == ResultSet(columns: ["Variable_name", "Value"], rows: [["wait_timeout", "28800"]]))
        #expect(try t.sql("SHOW VARIABLES LIKE 'WAIT\\_%'").rows == [["wait_timeout", "28800"]])
        let all = try t.sql("SHOW VARIABLES").rows.map { $0[0] ?? "" }
        #expect(all == all.sorted())
        #expect(all.contains("version_comment") && all.contains("sql_select_limit") && all.count > 30)
        try t.sql("SET wait_timeout = 5")
        #expect(try t.sql("SHOW SESSION VARIABLES WHERE Variable_name = 'wait_timeout'").rows == [["wait_timeout", "5"]])
        #expect(try t.sql("SHOW GLOBAL VARIABLES WHERE Variable_name = 'wait_timeout'").rows == [["wait_timeout", "28800"]])
        #expect(try t.sql("SHOW VARIABLES WHERE Value = 'REPEATABLE-READ'").rows.map { $0[0] } == ["transaction_isolation", "tx_isolation"])
        #expect(t.error("SHOW VARIABLES WHERE Nope = 1")?.code == 1054)
    }

    @Test func sqlSelectLimitCapsSelects() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE d; USE d; CREATE TABLE t (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1; INSERT INTO t VALUES (1), (2), (3)")
        try t.sql("SET sql_select_limit = 2")
        #expect(try t.sql("SELECT * FROM t ORDER BY k").rows == [["1"], ["2"]])
        #expect(try t.sql("SELECT * FROM t ORDER BY k LIMIT 1 OFFSET 2").rows == [["3"]])
        #expect(try t.sql("SELECT COUNT(*) FROM t").rows == [["3"]])
        try t.sql("SET sql_select_limit = 0")
        #expect(try t.sql("SELECT 1").rows.isEmpty)
        #expect(try t.sql("SELECT COUNT(*) FROM t").rows.isEmpty)
    }

    @Test func whatClientsSendOnConnectingSucceeds() throws {
        let t = try TestCluster()
        for sql in ClientCorpus.statements {
            #expect(throws: Never.self, "\(sql)") { try t.sql(sql) }
        }
        #expect(try t.sql("SELECT @@character_set_results, @@autocommit").rows == [[nil, "1"]])
    }

    /// Session statements change no data: a data directory opened read-only runs them.
    @Test func sessionStatementsCountAsReads() throws {
        for sql in ["SET NAMES utf8mb4", "SET autocommit = 0", "SET GLOBAL wait_timeout = 5", "SHOW VARIABLES", "SELECT @@version_comment LIMIT 1"] {
            #expect(StatementEffects.onlyReads(try Parser.parse(sql)), "\(sql)")
        }
        for sql in ["SET PASSWORD = PASSWORD('x')", "ALTER USER u IDENTIFIED BY 'x'"] {
            #expect(!StatementEffects.onlyReads(try Parser.parse(sql)), "\(sql)")
        }
    }
}
