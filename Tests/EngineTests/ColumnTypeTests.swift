import Engine
import Testing

/// DECIMAL up to 38 digits, LARGEINT and DATETIME(p): exact storage, printing, comparison and
/// Doris's limits.
@Suite struct ColumnTypeTests {
    static let maxDecimal38 = "99999999999999999999999999999.999999999"

    @Test func decimal27And38KeepEveryDigit() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        try t.sql("CREATE TABLE m (id INT, a DECIMAL(27, 9), b DECIMALV3(38, 0), c DECIMAL(38, 38), e DECIMAL(38, 9)) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ('replication_num' = '1')")
        try t.sql("""
            INSERT INTO m VALUES
              (1, '999999999999999999.999999999', '99999999999999999999999999999999999999', '0.99999999999999999999999999999999999999', '\(Self.maxDecimal38)'),
              (2, '-999999999999999999.999999999', '-99999999999999999999999999999999999999', '-0.00000000000000000000000000000000000001', '-\(Self.maxDecimal38)'),
              (3, '0.000000001', '12345678901234567890123456789012345678', '0.1', '1.0000000005')
            """)
        let rows = try t.sql("SELECT a, b, c, e FROM m ORDER BY id").rows
        #expect(rows == [
            ["999999999999999999.999999999", "99999999999999999999999999999999999999", "0.99999999999999999999999999999999999999", Self.maxDecimal38],
            ["-999999999999999999.999999999", "-99999999999999999999999999999999999999", "-0.00000000000000000000000000000000000001", "-" + Self.maxDecimal38],
            ["0.000000001", "12345678901234567890123456789012345678", "0.10000000000000000000000000000000000000", "1.000000001"],
        ])
        // Comparisons are exact even where a double could not tell the values apart.
        #expect(try t.scalar("SELECT COUNT(*) FROM m WHERE b > '99999999999999999999999999999999999998'") == "1")
        #expect(try t.scalar("SELECT COUNT(*) FROM m WHERE a = '-999999999999999999.999999999'") == "1")
        #expect(try t.scalar("SELECT COUNT(*) FROM m WHERE a < '-999999999999999999.999999998'") == "1")
        #expect(try t.sql("SELECT id FROM m ORDER BY c").rows == [["2"], ["3"], ["1"]])
        // One digit too many is out of range, and the statement inserts nothing.
        #expect(t.error("INSERT INTO m VALUES (4, '1000000000000000000', 0, 0, 0)")?.code == 1264)
        #expect(t.error("INSERT INTO m VALUES (4, 0, '100000000000000000000000000000000000000', 0, 0)")?.code == 1264)
        #expect(try t.scalar("SELECT COUNT(*) FROM m") == "3")
    }

    @Test(arguments: [
        ("DECIMAL(39, 2)", "Column of type Decimal256 with precision 39 in not supported."),
        ("DECIMAL(77, 2)", "Precision of decimal128 must between 1 and 38. Precision was set to: 77."),
        ("DECIMAL(0, 0)", "Precision of decimal128 must between 1 and 38. Precision was set to: 0."),
        ("DECIMAL(10, 11)", "Scale of decimal must be smaller than precision. Scale is 11 and precision is 10"),
        ("DATETIME(7)", "Scale of Datetime/Time must between 0 and 6. Scale was set to: 7."),
    ])
    func typesBeyondDorisLimitsAreRefused(_ type: String, _ message: String) throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        #expect(t.error("CREATE TABLE x (id INT, v \(type)) PROPERTIES ('replication_num' = '1')")?.message == message)
        #expect(try t.sql("SHOW TABLES").rows.isEmpty)
    }

    @Test func largeintHoldsTheWhole128BitRange() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        try t.sql("CREATE TABLE l (id INT, v LARGEINT) DISTRIBUTED BY HASH(v) BUCKETS 3 PROPERTIES ('replication_num' = '1')")
        let max = "170141183460469231731687303715884105727", min = "-170141183460469231731687303715884105728"
        try t.sql("INSERT INTO l VALUES (1, '\(max)'), (2, '\(min)'), (3, 9223372036854775808), (4, NULL)")
        #expect(try t.sql("SELECT v FROM l ORDER BY v").rows == [[nil], [min], ["9223372036854775808"], [max]])
        #expect(try t.scalar("SELECT COUNT(*) FROM l WHERE v > 9223372036854775807") == "2")
        #expect(t.error("INSERT INTO l VALUES (5, '170141183460469231731687303715884105728')")?.code == 1264)
        #expect(t.error("INSERT INTO l VALUES (5, '1.5')")?.code == 1366)
        #expect(try t.sql("DESC l").rows[1][1] == "LARGEINT")
    }

    @Test func datetimeKeepsItsFractionDigits() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        try t.sql("CREATE TABLE e (id INT, a DATETIME(6), b DATETIMEV2(3), c DATETIME(0)) DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ('replication_num' = '1')")
        try t.sql("""
            INSERT INTO e VALUES (1, '2026-01-01 10:00:00.123456', '2026-01-01 10:00:00.1234', '2026-01-01 10:00:00.9'),
              (2, '2026-01-01 10:00:00', '2026-01-01 23:59:59.9996', '2026-01-01'),
              (3, '1969-12-31 23:59:59.000001', '2026-01-01 10:00:00.5', '2026-01-01 10:00:00')
            """)
        #expect(try t.sql("SELECT a, b, c FROM e ORDER BY id").rows == [
            ["2026-01-01 10:00:00.123456", "2026-01-01 10:00:00.123", "2026-01-01 10:00:00"],
            ["2026-01-01 10:00:00.000000", "2026-01-02 00:00:00.000", "2026-01-01 00:00:00"],
            ["1969-12-31 23:59:59.000001", "2026-01-01 10:00:00.500", "2026-01-01 10:00:00"],
        ])
        #expect(try t.scalar("SELECT COUNT(*) FROM e WHERE a > '2026-01-01 10:00:00.123455'") == "1")
        #expect(try t.sql("DESC e").rows.map { $0[1] } == ["INT", "DATETIME(6)", "DATETIME(3)", "DATETIME"])
        #expect(try t.sql("SHOW CREATE TABLE e").rows[0][1]?.contains("`b` DATETIME(3)") == true)
    }
}
