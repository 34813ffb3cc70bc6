import Engine
import Foundation
import Testing

/// BACKUP and RESTORE keep a table's model: the restored table folds its rows the same way,
/// also for loads made after the restore.
@Suite struct DataModelBackupTests {
    static let loads = [
        "INSERT INTO agg VALUES (1, 10, 1, 'a', 'a'), (2, 5, 5, 'b', NULL)",
        "INSERT INTO agg VALUES (1, 5, 3, NULL, NULL), (3, 1, 1, 'c', 'c')",
    ]
    static let later = "INSERT INTO agg VALUES (1, 1, 9, 'late', 'late'), (2, NULL, 2, NULL, 'b2')"

    @Test func restoredTablesKeepMergingLaterLoads() throws {
        let t = try TestCluster(backends: 2)
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.sql("CREATE DATABASE shop; USE shop")
        try t.sql("""
            CREATE TABLE agg (k INT NOT NULL, s BIGINT SUM, hi INT MAX, r VARCHAR(8) REPLACE, rn VARCHAR(8) REPLACE_IF_NOT_NULL)
            AGGREGATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 3 PROPERTIES ("replication_num" = "1")
            """)
        try t.sql("CREATE TABLE u (id INT, v VARCHAR(8)) UNIQUE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ('replication_num' = '1')")
        for load in Self.loads { try t.sql(load) }
        try t.sql("INSERT INTO u VALUES (1, 'old'), (2, 'two')")
        try t.sql("CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(t.repositoryPath)'")
        try t.sql("BACKUP SNAPSHOT shop.snap TO repo")
        #expect(try t.waitForBackup("snap"))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'").rows.first?[1] ?? nil)
        try t.sql("CREATE DATABASE copy")
        try t.sql("RESTORE SNAPSHOT copy.snap FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '1')")
        #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM copy").rows.last?[4] == "FINISHED" })
        #expect(try t.sql("SHOW CREATE TABLE copy.agg").rows[0][1] == t.sql("SHOW CREATE TABLE shop.agg").rows[0][1])

        for database in ["shop", "copy"] {
            try t.sql("USE \(database)")
            try t.sql(Self.later)
            try t.sql("INSERT INTO u VALUES (1, 'new')")
        }
        let expected: [[String?]] = [["1", "16", "9", "late", "late"], ["2", "5", "5", nil, "b2"], ["3", "1", "1", "c", "c"]]
        for database in ["shop", "copy"] {
            #expect(try t.sql("SELECT * FROM \(database).agg ORDER BY k").rows == expected, "\(database)")
            #expect(try t.sql("SELECT * FROM \(database).u ORDER BY id").rows == [["1", "new"], ["2", "two"]], "\(database)")
            #expect(try t.scalar("SELECT COUNT(*) FROM \(database).agg") == "3", "\(database)")
        }
        #expect(try t.sql("CHECKSUM TABLE copy.agg").rows[0][1] == t.sql("CHECKSUM TABLE shop.agg").rows[0][1])
    }

    @Test func restoringOverATableOfAnotherAggregationFails() throws {
        let t = try TestCluster(backends: 1)
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.sql("CREATE DATABASE shop; USE shop")
        try t.sql("CREATE TABLE agg (k INT, v BIGINT SUM) AGGREGATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num' = '1')")
        try t.sql("INSERT INTO agg VALUES (1, 1)")
        try t.sql("CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(t.repositoryPath)'")
        try t.sql("BACKUP SNAPSHOT shop.snap TO repo")
        #expect(try t.waitForBackup("snap"))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'").rows.first?[1] ?? nil)
        try t.sql("CREATE DATABASE other; USE other")
        try t.sql("CREATE TABLE agg (k INT, v BIGINT MAX) AGGREGATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num' = '1')")
        let error = t.error("RESTORE SNAPSHOT other.snap FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '1')")
        #expect(error?.message.contains("column 'v' is BIGINT MAX here and 'v' is BIGINT SUM in the snapshot") == true)
    }
}
