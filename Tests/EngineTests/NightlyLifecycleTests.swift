import Engine
import Foundation
import Repository
import Testing

/// The whole lifecycle on a manual clock: a nightly incremental schedule with a 7-day TTL runs
/// for ten nights while the data grows; retention then lists the last seven nights, each
/// restores to exactly the data of its night, and the repository holds nothing but the files
/// those seven read.
@Suite(.serialized) struct NightlyLifecycleTests {
    typealias F = ScheduleFixture
    static let day: Int64 = 86_400

    @Test func tenNightsOfAnIncrementalScheduleWithASevenDayTTLKeepSevenRestorableNights() throws {
        let f = try F()
        try f.t.sql("""
            CREATE JOB nightly ON SCHEDULE EVERY 1 DAY STARTS '\(F.text(F.t0))' \
            DO BACKUP SNAPSHOT shop.nightly_{ts} TO repo PROPERTIES ("type" = "incremental", "ttl" = "7 DAY")
            """)
        var sums: [String: [String?]] = [:]
        var types: [String: String] = [:]
        for night in Int64(0)..<10 {
            // Each day adds rows to an existing partition; some days add a partition too.
            try f.t.sql("INSERT INTO shop.orders VALUES (\(100 + night), '2025-01-10', 'day \(night)')")
            if night == 3 || night == 6 {
                try f.t.sql("ALTER TABLE shop.orders ADD PARTITION p\(night) VALUES LESS THAN ('2025-0\(night == 3 ? 4 : 7)-01')")
                try f.t.sql("INSERT INTO shop.orders VALUES (\(200 + night), '2025-03-1\(night)', 'new partition')")
            }
            f.at(F.t0 + night * Self.day + 60)
            #expect(try f.settle("nightly") == "SUCCESS")
            let label = "nightly_" + F.stamp(F.t0 + night * Self.day)
            sums[label] = try f.t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] }
            types[label] = try f.t.backupRow(label)["Type"] ?? nil
            // What the background work does at least once a minute.
            _ = try f.t.cluster!.expireSnapshots()
        }
        let nights = (Int64(0)..<10).map { "nightly_" + F.stamp(F.t0 + $0 * Self.day) }
        #expect(types[nights[0]] == "FULL")
        #expect(nights.dropFirst().allSatisfy { types[$0] == "INCREMENTAL" })
        // Nights 0-2 are past their seven days; 3-9 are listed.
        let listed = try f.t.sql("SHOW SNAPSHOT ON repo").rows.compactMap { $0[0] }
        #expect(listed == Array(nights[3...]))
        for label in listed {
            let row = try #require(try f.t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = '\(label)'").rows.first)
            let timestamp = try #require(row[1])
            #expect(try f.t.sql("ADMIN CHECK SNAPSHOT \(label) ON repo").rows.allSatisfy { $0[3] == "OK" })
            #expect(try restoredSums(f.t, label, timestamp) == sums[label], "\(label)")
        }
        let needed = try filesListedSnapshotsNeed(f.t)
        let held = Set(f.t.repositoryFiles().filter { $0.contains("/__ss_") && !$0.hasSuffix("/__dropping") })
        #expect(held == needed, "extra: \(held.subtracting(needed).sorted()), missing: \(needed.subtracting(held).sorted())")
    }

    /// Every key the listed snapshots need: their `__info` and `__meta`, and each file of
    /// their tablets wherever it lives.
    private func filesListedSnapshotsNeed(_ t: TestCluster) throws -> Set<String> {
        let browser = SnapshotBrowser(store: LocalObjectStore(root: t.repositoryPath), repositoryName: "repo")
        var keys: Set<String> = []
        for summary in try browser.summaries() where summary.status == "OK" {
            for timestamp in summary.timestamps {
                let info = try browser.info(label: summary.label, timestamp: timestamp)
                keys.formUnion(info.fileKeys(in: browser.paths))
                keys.insert(browser.paths.snapshotDirectory(label: summary.label) + "/" + (try browser.infoFileName(label: summary.label, timestamp: timestamp)))
            }
            if let meta = try browser.metaFile(label: summary.label) { keys.insert(meta) }
        }
        return keys
    }

    private func restoredSums(_ t: TestCluster, _ label: String, _ timestamp: String) throws -> [String?] {
        let database = "copy_\(label)"
        try t.sql("CREATE DATABASE \(database)")
        try t.sql("RESTORE SNAPSHOT \(database).\(label) FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')")
        #expect(try t.waitUntil(seconds: 60) { try t.sql("SHOW RESTORE FROM \(database)").rows.last?[4] == "FINISHED" })
        return try t.sql("CHECKSUM TABLE \(database).orders, \(database).items").rows.map { $0[1] }
    }
}
