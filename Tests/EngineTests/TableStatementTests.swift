import Engine
import Testing

@Suite struct TableStatementTests {
    static let orders = """
        CREATE TABLE orders (id BIGINT NOT NULL, d DATE NOT NULL, amount DECIMAL(10,2), note VARCHAR(20))
        DUPLICATE KEY(id, d)
        PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN ("2025-02-01"), PARTITION p2 VALUES LESS THAN ("2025-03-01"))
        DISTRIBUTED BY HASH(id) BUCKETS 4 PROPERTIES ("replication_num" = "2")
        """

    @Test func createInsertSelectAndCount() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE shop; USE shop")
        try t.sql(Self.orders)
        let inserted = try t.sql("INSERT INTO orders VALUES (1, '2025-01-05', 10.50, 'a'), (2, '2025-02-07', 3, NULL), (3, '2025-01-31', -1.25, '上海')")
        #expect(inserted.affectedRows == 3)
        #expect(try t.scalar("SELECT COUNT(*) FROM orders") == "3")
        #expect(try t.scalar("SELECT COUNT(*) FROM orders PARTITION (p1)") == "2")
        let rows = try t.sql("SELECT id, amount, note FROM orders WHERE d >= '2025-01-06' ORDER BY id DESC")
        #expect(rows.columns == ["id", "amount", "note"])
        #expect(rows.rows == [["3", "-1.25", "上海"], ["2", "3.00", nil]])
        #expect(try t.sql("SELECT * FROM orders ORDER BY id LIMIT 1 OFFSET 1").rows.first?.first == "2")
        #expect(try t.scalar("SELECT COUNT(*) FROM orders WHERE note IS NULL") == "1")
    }

    @Test func eachLoadIsOneNewVersionOfTheTabletsItTouches() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE shop; USE shop; " + Self.orders)
        try t.sql("INSERT INTO orders VALUES (1, '2025-01-05', 1, 'a')")
        try t.sql("INSERT INTO orders VALUES (2, '2025-01-06', 1, 'b')")
        let partitions = try t.sql("SHOW PARTITIONS FROM orders")
        let versions = partitions.rows.map { $0[2] }
        #expect(versions == ["3", "1"])
        let tablets = try t.sql("SHOW TABLET FROM orders")
        // 2 partitions x 4 buckets x 2 replicas.
        #expect(tablets.rows.count == 16)
        let files = tablets.rows.compactMap { $0[6] }.compactMap(Int.init).reduce(0, +)
        #expect(files == 4)  // 2 segments, each on 2 replicas
    }

    @Test func checksumIsOrderAndLayoutIndependent() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE a; CREATE DATABASE b")
        try t.sql("CREATE TABLE a.t (k INT, v VARCHAR(10)) DISTRIBUTED BY HASH(k) BUCKETS 3 PROPERTIES ('replication_num'='1')")
        try t.sql("CREATE TABLE b.t (k INT, v VARCHAR(10)) DISTRIBUTED BY HASH(v) BUCKETS 7 PROPERTIES ('replication_num'='3')")
        try t.sql("INSERT INTO a.t VALUES (1,'x'),(2,'y'),(3,'z')")
        try t.sql("INSERT INTO b.t VALUES (3,'z')")
        try t.sql("INSERT INTO b.t VALUES (2,'y'),(1,'x')")
        let result = try t.sql("CHECKSUM TABLE a.t, b.t")
        #expect(result.columns == ["Table", "Checksum"])
        #expect(result.rows[0][1] == result.rows[1][1])
        try t.sql("INSERT INTO b.t VALUES (4, 'w')")
        let changed = try t.sql("CHECKSUM TABLE a.t, b.t")
        #expect(changed.rows[0][1] != changed.rows[1][1])
    }

    @Test func dataSurvivesARestart() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE shop; USE shop; " + Self.orders)
        try t.sql("INSERT INTO orders VALUES (1, '2025-01-05', 1, 'a'), (2, '2025-02-06', 2, 'b')")
        let before = try t.sql("CHECKSUM TABLE orders")
        try t.reopen()
        t.session.database = "shop"
        #expect(try t.sql("CHECKSUM TABLE orders") == before)
        #expect(try t.scalar("SELECT COUNT(*) FROM orders") == "2")
    }

    @Test func showCreateTableRoundTrips() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE shop; USE shop; " + Self.orders)
        let ddl = try #require(try t.sql("SHOW CREATE TABLE orders").rows.first?[1])
        #expect(ddl.contains("PARTITION BY RANGE(`d`)"))
        try t.sql("CREATE DATABASE copy; USE copy")
        try t.sql(ddl.replacingOccurrences(of: ";", with: ""))
        #expect(try t.sql("SHOW CREATE TABLE orders").rows.first?[1] == ddl)
    }

    @Test func alterTableAddsAndDropsPartitionsAndSetsProperties() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE shop; USE shop; " + Self.orders)
        try t.sql("ALTER TABLE orders ADD PARTITION p3 VALUES LESS THAN ('2025-04-01')")
        try t.sql("INSERT INTO orders VALUES (9, '2025-03-15', 1, 'x')")
        #expect(try t.scalar("SELECT COUNT(*) FROM orders PARTITION (p3)") == "1")
        try t.sql("ALTER TABLE orders DROP PARTITION p3")
        #expect(try t.scalar("SELECT COUNT(*) FROM orders") == "0")
        #expect(t.error("ALTER TABLE orders ADD PARTITION p0 VALUES [('2025-01-15'), ('2025-02-15'))")?.message.contains("intersected") == true)
        try t.sql("ALTER TABLE orders SET ('storage_medium' = 'SSD')")
        #expect(try t.sql("SHOW CREATE TABLE orders").rows[0][1]?.contains("\"storage_medium\" = \"SSD\"") == true)
    }

    @Test func truncateAndDropRemoveFiles() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE shop; USE shop; " + Self.orders)
        try t.sql("INSERT INTO orders VALUES (1, '2025-01-05', 1, 'a')")
        try t.sql("TRUNCATE TABLE orders")
        #expect(try t.scalar("SELECT COUNT(*) FROM orders") == "0")
        try t.sql("DROP TABLE orders")
        #expect(t.error("SELECT COUNT(*) FROM orders")?.code == 1146)
        try t.sql("DROP DATABASE shop")
        #expect(t.error("USE shop")?.code == 1049)
    }

    @Test func dynamicPartitionTablesGetTheirPartitions() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE tel; USE tel")
        try t.sql("""
            CREATE TABLE ev (ts DATETIME NOT NULL, v INT) PARTITION BY RANGE(ts) () DISTRIBUTED BY HASH(v) BUCKETS 2
            PROPERTIES ("dynamic_partition.enable"="true", "dynamic_partition.time_unit"="DAY", "dynamic_partition.end"="2", "dynamic_partition.start"="-3", "dynamic_partition.prefix"="p")
            """)
        #expect(try t.sql("SHOW PARTITIONS FROM ev").rows.count == 3)
        #expect(t.error("CREATE TABLE bad (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('dynamic_partition.enable'='true')") != nil)
    }
}
