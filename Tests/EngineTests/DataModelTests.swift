import Engine
import Foundation
import Testing

/// AGGREGATE KEY and merge-on-read UNIQUE KEY tables: reads fold the rows of equal keys in
/// load order, and every reader (SELECT, COUNT, aggregates, CHECKSUM TABLE) sees the same rows.
@Suite struct DataModelTests {
    static let aggregateTable = """
        CREATE TABLE agg (
          k INT NOT NULL, g VARCHAR(8) NOT NULL,
          s BIGINT SUM DEFAULT "0", hi INT MAX, lo INT MIN, r VARCHAR(8) REPLACE, rn VARCHAR(8) REPLACE_IF_NOT_NULL)
        AGGREGATE KEY(k, g) DISTRIBUTED BY HASH(k) BUCKETS 3 PROPERTIES ("replication_num" = "1")
        """

    static func cluster() throws -> TestCluster {
        let t = try TestCluster(backends: 1)
        try t.sql("CREATE DATABASE m; USE m")
        return t
    }

    @Test func everyAggregationFoldsLoadsInLoadOrder() throws {
        let t = try Self.cluster()
        try t.sql(Self.aggregateTable)
        try t.sql("INSERT INTO agg VALUES (1, 'a', 10, 5, 5, 'first', 'x'), (2, 'b', NULL, NULL, NULL, NULL, NULL)")
        try t.sql("INSERT INTO agg VALUES (1, 'a', 7, 9, 2, 'second', NULL), (2, 'b', 3, 4, 4, 'y', NULL)")
        try t.sql("INSERT INTO agg VALUES (1, 'a', NULL, NULL, NULL, NULL, NULL), (1, 'b', 1, 1, 1, 'z', 'z')")
        #expect(try t.sql("SELECT * FROM agg ORDER BY k, g").rows == [
            // SUM, MAX and MIN skip NULLs; REPLACE takes the last load's NULL; REPLACE_IF_NOT_NULL keeps 'x'.
            ["1", "a", "17", "9", "2", nil, "x"],
            ["1", "b", "1", "1", "1", "z", "z"],
            // A key whose first values were NULL: the later non-NULL values count.
            ["2", "b", "3", "4", "4", "y", nil],
        ])
        #expect(try t.scalar("SELECT COUNT(*) FROM agg") == "3")
        #expect(try t.scalar("SELECT SUM(s) FROM agg") == "21")
        #expect(try t.scalar("SELECT COUNT(*) FROM agg WHERE k = 1") == "2")
    }

    @Test func sumWrapsInTheColumnTypeAndFoldsDecimalsAndDoubles() throws {
        let t = try Self.cluster()
        try t.sql("""
            CREATE TABLE sums (k INT, t TINYINT SUM, d DECIMAL(10, 2) SUM, f DOUBLE SUM, x LARGEINT MAX)
            AGGREGATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 2 PROPERTIES ("replication_num" = "1")
            """)
        try t.sql("INSERT INTO sums VALUES (1, 100, '1.25', 0.5, 7)")
        try t.sql("INSERT INTO sums VALUES (1, 100, '2.50', 0.25, -170141183460469231731687303715884105728)")
        // 200 does not fit a TINYINT: it wraps to -56, as Doris's storage keeps the column type.
        #expect(try t.sql("SELECT * FROM sums").rows == [["1", "-56", "3.75", "0.75", "7"]])
    }

    @Test func uniqueKeepsTheLatestLoadAndTheLaterRowOfOneLoad() throws {
        let t = try Self.cluster()
        try t.sql("""
            CREATE TABLE u (id INT NOT NULL, name VARCHAR(10), score INT)
            UNIQUE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 4 PROPERTIES ("replication_num" = "1")
            """)
        try t.sql("INSERT INTO u VALUES (1, 'a', 1), (2, 'b', 2), (1, 'a2', 10)")
        #expect(try t.sql("SELECT * FROM u ORDER BY id").rows == [["1", "a2", "10"], ["2", "b", "2"]])
        try t.sql("INSERT INTO u VALUES (2, NULL, 20), (3, 'c', 3)")
        #expect(try t.sql("SELECT * FROM u ORDER BY id").rows == [["1", "a2", "10"], ["2", nil, "20"], ["3", "c", "3"]])
        #expect(try t.scalar("SELECT COUNT(*) FROM u") == "3")
        #expect(try t.scalar("SELECT MAX(score) FROM u") == "20")
        #expect(try t.sql("DESC u").rows.map { $0[5] } == ["", "REPLACE", "REPLACE"])
        // The stored counts stay per load (five rows written), as SHOW PARTITIONS reports them.
        let partitions = try t.sql("SHOW PARTITIONS FROM u")
        let rowCount = try #require(partitions.columns.firstIndex(of: "RowCount"))
        #expect(partitions.rows.map { $0[rowCount] } == ["5"])
    }

    @Test func checksumSeesMergedRows() throws {
        let t = try Self.cluster()
        try t.sql("""
            CREATE TABLE u (id INT, v INT) UNIQUE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ("replication_num" = "1")
            """)
        try t.sql("""
            CREATE TABLE d (id INT, v INT) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ("replication_num" = "1")
            """)
        try t.sql("INSERT INTO u VALUES (1, 1), (2, 2)")
        try t.sql("INSERT INTO u VALUES (1, 5)")
        try t.sql("INSERT INTO d VALUES (1, 5), (2, 2)")
        // The merged UNIQUE table holds exactly the rows of the DUPLICATE one.
        #expect(try t.sql("CHECKSUM TABLE m.u").rows[0][1] == t.sql("CHECKSUM TABLE m.d").rows[0][1])
    }

    @Test func randomlyDistributedSumTablesFoldAcrossTablets() throws {
        let t = try Self.cluster()
        try t.sql("""
            CREATE TABLE r (k INT, n BIGINT SUM) AGGREGATE KEY(k) DISTRIBUTED BY RANDOM BUCKETS 4 PROPERTIES ("replication_num" = "1")
            """)
        for _ in 0..<5 { try t.sql("INSERT INTO r VALUES (1, 1), (2, 10)") }
        #expect(try t.sql("SELECT * FROM r ORDER BY k").rows == [["1", "5"], ["2", "50"]])
    }

    @Test func keysAreInferredFromTheFirstAggregatedColumn() throws {
        let t = try Self.cluster()
        try t.sql("CREATE TABLE i (a INT, b INT, c BIGINT SUM) DISTRIBUTED BY HASH(a) PROPERTIES ('replication_num' = '1')")
        let ddl = try #require(try t.sql("SHOW CREATE TABLE i").rows[0][1])
        #expect(ddl.contains("AGGREGATE KEY(`a`, `b`)"))
        #expect(ddl.contains("`c` BIGINT SUM NULL"))
    }

    @Test func showCreateTableRoundTrips() throws {
        let t = try Self.cluster()
        try t.sql(Self.aggregateTable)
        let ddl = try #require(try t.sql("SHOW CREATE TABLE agg").rows[0][1])
        #expect(ddl.contains("AGGREGATE KEY(`k`, `g`)"))
        #expect(ddl.contains("`s` BIGINT SUM NULL DEFAULT \"0\""))
        #expect(ddl.contains("`rn` VARCHAR(8) REPLACE_IF_NOT_NULL NULL"))
        try t.sql("DROP TABLE agg")
        try t.sql(ddl)
        #expect(try t.sql("SHOW CREATE TABLE agg").rows[0][1] == ddl)
        try t.sql("CREATE TABLE u (id INT, v INT) UNIQUE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ('replication_num' = '1')")
        let unique = try #require(try t.sql("SHOW CREATE TABLE u").rows[0][1])
        #expect(unique.contains("UNIQUE KEY(`id`)"))
        #expect(unique.contains("`v` INT NULL"))
        try t.sql("DROP TABLE u")
        try t.sql(unique)
        #expect(try t.sql("SHOW CREATE TABLE u").rows[0][1] == unique)
    }

    @Test func modelsSurviveARestart() throws {
        let t = try Self.cluster()
        try t.sql(Self.aggregateTable)
        try t.sql("INSERT INTO agg VALUES (1, 'a', 1, 1, 1, 'a', 'a')")
        try t.sql("INSERT INTO agg VALUES (1, 'a', 2, 2, 2, 'b', NULL)")
        try t.reopen()
        try t.sql("USE m")
        #expect(try t.sql("SELECT * FROM agg").rows == [["1", "a", "3", "2", "1", "b", "a"]])
    }
}
