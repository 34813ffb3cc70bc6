import Engine
import Foundation
import Repository
import Testing

/// BACKUP ... PROPERTIES ("type" = "incremental") through SQL: the base it picks, what it
/// uploads, what SHOW BACKUP says, restores of every link, ADMIN CHECK SNAPSHOT of a chain,
/// and the errors.
@Suite struct IncrementalBackupTests {
    /// Backs up `shop` as `label` with `properties` and returns its timestamp and the checksums
    /// of orders and items at that time.
    func backUp(_ t: TestCluster, _ label: String, _ properties: String = "") throws -> (timestamp: String, sums: [String?]) {
        try t.sql("BACKUP SNAPSHOT shop.\(label) TO repo" + (properties.isEmpty ? "" : " PROPERTIES (\(properties))"))
        #expect(try t.waitForBackup(label))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = '\(label)'").rows.first?[1] ?? nil)
        return (timestamp, try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] })
    }

    /// Restores `label` into a new database and returns its checksums.
    func restored(_ t: TestCluster, _ label: String, _ timestamp: String) throws -> [String?] {
        let database = "copy_\(label)"
        try t.sql("CREATE DATABASE \(database)")
        try t.sql("RESTORE SNAPSHOT \(database).\(label) FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')")
        let finished = try t.waitUntil { try t.sql("SHOW RESTORE FROM \(database)").rows.last?[4] == "FINISHED" }
        let status = try t.sql("SHOW RESTORE FROM \(database)").rows.last?[19] ?? nil
        #expect(finished, "\(status ?? "")")
        return try t.sql("CHECKSUM TABLE \(database).orders, \(database).items").rows.map { $0[1] }
    }

    func ownFiles(_ t: TestCluster, _ label: String) -> [String] {
        t.repositoryFiles().filter { $0.contains("/__ss_\(label)/__ss_content/") }
    }

    @Test func aChainRestoresEveryLinkAndUploadsOnlyNewData() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        let full = try backUp(t, "full")
        // New rows into an existing partition, and a new partition.
        try t.sql("INSERT INTO shop.orders VALUES (5, '2025-01-09', 'e')")
        try t.sql("ALTER TABLE shop.orders ADD PARTITION p3 VALUES LESS THAN ('2025-04-01')")
        try t.sql("INSERT INTO shop.orders VALUES (6, '2025-03-02', 'f'), (7, '2025-03-03', 'g')")
        let inc1 = try backUp(t, "inc1", "'type' = 'incremental'")
        try t.sql("INSERT INTO shop.items VALUES (3, 'z')")
        let inc2 = try backUp(t, "inc2", "'type' = 'incremental'")
        #expect(Set([full.sums, inc1.sums, inc2.sums]).count == 3)

        let first = try t.backupRow("inc1")
        #expect(first["Type"] == "INCREMENTAL" && first["BaseSnapshot"] == "full")
        let second = try t.backupRow("inc2", full: true)
        #expect(second["Type"] == "INCREMENTAL" && second["BaseSnapshot"] == "inc1")
        let uploaded = try #require(Int64(second["UploadedBytes"]!! ))
        let total = try #require(Int64(second["TotalBytes"]!! ))
        #expect(uploaded > 0 && uploaded < total)
        #expect(try t.backupRow("full")["Type"] == "FULL")
        #expect(try t.backupRow("full")["BaseSnapshot"] == "")

        // inc2 changed only items (2 tablets, one with a new rowset): nothing of orders is in its folder.
        let inc2Files = ownFiles(t, "inc2")
        #expect(!inc2Files.isEmpty && inc2Files.count < ownFiles(t, "full").count, "\(inc2Files)")
        let items = try itemsId(t)
        #expect(inc2Files.allSatisfy { $0.contains("/__tbl_\(items)/") }, "\(inc2Files)")
        let sizes = try inc2Files.map { try #require(FileManager.default.attributesOfItem(atPath: t.repositoryPath + "/" + $0)[.size] as? Int) }
        #expect(uploaded == Int64(sizes.reduce(0, +)))

        for (label, link) in [("full", full), ("inc1", inc1), ("inc2", inc2)] {
            #expect(try restored(t, label, link.timestamp) == link.sums, "\(label)")
        }
        for label in ["full", "inc1", "inc2"] {
            let check = try t.sql("ADMIN CHECK SNAPSHOT \(label) ON repo")
            #expect(check.rows.count == 1 && check.rows[0][3] == "OK", "\(label): \(check.rows)")
        }
        let summary = try t.sql("ADMIN CHECK SNAPSHOT inc2 ON repo").rows[0][4] ?? ""
        #expect(summary.contains("of them in snapshots full, inc1)"), "\(summary)")
    }

    @Test func aFileDeletedFromTheBaseFolderDamagesTheIncrementalSnapshot() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        _ = try backUp(t, "full")
        try t.sql("INSERT INTO shop.items VALUES (3, 'z')")
        _ = try backUp(t, "inc", "'type' = 'incremental'")
        let items = try itemsId(t)
        let victim = try #require(ownFiles(t, "full").first { $0.contains(".dat.") && !$0.contains("/__tbl_\(items)/") })
        try FileManager.default.removeItem(atPath: t.repositoryPath + "/" + victim)
        let rows = try t.sql("ADMIN CHECK SNAPSHOT inc ON repo").rows
        let missing = rows.first { $0[3] == "MISSING" }
        #expect(missing?[2]?.hasSuffix(victim) == true, "\(rows)")
        #expect(missing?[4]?.contains("held by snapshot full") == true, "\(rows)")
        #expect(rows.last?[3] == "DAMAGED")
    }

    func itemsId(_ t: TestCluster) throws -> Int64 {
        let catalog = try #require(t.cluster?.catalog)
        let shop = try #require(catalog.database(named: "shop"))
        return try #require(catalog.table(named: "items", in: shop.id)).id
    }

    @Test func withoutABaseTheFirstIncrementalIsTakenInFull() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        let first = try backUp(t, "night1", "'type' = 'incremental'")
        let row = try t.backupRow("night1")
        #expect(row["Type"] == "FULL" && row["BaseSnapshot"] == "")
        #expect(row["UploadedBytes"] == row["TotalBytes"])
        #expect(try restored(t, "night1", first.timestamp) == first.sums)
        // A snapshot of other tables is no base either.
        try t.sql("BACKUP SNAPSHOT shop.only_items TO repo ON (items)")
        #expect(try t.waitForBackup("only_items"))
        _ = try backUp(t, "night2", "'type' = 'incremental'")
        #expect(try t.backupRow("night2")["BaseSnapshot"] == "night1")
    }

    @Test func anExplicitBaseIsUsedEvenWhenALaterSnapshotExists() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        _ = try backUp(t, "a")
        try t.sql("INSERT INTO shop.items VALUES (3, 'z')")
        _ = try backUp(t, "b")
        try t.sql("INSERT INTO shop.items VALUES (4, 'w')")
        let c = try backUp(t, "c", "'type' = 'incremental', 'base_snapshot' = 'a'")
        let row = try t.backupRow("c")
        #expect(row["BaseSnapshot"] == "a")
        #expect(try #require(Int64(row["UploadedBytes"]!! )) < (try #require(Int64(row["TotalBytes"]!! ))))
        #expect(try restored(t, "c", c.timestamp) == c.sums)
    }

    @Test func badPropertiesAndBasesAreRefusedAndStartNothing() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        _ = try backUp(t, "full")
        try t.sql("CREATE DATABASE other; CREATE TABLE other.x (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num' = '1')")
        try t.sql("BACKUP SNAPSHOT other.elsewhere TO repo")
        #expect(try t.waitUntil { try t.sql("SHOW BACKUP FROM other").rows.last?[3] == "FINISHED" })
        let jobs = try t.sql("SHOW BACKUP FROM shop").rows.count
        let cases: [(String, String)] = [
            ("'base_snapshot' = 'full'", "\"base_snapshot\" = \"full\" is only valid with \"type\" = \"incremental\""),
            ("'type' = 'full', 'base_snapshot' = 'full'", "\"base_snapshot\" = \"full\" is only valid with \"type\" = \"incremental\""),
            ("'type' = 'incremental', 'base_snapshot' = 'nope'", "Base snapshot nope does not exist in repository repo"),
            ("'type' = 'incremental', 'base_snapshot' = 'elsewhere'", "Base snapshot elsewhere is a backup of database other, not of shop"),
            ("'type' = 'incremental', 'base_snapshot' = ''", "\"base_snapshot\" must name a snapshot of the repository"),
            ("'type' = 'incremental', 'content' = 'METADATA_ONLY'", "An incremental backup copies data files: it cannot be \"content\" = \"METADATA_ONLY\""),
            ("'type' = 'sometimes'", "Invalid backup job type: sometimes"),
        ]
        for (properties, message) in cases {
            #expect(t.error("BACKUP SNAPSHOT shop.x TO repo PROPERTIES (\(properties))")?.message == message, "\(properties)")
        }
        #expect(t.error("BACKUP SNAPSHOT shop.full TO repo PROPERTIES ('type' = 'incremental')")?.message
            == "Snapshot with name 'full' already exist in repository")
        // A base folder without a finished snapshot (an unfinished backup left files) is refused.
        try FileManager.default.createDirectory(atPath: t.repositoryPath + "/__palo_repository_repo/__ss_half/__ss_content", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: t.repositoryPath + "/__palo_repository_repo/__ss_half/__ss_content/f", contents: Data("x".utf8)))
        let half = t.error("BACKUP SNAPSHOT shop.x TO repo PROPERTIES ('type' = 'incremental', 'base_snapshot' = 'half')")?.message ?? ""
        #expect(half.hasPrefix("Base snapshot half has no readable info file in repository repo"), "\(half)")
        #expect(try t.sql("SHOW BACKUP FROM shop").rows.count == jobs)
    }

    @Test func aCancelledIncrementalBackupLeavesItsBaseWhole() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        _ = try backUp(t, "full")
        let before = ownFiles(t, "full")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'SAVE_META')")
        try t.sql("BACKUP SNAPSHOT shop.inc TO repo PROPERTIES ('type' = 'incremental')")
        #expect(try t.waitForBackup("inc", state: "SAVE_META"))
        #expect(t.error("DROP SNAPSHOT full ON repo")?.message == "Snapshot full is used by a running backup or restore job; cancel it first")
        try t.sql("CANCEL BACKUP FROM shop")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        let cleaned = t.waitUntil { t.repositoryFiles().allSatisfy { !$0.contains("/__ss_inc/") } }
        #expect(cleaned)
        #expect(ownFiles(t, "full") == before)
        #expect(try t.sql("ADMIN CHECK SNAPSHOT full ON repo").rows.first?[3] == "OK")
    }
}
