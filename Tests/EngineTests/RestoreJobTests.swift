import Engine
import Foundation
import Testing

@Suite struct RestoreJobTests {
    /// Backs up `shop` and returns (label timestamp, checksums of orders and items at that time).
    func backedUp(_ t: TestCluster, label: String = "snap") throws -> (String, [String?]) {
        try t.sql("BACKUP SNAPSHOT shop.\(label) TO repo")
        #expect(try t.waitForBackup(label))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = '\(label)'").rows.first?[1] ?? nil)
        let sums = try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] }
        return (timestamp, sums)
    }

    func waitForRestore(_ t: TestCluster, _ db: String, _ label: String, state: String = "FINISHED") throws -> Bool {
        try t.waitUntil {
            let show = try t.sql("SHOW RESTORE FROM \(db) WHERE LABEL = '\(label)'")
            return show.rows.last?[4] == state
        }
    }

    func restoreStatus(_ t: TestCluster, _ db: String, _ label: String) throws -> String? {
        let show = try t.sql("SHOW RESTORE FROM \(db) WHERE LABEL = '\(label)'")
        return show.rows.last?[19] ?? nil
    }

    @Test func migrationToAnotherClusterKeepsTheData() throws {
        let source = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: source.repositoryPath) }
        try source.makeBackupFixture()
        let (ts, sums) = try backedUp(source)
        let target = try TestCluster(backends: 2)
        try target.sql("CREATE DATABASE copy; CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(source.repositoryPath)'")
        #expect(try target.sql("SHOW SNAPSHOT ON repo").rows.first?[0] == "snap")
        try target.sql("RESTORE SNAPSHOT copy.snap FROM repo PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')")
        #expect(try waitForRestore(target, "copy", "snap"))
        #expect(try target.sql("CHECKSUM TABLE copy.orders, copy.items").rows.map { $0[1] } == sums)
        #expect(try target.scalar("SELECT COUNT(*) FROM copy.orders") == "4")
        let show = try target.sql("SHOW RESTORE FROM copy")
        #expect(show.columns == [
            "JobId", "Label", "Timestamp", "DbName", "State", "AllowLoad", "ReplicationNum", "ReplicaAllocation", "ReserveReplica",
            "ReserveDynamicPartitionEnable", "RestoreObjs", "CreateTime", "MetaPreparedTime", "SnapshotFinishedTime",
            "DownloadFinishedTime", "FinishedTime", "UnfinishedTasks", "Progress", "TaskErrMsg", "Status", "Timeout",
        ])
        #expect(Array(show.rows[0][5...9]) == ["false", "2", "tag.location.default: 2", "false", "false"])
        #expect(try target.sql("SHOW BRIEF RESTORE FROM copy").columns == [
            "JobId", "Label", "Timestamp", "DbName", "State", "AllowLoad", "ReplicationNum", "ReplicaAllocation", "ReserveReplica",
            "ReserveDynamicPartitionEnable", "CreateTime", "MetaPreparedTime", "SnapshotFinishedTime", "DownloadFinishedTime",
            "FinishedTime", "UnfinishedTasks", "Status", "Timeout",
        ])
        let full = try target.sql("SHOW FULL RESTORE FROM copy")
        let cells = Dictionary(uniqueKeysWithValues: zip(full.columns, full.rows[0]))
        #expect(cells["BytesDone"] == cells["BytesTotal"])
        #expect(Int(cells["BytesTotal"]!! ) ?? 0 > 0)
        #expect(cells["FilesDone"] == cells["FilesTotal"])
    }

    @Test func partitionsRenamesExcludeAndOverwrite() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        let (ts, sums) = try backedUp(t)
        // AS rename of one table.
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS orders_copy) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')")
        #expect(try waitForRestore(t, "shop", "snap"))
        #expect(try t.sql("CHECKSUM TABLE shop.orders_copy").rows[0][1] == sums[0])
        // Some partitions into an empty database.
        try t.sql("CREATE DATABASE part")
        try t.sql("RESTORE SNAPSHOT part.snap FROM repo ON (orders PARTITION (p1)) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')")
        #expect(try waitForRestore(t, "part", "snap"))
        #expect(try t.scalar("SELECT COUNT(*) FROM part.orders") == "2")
        #expect(try t.sql("SHOW PARTITIONS FROM part.orders").rows.map { $0[1] } == ["p1"])
        // EXCLUDE.
        try t.sql("CREATE DATABASE ex")
        try t.sql("RESTORE SNAPSHOT ex.snap FROM repo EXCLUDE (orders) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '1')")
        #expect(try waitForRestore(t, "ex", "snap"))
        #expect(try t.sql("SHOW TABLES FROM ex").rows == [["items"]])
        // Over existing data: the restore says what it replaces, and puts back the backed-up rows.
        try t.sql("INSERT INTO shop.orders VALUES (99, '2025-01-02', 'later'); TRUNCATE TABLE shop.items")
        #expect(t.error("RESTORE SNAPSHOT shop.snap FROM repo ON (items) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')")?.message
            == "Partition items in table items has different replication num '1' with partition in repository, which is 2")
        let result = try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')")
        #expect(result.info == "This restore overwrites existing partitions: orders (p1, p2)")
        #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM shop").rows.last?[4] == "FINISHED" })
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (items) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '1')")
        #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM shop").rows.last?[4] == "FINISHED" })
        #expect(try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] } == sums)
    }

    @Test func submissionFailsEarlyWithReadableReasons() throws {
        let t = try TestCluster(backends: 2)
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        let (ts, _) = try backedUp(t)
        func message(_ sql: String) -> String? { t.error(sql)?.message }
        let prop = "PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')"
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo") == "Missing backup_timestamp property")
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo PROPERTIES ('backup_timestamp' = '2020-01-01-00-00-00')")?.hasPrefix("Failed to get info of snapshot 'snap' because: ") == true)
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo ON (nope) \(prop)") == "Table nope does not exist in snapshot snap")
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo ON (orders PARTITION (p7)) \(prop)") == "Partition p7 of table orders does not exist in snapshot")
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo EXCLUDE (orders AS x) \(prop)") == "The table alias in exclude clause does not make sense")
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS a, items AS a) \(prop)") == "Duplicated alias name: a")
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo PROPERTIES ('backup_timestamp' = '\(ts)', 'allow_load' = 'maybe')") == "Invalid boolean property allow_load value: maybe")
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo PROPERTIES ('backup_timestamp' = '\(ts)', 'colour' = 'x')") == "Unknown restore job properties: [colour]")
        // Default replication_num is 3 and this cluster has 2 backends: Doris only finds out late.
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS fresh) PROPERTIES ('backup_timestamp' = '\(ts)')")
            == "replication num should be less than the number of available backends. replication num is 3, available backend num is 2")
        try t.sql("CREATE TABLE shop.other (id BIGINT NOT NULL, d DATE NOT NULL, note VARCHAR(20)) DUPLICATE KEY(id, d) DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ('replication_num'='2')")
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS other) \(prop)") == "Table's partition type is different")
        try t.sql("""
            CREATE TABLE shop.wide (id BIGINT NOT NULL, d DATE NOT NULL, note VARCHAR(20)) DUPLICATE KEY(id, d)
            PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN ("2025-02-01")) DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ('replication_num'='2')
            """)
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS wide) \(prop)")
            == "Table wide already exist but with different schema: column 'id' is BIGINT NOT NULL KEY here and 'id' is INT NOT NULL KEY in the snapshot")
        try t.sql("""
            CREATE TABLE shop.shifted (id INT NOT NULL, d DATE NOT NULL, note VARCHAR(20)) DUPLICATE KEY(id, d)
            PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN ("2025-01-15")) DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ('replication_num'='2')
            """)
        #expect(message("RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS shifted) \(prop)")?.hasPrefix("Partition p1 in table shifted has different partition item with partition in repository: ") == true)
        try t.sql("CREATE USER ops; GRANT LOAD_PRIV ON shop.* TO ops")
        t.session = Session(user: "ops", database: "shop")
        #expect(t.error("RESTORE SNAPSHOT shop.snap FROM repo \(prop)")?.code == 1227)
    }

    @Test func restoredTablesHaveDynamicPartitioningOff() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.sql("CREATE DATABASE tel; CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(t.repositoryPath)'")
        try t.sql("""
            CREATE TABLE tel.ev (ts DATETIME NOT NULL, v INT) PARTITION BY RANGE(ts) () DISTRIBUTED BY HASH(v) BUCKETS 2
            PROPERTIES ("dynamic_partition.enable"="true", "dynamic_partition.end"="1", "dynamic_partition.start"="-3")
            """)
        try t.sql("BACKUP SNAPSHOT tel.dyn TO repo")
        let row = try t.waitUntil { try t.sql("SHOW BACKUP FROM tel").rows.last?[3] == "FINISHED" }
        #expect(row)
        let ts = try #require(try t.sql("SHOW SNAPSHOT ON repo").rows.first?[1] ?? nil)
        try t.sql("RESTORE SNAPSHOT tel.dyn FROM repo ON (ev AS ev_off) PROPERTIES ('backup_timestamp' = '\(ts)')")
        #expect(try waitForRestore(t, "tel", "dyn"))
        try t.sql("RESTORE SNAPSHOT tel.dyn FROM repo ON (ev AS ev_on) PROPERTIES ('backup_timestamp' = '\(ts)', 'reserve_dynamic_partition_enable' = 'true')")
        #expect(try t.waitUntil { try t.sql("SHOW TABLES FROM tel").rows.count == 3 })
        #expect(try t.sql("SHOW CREATE TABLE tel.ev_off").rows[0][1]?.contains("\"dynamic_partition.enable\" = \"false\"") == true)
        #expect(try t.sql("SHOW CREATE TABLE tel.ev_on").rows[0][1]?.contains("\"dynamic_partition.enable\" = \"true\"") == true)
    }

    @Test func cancelLeavesPreviousDataAndRemovesNewObjects() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        let (ts, _) = try backedUp(t)
        try t.sql("INSERT INTO shop.orders VALUES (50, '2025-01-03', 'after')")
        let before = try t.sql("CHECKSUM TABLE shop.orders")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'COMMITTING')")
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders, items AS items_new) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')")
        #expect(try waitForRestore(t, "shop", "snap", state: "COMMITTING"))
        #expect(try t.sql("SHOW TABLES FROM shop").rows.allSatisfy { $0[0] != "items_new" })
        #expect(try t.sql("CHECKSUM TABLE shop.orders") == before)
        try t.sql("CANCEL RESTORE FROM shop")
        #expect(try restoreStatus(t, "shop", "snap") == "[COMMON_ERROR, msg: user cancelled, current state: COMMITTING]")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.sql("CHECKSUM TABLE shop.orders") == before)
        #expect(t.error("SELECT COUNT(*) FROM shop.items_new")?.code == 1146)
        try t.sql("CREATE TABLE shop.items_new (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1")
    }

    @Test func damagedSnapshotsAreCaughtByCheckAndByRestore() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        let (ts, _) = try backedUp(t)
        let healthy = try t.sql("ADMIN CHECK SNAPSHOT snap ON repo")
        #expect(healthy.rows.last?[3] == "OK")
        let segments = t.repositoryFiles().filter { $0.contains("__ss_snap/") && $0.contains(".dat.") }
        #expect(segments.count >= 3)
        let flipped = t.repositoryPath + "/" + segments[0]
        var bytes = try Data(contentsOf: URL(fileURLWithPath: flipped))
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: flipped))
        let truncated = t.repositoryPath + "/" + segments[1]
        let cut = try Data(contentsOf: URL(fileURLWithPath: truncated)).prefix(5)
        try cut.write(to: URL(fileURLWithPath: truncated))
        try FileManager.default.removeItem(atPath: t.repositoryPath + "/" + segments[2])
        let check = try t.sql("ADMIN CHECK SNAPSHOT snap ON repo TIMESTAMP '\(ts)'")
        #expect(check.columns == ["Snapshot", "Timestamp", "File", "Status", "Detail"])
        let statuses = Dictionary(uniqueKeysWithValues: check.rows.compactMap { row in row[2].map { ($0, row[3] ?? "") } })
        #expect(statuses[segments[0]] == "CORRUPT")
        #expect(statuses[segments[1]] == "CORRUPT")
        #expect(statuses[segments[2]] == "MISSING")
        #expect(check.rows.last?[3] == "DAMAGED")
        #expect(check.rows.last?[4]?.hasSuffix("3 problems") == true)
        // RESTORE fails before COMMIT and names a damaged file; the table keeps its data.
        let before = try t.sql("CHECKSUM TABLE shop.orders, shop.items")
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2', 'reserve_replica' = 'true')")
        #expect(try waitForRestore(t, "shop", "snap", state: "CANCELLED"))
        let status = try #require(try restoreStatus(t, "shop", "snap"))
        #expect(segments.contains { status.contains($0) }, "\(status)")
        #expect(try t.sql("CHECKSUM TABLE shop.orders, shop.items") == before)
    }

    @Test func dropSnapshotRemovesTheCommitMarkerFirst() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        _ = try backedUp(t, label: "old")
        _ = try backedUp(t, label: "keep")
        #expect(t.error("DROP SNAPSHOT nope ON repo")?.message == "Snapshot nope does not exist in repository repo")
        let dropped = try t.sql("DROP SNAPSHOT old ON repo")
        #expect(dropped.info?.hasPrefix("Removed ") == true)
        #expect(try t.sql("SHOW SNAPSHOT ON repo").rows.map { $0[0] } == ["keep"])
        #expect(!t.repositoryFiles().contains { $0.contains("__ss_old") })
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'UPLOADING')")
        try t.sql("BACKUP SNAPSHOT shop.busy TO repo")
        #expect(try t.waitForBackup("busy", state: "UPLOADING"))
        #expect(t.error("DROP SNAPSHOT busy ON repo")?.message == "Snapshot busy is used by a running backup or restore job; cancel it first")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
    }

    @Test func readsSnapshotsWrittenByDoris() throws {
        let t = try TestCluster()
        var fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        fixture.appendPathComponent("RepositoryTests/Fixtures/doris-repo")
        let copy = t.path + "-doris"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: fixture.path, toPath: copy)
        try t.sql("CREATE READ ONLY REPOSITORY doris_repo WITH BROKER hdfs_broker ON LOCATION 'file://\(copy)'")
        let list = try t.sql("SHOW SNAPSHOT ON doris_repo")
        let byLabel = Dictionary(uniqueKeysWithValues: list.rows.map { ($0[0]!, $0) })
        #expect(byLabel["snap1"]?[1] == "2022-04-08-15-52-29")
        #expect(byLabel["snap1"]?[2] == "OK")
        #expect(byLabel["broken"]?[2] == "ERROR: No info file found")
        let detail = try t.sql("SHOW SNAPSHOT ON doris_repo WHERE SNAPSHOT = 'snap1' AND TIMESTAMP = '2022-04-08-15-52-29'")
        #expect(detail.rows.first?[4] == "OK")
        #expect(detail.rows.first?[3]?.contains("\"olap_table_list\"") == true)
    }
}
