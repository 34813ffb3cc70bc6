import Engine
import Foundation
import Testing

/// The newer RESTORE properties: clean_tables, clean_partitions, atomic_restore with
/// force_replace, reserve_colocate, and how SHOW FULL RESTORE shows them.
@Suite struct RestorePropertiesTests {
    /// `shop` backed up as `snap`; returns its timestamp and the checksums of orders and items.
    func backedUp(_ t: TestCluster) throws -> (String, [String?]) {
        try t.makeBackupFixture()
        try t.sql("BACKUP SNAPSHOT shop.snap TO repo")
        #expect(try t.waitForBackup("snap"))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'").rows.first?[1] ?? nil)
        return (timestamp, try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] })
    }

    func restoreRow(_ t: TestCluster, full: Bool = false) throws -> [String: String?] {
        let show = try t.sql("SHOW \(full ? "FULL " : "")RESTORE FROM shop")
        guard let row = show.rows.last else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(show.columns, row))
    }

    func waitForRestore(_ t: TestCluster, state: String = "FINISHED") throws -> Bool {
        try t.waitUntil { try restoreRow(t)["State"] == state }
    }

    func tables(_ t: TestCluster) throws -> [String] {
        try t.sql("SHOW TABLES FROM shop").rows.compactMap { $0[0] }.sorted()
    }

    func partitions(_ t: TestCluster, _ table: String) throws -> [String] {
        try t.sql("SHOW PARTITIONS FROM shop.\(table)").rows.compactMap { $0[1] }
    }

    @Test func cleanTablesDropsExactlyTheTablesTheSnapshotLacksAtCommit() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        let (ts, sums) = try backedUp(t)
        try t.sql("CREATE TABLE shop.extra (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num'='1')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'COMMITTING')")
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders, items AS spare) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2', 'clean_tables' = 'true')")
        #expect(try waitForRestore(t, state: "COMMITTING"))
        #expect(try tables(t) == ["extra", "items", "orders"], "nothing is dropped before the commit")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try waitForRestore(t))
        // `spare` is kept because the restore writes it (the alias); `items` (which the snapshot
        // holds but this restore does not write) and `extra` go.
        #expect(try tables(t) == ["orders", "spare"])
        #expect(try t.sql("CHECKSUM TABLE shop.orders").rows[0][1] == sums[0])
        #expect(t.error("SELECT COUNT(*) FROM shop.extra")?.code == 1146)
    }

    @Test func aCancelledRestoreCleansNothing() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        let (ts, _) = try backedUp(t)
        try t.sql("CREATE TABLE shop.extra (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num'='1')")
        try t.sql("ALTER TABLE shop.orders ADD PARTITION p3 VALUES LESS THAN ('2025-04-01')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'COMMITTING')")
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2', 'clean_tables' = 'true', 'clean_partitions' = 'true')")
        #expect(try waitForRestore(t, state: "COMMITTING"))
        try t.sql("CANCEL RESTORE FROM shop")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try restoreRow(t)["State"] == "CANCELLED")
        #expect(try tables(t) == ["extra", "items", "orders"])
        #expect(try partitions(t, "orders") == ["p1", "p2", "p3"])
    }

    @Test func cleanPartitionsDropsThePartitionsTheSnapshotLacks() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        let (ts, sums) = try backedUp(t)
        try t.sql("ALTER TABLE shop.orders ADD PARTITION p3 VALUES LESS THAN ('2025-04-01')")
        try t.sql("INSERT INTO shop.orders VALUES (7, '2025-03-07', 'march')")
        try t.sql("CREATE TABLE shop.extra (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num'='1')")
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2', 'clean_partitions' = 'true')")
        #expect(try waitForRestore(t))
        #expect(try partitions(t, "orders") == ["p1", "p2"])
        #expect(try t.sql("CHECKSUM TABLE shop.orders").rows[0][1] == sums[0])
        #expect(try tables(t) == ["extra", "items", "orders"], "clean_partitions alone drops no table")
    }

    @Test func forceReplaceRebuildsATableOfAnotherSchemaOnlyWithAtomicRestore() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        let (ts, sums) = try backedUp(t)
        try t.sql("""
            CREATE TABLE shop.wide (id BIGINT NOT NULL, d DATE NOT NULL, note VARCHAR(20)) DUPLICATE KEY(id, d)
            PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN ("2025-02-01")) DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ('replication_num'='2')
            """)
        try t.sql("INSERT INTO shop.wide VALUES (100, '2025-01-01', 'old')")
        let refusal = "Table wide already exist but with different schema: column 'id' is BIGINT NOT NULL KEY here and 'id' is INT NOT NULL KEY in the snapshot"
        let base = "RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS wide) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2'"
        #expect(t.error(base + ")")?.message == refusal)
        #expect(t.error(base + ", 'atomic_restore' = 'true')")?.message == refusal)
        // Doris keeps force_replace only with atomic_restore; alone it changes nothing.
        #expect(t.error(base + ", 'force_replace' = 'true')")?.message == refusal)
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'COMMITTING')")
        let submitted = try t.sql(base + ", 'atomic_restore' = 'true', 'force_replace' = 'true')")
        #expect(submitted.info == "It replaces tables of another schema: wide")
        #expect(try waitForRestore(t, state: "COMMITTING"))
        #expect(try t.scalar("SELECT COUNT(*) FROM shop.wide") == "1", "the old table serves reads until the commit")
        #expect(try tables(t) == ["items", "orders", "wide"])
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try waitForRestore(t))
        #expect(try t.sql("CHECKSUM TABLE shop.wide").rows[0][1] == sums[0])
        #expect(try partitions(t, "wide") == ["p1", "p2"])
        #expect(try t.sql("SHOW CREATE TABLE shop.wide").rows[0][1]?.contains("`id` INT NOT NULL") == true)
        #expect(try tables(t) == ["items", "orders", "wide"])
        let properties = try #require(try restoreRow(t, full: true)["Properties"] ?? nil)
        #expect(properties.contains("\"atomic_restore\" = \"true\"") && properties.contains("\"force_replace\" = \"true\""))
    }

    @Test func propertiesAreCheckedAndShownBack() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        let (ts, _) = try backedUp(t)
        let base = "RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS o2) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2'"
        for key in ["atomic_restore", "force_replace", "clean_tables", "clean_partitions", "reserve_replica", "reserve_colocate"] {
            #expect(t.error(base + ", '\(key)' = 'yes')")?.message == "Invalid boolean property \(key) value: yes")
        }
        #expect(try tables(t) == ["items", "orders"], "a refused RESTORE changes nothing")
        try t.sql(base + ", 'force_replace' = 'TRUE', 'reserve_colocate' = 'true', 'clean_partitions' = 'False')")
        #expect(try waitForRestore(t))
        let row = try restoreRow(t, full: true)
        #expect(row["ReplicaAllocation"] == "tag.location.default: 2")
        #expect(row["ReserveReplica"] == "false" && row["ReserveDynamicPartitionEnable"] == "false")
        #expect(row["Properties"] == """
            "allow_load" = "false", "atomic_restore" = "false", "clean_partitions" = "false", "clean_tables" = "false", \
            "force_replace" = "false", "reserve_colocate" = "true", "reserve_dynamic_partition_enable" = "false", "reserve_replica" = "false"
            """)
    }

    @Test func replicationAllocationFollowsCreateTablesRules() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        let (ts, _) = try backedUp(t)
        let base = "RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS o2) PROPERTIES ('backup_timestamp' = '\(ts)', "
        #expect(t.error(base + "'replication_allocation' = '2')")?.message == "Invalid replication allocation property: 2")
        #expect(t.error(base + "'replication_allocation' = 'zone.x: 2')")?.message == "Invalid replication allocation tag property: zone.x:2")
        #expect(t.error(base + "'replication_allocation' = 'tag.location.default: 0')") != nil)
        #expect(try tables(t) == ["items", "orders"], "a refused RESTORE changes nothing")
        try t.sql(base + "'replication_allocation' = 'tag.location.default: 2')")
        #expect(try waitForRestore(t))
        #expect(try restoreRow(t)["ReplicaAllocation"] == "tag.location.default: 2")
    }

    /// The commit of a clean_tables restore cannot be journalled (as when the process dies in
    /// it): nothing is dropped, and the next process finishes the commit, drops included.
    @Test func anInterruptedCommitDropsAllOrNothing() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        let (ts, sums) = try backedUp(t)
        try t.sql("CREATE TABLE shop.extra (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num'='1')")
        try t.sql("ALTER TABLE shop.orders ADD PARTITION p3 VALUES LESS THAN ('2025-04-01')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'COMMITTING')")
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2', 'clean_tables' = 'true', 'clean_partitions' = 'true')")
        #expect(try waitForRestore(t, state: "COMMITTING"))
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_journal_write_fail' = 'ALL')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try waitForRestore(t, state: "CANCELLED"))
        #expect(try tables(t) == ["extra", "items", "orders"])
        #expect(try partitions(t, "orders") == ["p1", "p2", "p3"])
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_journal_write_fail' = '')")
        try t.reopen()
        #expect(try waitForRestore(t))
        #expect(try tables(t) == ["orders"])
        #expect(try partitions(t, "orders") == ["p1", "p2"])
        #expect(try t.sql("CHECKSUM TABLE shop.orders").rows[0][1] == sums[0])
    }
}
