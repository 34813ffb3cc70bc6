import Engine
import Testing

/// `FROM ... TO ... INTERVAL` range partitions: Doris's generated names, bounds and errors,
/// and the routing of rows into them.
@Suite struct BatchPartitionTests {
    func partitionNames(_ t: TestCluster, _ table: String) throws -> [String] {
        try t.sql("SHOW PARTITIONS FROM \(table)").rows.compactMap { $0[1] }
    }

    func create(_ t: TestCluster, column: String = "DATE", _ partitions: String) throws {
        try t.sql("DROP TABLE IF EXISTS t")
        try t.sql("CREATE TABLE t (d \(column) NOT NULL, v INT) PARTITION BY RANGE(d) (\(partitions)) DISTRIBUTED BY HASH(v) BUCKETS 1 PROPERTIES ('replication_num' = '1')")
    }

    @Test func dayPartitionsAreNamedByDateAndTheLastMayRunPastTo() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        try create(t, "FROM (\"2024-02-27\") TO (\"2024-03-02\") INTERVAL 1 DAY")
        #expect(try partitionNames(t, "t") == ["p_20240227", "p_20240228", "p_20240229", "p_20240301"])
        try create(t, "FROM (\"2026-01-01\") TO (\"2026-01-10\") INTERVAL 4 DAY")
        #expect(try partitionNames(t, "t") == ["p_20260101", "p_20260105", "p_20260109"])
        // Doris does not cut the last DAY partition at TO: it holds 2026-01-09 to 2026-01-12.
        try t.sql("INSERT INTO t VALUES ('2026-01-12', 1)")
        #expect(try t.scalar("SELECT COUNT(*) FROM t PARTITION (p_20260109)") == "1")
    }

    @Test func weekPartitionsStartOnMondaysAndCountWeeksFromJanuaryFirst() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        // 2026-01-01 is a Thursday: week 1 runs to Sunday the 4th, week 2 starts Monday the 5th.
        try create(t, "FROM (\"2026-01-01\") TO (\"2026-01-20\") INTERVAL 1 WEEK")
        #expect(try partitionNames(t, "t") == ["p_2026_01", "p_2026_02", "p_2026_03", "p_2026_04"])
        try t.sql("INSERT INTO t VALUES ('2026-01-04', 1), ('2026-01-05', 2), ('2026-01-19', 3)")
        #expect(try t.scalar("SELECT COUNT(*) FROM t PARTITION (p_2026_01)") == "1")
        #expect(try t.scalar("SELECT COUNT(*) FROM t PARTITION (p_2026_02)") == "1")
        #expect(try t.scalar("SELECT COUNT(*) FROM t PARTITION (p_2026_04)") == "1")
        // The last week stops at TO: 2026-01-20 fits no partition.
        #expect(t.error("INSERT INTO t VALUES ('2026-01-20', 4)")?.code == 1526)
        // 2024 starts on a Monday and is a leap year: December 30th and 31st are week 53.
        try create(t, "FROM (\"2024-12-23\") TO (\"2025-01-07\") INTERVAL 1 WEEK")
        #expect(try partitionNames(t, "t") == ["p_2024_52", "p_2024_53", "p_2025_02"])
    }

    @Test func monthAndYearPartitionsAlignToTheirFirstDayAndStopAtTo() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        try create(t, "FROM (\"2024-01-15\") TO (\"2024-04-10\") INTERVAL 1 MONTH")
        #expect(try partitionNames(t, "t") == ["p_202401", "p_202402", "p_202403", "p_202404"])
        try t.sql("INSERT INTO t VALUES ('2024-02-29', 1), ('2024-01-31', 2), ('2024-04-09', 3)")
        #expect(try t.scalar("SELECT COUNT(*) FROM t PARTITION (p_202402)") == "1")
        #expect(try t.scalar("SELECT COUNT(*) FROM t PARTITION (p_202401)") == "1")
        #expect(t.error("INSERT INTO t VALUES ('2024-04-10', 4)")?.code == 1526)
        #expect(t.error("INSERT INTO t VALUES ('2024-01-14', 4)")?.code == 1526)
        try create(t, "FROM (\"2024-06\") TO (\"2025-03\") INTERVAL 2 MONTH")
        #expect(try partitionNames(t, "t") == ["p_202406", "p_202408", "p_202410", "p_202412", "p_202502"])
        try create(t, "FROM (\"2021\") TO (\"2026\") INTERVAL 2 YEAR")
        #expect(try partitionNames(t, "t") == ["p_2021", "p_2023", "p_2025"])
    }

    @Test func hourPartitionsOnADatetimeColumn() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        try create(t, column: "DATETIME", "FROM (\"2026-03-01 22:00:00\") TO (\"2026-03-02 01:00:00\") INTERVAL 1 HOUR")
        #expect(try partitionNames(t, "t") == ["p_2026030122", "p_2026030123", "p_2026030200"])
        try t.sql("INSERT INTO t VALUES ('2026-03-01 23:59:59', 1)")
        #expect(try t.scalar("SELECT COUNT(*) FROM t PARTITION (p_2026030123)") == "1")
    }

    @Test func numberBatchesNameBothEndsAndMixWithSinglePartitions() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        try create(t, column: "INT", "PARTITION p_low VALUES LESS THAN (1), FROM (1) TO (25) INTERVAL 10, PARTITION p_high VALUES [(25), (100))")
        #expect(try partitionNames(t, "t") == ["p_low", "p_1_11", "p_11_21", "p_21_25", "p_high"])
        try t.sql("INSERT INTO t VALUES (0, 1), (10, 2), (11, 3), (24, 4), (99, 5)")
        for (p, n) in [("p_low", "1"), ("p_1_11", "1"), ("p_11_21", "1"), ("p_21_25", "1"), ("p_high", "1")] {
            #expect(try t.scalar("SELECT COUNT(*) FROM t PARTITION (\(p))") == n)
        }
        let before = try t.scalar("SELECT COUNT(*) FROM t")
        let error = t.error("INSERT INTO t VALUES (50, 6), (100, 7)")
        #expect(error?.code == 1526)
        #expect(error?.message.contains("100") == true)
        #expect(try t.scalar("SELECT COUNT(*) FROM t") == before)
    }

    @Test(arguments: [
        ("FROM (\"2026-01-01\") TO (\"2026-02-01\") INTERVAL 0 DAY", "Multi partition time interval must be larger than zero."),
        ("FROM (\"2026-01-01\") TO (\"2026-02-01\") INTERVAL -1 DAY", "Multi partition time interval must be larger than zero."),
        ("FROM (\"2026-01-01\") TO (\"2026-02-01\") INTERVAL 1 MINUTE", "Multi build partition does not support time interval type: MINUTE"),
        ("FROM (\"2026-01-01\") TO (\"2026-02-01\") INTERVAL 1 fortnight", "Multi build partition got an unknown time interval type: fortnight"),
        ("FROM (\"2026-02-01\") TO (\"2026-01-01\") INTERVAL 1 DAY", "Multi build partition start time should less than end time."),
        ("FROM (\"2026-01-01\") TO (\"2026-01-01\") INTERVAL 1 DAY", "Multi build partition start time should less than end time."),
        ("FROM (\"2026/01/01\") TO (\"2026-02-01\") INTERVAL 1 DAY", "Multi build partition start or end time style is illegal."),
        ("FROM (\"2026-02-30\") TO (\"2026-03-01\") INTERVAL 1 DAY", "Multi build partition start or end time style is illegal."),
        ("FROM (\"2000-01-01\") TO (\"2026-01-01\") INTERVAL 1 DAY", "The number of Multi partitions too much, should not exceed:4096"),
        ("FROM (\"2026-01-01\", \"x\") TO (\"2026-02-01\") INTERVAL 1 DAY", "partition column number in multi partition clause must be one but start column size is 2, end column size is 1."),
        ("FROM (\"2026-01-01\") TO (\"2026-02-01\") INTERVAL 1", "Batch build partition INTERVAL is number type but From or TO does not type match."),
        ("FROM (\"2026-01-01\") TO (\"2026-01-03\") INTERVAL 1 DAY, PARTITION p_20260102 VALUES LESS THAN (\"2027-01-01\")", "Duplicate partition name p_20260102"),
    ])
    func badBatchesAreRefusedAndCreateNothing(_ batch: String, _ message: String) throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        let error = t.error("CREATE TABLE t (d DATE NOT NULL, v INT) PARTITION BY RANGE(d) (\(batch)) DISTRIBUTED BY HASH(v) BUCKETS 1 PROPERTIES ('replication_num' = '1')")
        #expect(error?.message == message)
        #expect(try t.sql("SHOW TABLES").rows.isEmpty)
    }

    @Test func numberBatchErrors() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        func error(_ batch: String) -> String? {
            t.error("CREATE TABLE t (a INT NOT NULL) PARTITION BY RANGE(a) (\(batch)) DISTRIBUTED BY HASH(a) BUCKETS 1 PROPERTIES ('replication_num' = '1')")?.message
        }
        #expect(error("FROM (10) TO (5) INTERVAL 1") == "Multi build partition start number should less than end number.")
        #expect(error("FROM (1) TO (5000) INTERVAL 1") == "The number of Multi partitions too much, should not exceed:4096")
        #expect(error("FROM (1) TO (5) INTERVAL 1 DAY") == "Multi build partition start or end time style is illegal.")
        #expect(error("FROM (1) TO (20) INTERVAL 10, PARTITION p VALUES LESS THAN (15)")
            == "Range [types: [INT]; keys: [11]; ..types: [INT]; keys: [15]; ) is intersected with range: [types: [INT]; keys: [11]; ..types: [INT]; keys: [20]; ) of partition p_11_20")
    }
}

/// Which columns may partition a table: in a DUPLICATE KEY table any of them, as Doris allows
/// (it refuses value columns only in AGGREGATE and merge-on-write UNIQUE tables).
@Suite struct PartitionColumnRuleTests {
    @Test func aDuplicateTableMayBePartitionedByAValueColumn() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        try t.sql("""
            CREATE TABLE events (id INT, day DATE, v INT) DUPLICATE KEY(id)
            PARTITION BY RANGE(day) (FROM ("2026-01-01") TO ("2026-01-03") INTERVAL 1 DAY)
            DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ('replication_num' = '1')
            """)
        try t.sql("INSERT INTO events VALUES (1, '2026-01-01', 10), (2, '2026-01-02', 20)")
        #expect(try t.scalar("SELECT COUNT(*) FROM events PARTITION (p_20260102)") == "1")
        try t.sql("""
            CREATE TABLE regions (id INT, region VARCHAR(8)) DUPLICATE KEY(id)
            PARTITION BY LIST(region) (PARTITION eu VALUES IN ("eu"), PARTITION us VALUES IN ("us"))
            DISTRIBUTED BY HASH(id) BUCKETS 1 PROPERTIES ('replication_num' = '1')
            """)
        try t.sql("INSERT INTO regions VALUES (1, 'us')")
        #expect(try t.scalar("SELECT COUNT(*) FROM regions PARTITION (us)") == "1")
    }
}
