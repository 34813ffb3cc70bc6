import Engine
import Foundation
import Testing

/// The new column types and partition forms go through BACKUP and RESTORE unchanged.
@Suite struct NewTypesBackupTests {
    @Test func everyNewTypeRoundTripsThroughBackupAndRestore() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.sql("CREATE DATABASE shop; USE shop")
        try t.sql("""
            CREATE TABLE typed (
              id LARGEINT NOT NULL, d DATEV2 NOT NULL, amount DECIMAL(27, 9), wide DECIMALV3(38, 10),
              narrow DECIMAL(18, 2), at DATETIME(6), at3 DATETIMEV2(3), at0 DATETIMEV2)
            PARTITION BY RANGE(d) (FROM ("2026-01-01") TO ("2026-04-01") INTERVAL 1 MONTH)
            DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ("replication_allocation" = "tag.location.default: 2")
            """)
        try t.sql("""
            INSERT INTO typed VALUES
              (170141183460469231731687303715884105727, '2026-01-31', '123456789012345678.123456789',
               '9999999999999999999999999999.9999999999', '9999999999999999.99', '2026-01-31 23:59:59.999999',
               '2026-01-31 23:59:59.999', '2026-01-31 23:59:59'),
              (-170141183460469231731687303715884105728, '2026-02-29' , '-0.000000001', '-0.0000000001', '-0.01',
               '2026-03-01 00:00:00.000001', '2026-03-01 00:00:00.001', '2026-03-01 00:00:00'),
              (0, '2026-03-15', NULL, NULL, NULL, NULL, NULL, NULL)
            """.replacingOccurrences(of: "2026-02-29", with: "2026-02-28"))
        try t.sql("CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(t.repositoryPath)'")
        let before = try t.sql("CHECKSUM TABLE shop.typed").rows[0][1]
        let rowsBefore = try t.sql("SELECT * FROM typed ORDER BY id").rows
        try t.sql("BACKUP SNAPSHOT shop.snap TO repo")
        #expect(try t.waitForBackup("snap"))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'").rows.first?[1] ?? nil)
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (typed AS typed_copy) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')")
        #expect(try t.waitUntil {
            try t.sql("SHOW RESTORE FROM shop WHERE LABEL = 'snap'").rows.last?[4] == "FINISHED"
        })
        #expect(try t.sql("CHECKSUM TABLE shop.typed_copy").rows[0][1] == before)
        #expect(try t.sql("SELECT * FROM typed_copy ORDER BY id").rows == rowsBefore)
        #expect(try t.sql("DESC typed_copy").rows.map { $0[1] } == [
            "LARGEINT", "DATE", "DECIMAL(27, 9)", "DECIMAL(38, 10)", "DECIMAL(18, 2)", "DATETIME(6)", "DATETIME(3)", "DATETIME",
        ])
        #expect(try t.sql("SHOW PARTITIONS FROM typed_copy").rows.compactMap { $0[1] } == ["p_202601", "p_202602", "p_202603"])
        #expect(rowsBefore[0] == [
            "-170141183460469231731687303715884105728", "2026-02-28", "-0.000000001", "-0.0000000001", "-0.01",
            "2026-03-01 00:00:00.000001", "2026-03-01 00:00:00.001", "2026-03-01 00:00:00",
        ])
        // The restored copy survives a restart (its catalog records and segments read back).
        try t.reopen()
        #expect(try t.sql("CHECKSUM TABLE shop.typed_copy").rows[0][1] == before)
    }
}

/// LIST partitions over several columns: value counts, conflicts and routing by every column.
@Suite struct ListPartitionTests {
    static let table = """
        CREATE TABLE l (a INT NOT NULL, b VARCHAR(10) NOT NULL, v INT)
        PARTITION BY LIST(a, b) (
          PARTITION p1 VALUES IN (("1", "x"), ("1", "y")),
          PARTITION p2 VALUES IN (("2", "x")))
        DISTRIBUTED BY HASH(v) BUCKETS 1 PROPERTIES ('replication_num' = '1')
        """

    @Test func rowsRouteByEveryPartitionColumn() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db; " + Self.table)
        try t.sql("INSERT INTO l VALUES (1, 'x', 1), (1, 'y', 2), (2, 'x', 3)")
        #expect(try t.scalar("SELECT COUNT(*) FROM l PARTITION (p1)") == "2")
        #expect(try t.scalar("SELECT COUNT(*) FROM l PARTITION (p2)") == "1")
        let error = t.error("INSERT INTO l VALUES (2, 'x', 4), (2, 'y', 5)")
        #expect(error?.message == "Table has no partition for value 2, y at row 2")
        #expect(try t.scalar("SELECT COUNT(*) FROM l") == "3")
    }

    @Test func valueCountsAndConflictsAreCheckedAsDorisDoes() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        #expect(t.error("CREATE TABLE l (a INT NOT NULL, b INT NOT NULL) PARTITION BY LIST(a, b) (PARTITION p1 VALUES IN (\"1\", \"2\")) PROPERTIES ('replication_num' = '1')")?.message
            == "partition key desc list size[1] is not equal to partition column size[2]")
        #expect(t.error("CREATE TABLE l (a INT NOT NULL) PARTITION BY LIST(a) (PARTITION p1 VALUES IN ((\"1\", \"2\"))) PROPERTIES ('replication_num' = '1')")?.message
            == "partition key desc list size[2] is not equal to partition column size[1]")
        #expect(t.error("CREATE TABLE l (a INT NOT NULL) PARTITION BY LIST(a) (PARTITION p1 VALUES IN (\"100\", \"0\"), PARTITION p2 VALUES IN (\"-100\", \"0\")) PROPERTIES ('replication_num' = '1')")?.message
            == "Invalid list value format: The partition key[(\"0\")] in partition item[('-100','0')] is conflict with current partitionKeys[((\"100\"),(\"0\"))]")
        try t.sql(Self.table)
        #expect(t.error("ALTER TABLE l ADD PARTITION p3 VALUES IN ((\"3\", \"x\"), (\"1\", \"y\"))")?.message
            == "Invalid list value format: The partition key[(\"1\", \"y\")] in partition item[(('3','x'),('1','y'))] is conflict with current partitionKeys[((\"1\", \"x\"),(\"1\", \"y\"))]")
        #expect(try t.sql("SHOW PARTITIONS FROM l").rows.count == 2)
    }
}
