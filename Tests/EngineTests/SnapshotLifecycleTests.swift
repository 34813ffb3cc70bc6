import Engine
import Foundation
import Jobs
import Repository
import Testing
import TestSupport

/// SHOW SNAPSHOT's lifecycle columns, DROP SNAPSHOT against chains (FORCE, later collection),
/// interrupted drops, and the retention sweep with a manual clock and two clusters.
@Suite(.serialized) struct SnapshotLifecycleTests {
    private func backUp(_ t: TestCluster, _ label: String, ttl: String? = nil) throws {
        let properties = ttl.map { " PROPERTIES ('ttl' = '\($0)')" } ?? ""
        try t.sql("BACKUP SNAPSHOT shop.\(label) TO repo\(properties)")
        #expect(try t.waitForBackup(label))
    }

    private func store(_ t: TestCluster) -> LocalObjectStore { LocalObjectStore(root: t.repositoryPath) }

    private func info(_ t: TestCluster, _ label: String) throws -> SnapshotInfoFile {
        let browser = SnapshotBrowser(store: store(t), repositoryName: "repo")
        let timestamp = try #require(browser.summary(label: label).timestamps.first)
        return try browser.info(label: label, timestamp: timestamp)
    }

    /// Writes snapshot `label` as an incremental of `base` that uploaded nothing: every file
    /// read from `base`'s folder — what the incremental backup writes when nothing changed.
    private func writeIncremental(_ t: TestCluster, _ label: String, base: String, owner: String? = nil, expireTime: Int64? = nil) throws {
        let store = store(t)
        let paths = RepositoryPaths(repositoryName: "repo")
        var info = try info(t, base)
        var locations: [Int64: [String: String]] = [:]
        for table in info.tables {
            for partition in table.partitions {
                for index in partition.indexes {
                    for tablet in index.tablets { locations[tablet.id] = Dictionary(uniqueKeysWithValues: tablet.files.map { ($0, base) }) }
                }
            }
        }
        let timestamp = "2030-01-01-00-00-00"
        info.name = label
        info.provenance = SnapshotProvenance(
            kind: .incremental, base: .init(label: base, timestamp: timestamp), fileLocations: locations,
            owner: owner ?? info.provenance?.owner, ttl: expireTime == nil ? nil : "1 DAY", expireTime: expireTime)
        let metaKey = try #require(try SnapshotBrowser(store: store, repositoryName: "repo").metaFile(label: base))
        let meta = try store.get(metaKey)
        try store.put(meta, key: paths.metaFile(label: label, md5: ChecksumName.md5(of: meta)))
        let bytes = info.encode()
        try store.put(bytes, key: paths.infoFile(label: label, timestamp: timestamp, md5: ChecksumName.md5(of: bytes)))
    }

    private func listed(_ t: TestCluster) throws -> [String] {
        try t.sql("SHOW SNAPSHOT ON repo").rows.compactMap { $0[0] }
    }

    private func folder(_ t: TestCluster, _ label: String) -> [String] {
        t.repositoryFiles().filter { $0.contains("/__ss_\(label)/") }
    }

    @Test func showSnapshotCarriesTypeBytesOwnerAndRetention() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try backUp(t, "kept", ttl: "3 hours")
        try backUp(t, "plain")
        try writeIncremental(t, "inc", base: "plain")
        let show = try t.sql("SHOW SNAPSHOT ON repo")
        #expect(show.columns == ["Snapshot", "Timestamp", "Status", "Type", "BaseSnapshot", "UploadedBytes", "TotalBytes", "Owner", "TTL", "ExpireTime"])
        let rows = Dictionary(uniqueKeysWithValues: show.rows.map { ($0[0]!, Dictionary(uniqueKeysWithValues: zip(show.columns, $0))) })
        let kept = try #require(rows["kept"])
        let provenance = try #require(try info(t, "kept").provenance)
        #expect(kept["Type"] == "FULL" && kept["BaseSnapshot"] == "")
        #expect(kept["Owner"] == t.cluster!.clusterId && kept["TTL"] == "3 HOUR")
        #expect(provenance.expireTime == (try info(t, "kept")).backupTime + 3 * 3_600_000)
        #expect(kept["ExpireTime"] == JobTime.format(provenance.expireTime!))
        #expect(Int(kept["TotalBytes"]!!)! > 0 && kept["UploadedBytes"] == kept["TotalBytes"])
        #expect(rows["plain"]?["TTL"] == "" && rows["plain"]?["ExpireTime"] == "")
        #expect(rows["inc"]?["Type"] == "INCREMENTAL" && rows["inc"]?["BaseSnapshot"] == "plain")
        let detail = try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'kept' AND TIMESTAMP = '\(kept["Timestamp"]!!)'")
        #expect(detail.columns == ["Snapshot", "Timestamp", "Database", "Details", "Status"] + Array(show.columns.dropFirst(3)))
        #expect(Array(detail.rows[0].dropFirst(5)) == Array(show.rows.first { $0[0] == "kept" }!.dropFirst(3)))
    }

    @Test func snapshotsDorisWroteAreFullWithNothingElseKnown() throws {
        let t = try TestCluster()
        var fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        fixture.appendPathComponent("RepositoryTests/Fixtures/doris-repo")
        let copy = t.path + "-doris"
        try FileManager.default.copyItem(atPath: fixture.path, toPath: copy)
        try t.sql("CREATE READ ONLY REPOSITORY doris_repo WITH BROKER hdfs_broker ON LOCATION 'file://\(copy)'")
        let list = try t.sql("SHOW SNAPSHOT ON doris_repo")
        let snap1 = try #require(list.rows.first { $0[0] == "snap1" })
        #expect(Array(snap1.dropFirst(3)) == ["FULL", "", "", "", "", "", ""])
        #expect(Array(try #require(list.rows.first { $0[0] == "broken" }).dropFirst(3)) == [nil, nil, nil, nil, nil, nil, nil])
    }

    @Test func ttlIsCheckedLikeEveryBackupProperty() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        #expect(t.error("BACKUP SNAPSHOT shop.x TO repo PROPERTIES ('ttl' = '7 YEARS')")?.message
            == "Invalid ttl unit \"YEARS\" in \"7 YEARS\": expected \"<n> HOUR|DAY|WEEK|MONTH\" with n from 1 to 9999, e.g. \"7 DAY\"")
        #expect(t.error("BACKUP SNAPSHOT shop.x TO repo PROPERTIES ('ttl' = '0 DAY')")?.message == "Invalid ttl \"0 DAY\": the number must be from 1 to 9999")
        #expect(t.error("BACKUP SNAPSHOT shop.x TO repo PROPERTIES ('ttll' = '1 DAY')")?.message == "Unknown backup job properties: [ttll]")
        #expect(try t.sql("SHOW BACKUP FROM shop").rows.isEmpty)
    }

    @Test func aBaseIsKeptUntilForcedAndItsFilesUntilTheLastReaderGoes() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try backUp(t, "base")
        try writeIncremental(t, "inc", base: "base")
        let before = t.repositoryFiles()
        #expect(t.error("DROP SNAPSHOT base ON repo")?.message
            == "Snapshot base is the base of incremental snapshots inc in repository repo: drop those first, or DROP SNAPSHOT base ON repo FORCE to keep only the files they need")
        #expect(t.repositoryFiles() == before)
        let forced = try t.sql("DROP SNAPSHOT base ON repo FORCE")
        #expect(forced.info?.contains("kept ") == true && forced.info?.hasSuffix("that snapshots inc read") == true, "\(forced.info ?? "")")
        #expect(try listed(t) == ["inc"])
        let baseFiles = folder(t, "base")
        #expect(baseFiles.contains { $0.hasSuffix("/__dropping") } && !baseFiles.contains { $0.contains("__info_") || $0.contains("__meta") })
        let reads = Set(try info(t, "inc").fileKeys(in: RepositoryPaths(repositoryName: "repo")))
        #expect(Set(baseFiles.filter { !$0.hasSuffix("/__dropping") }) == reads)
        // The label cannot take a new snapshot, nor be restored, while its folder is marked.
        #expect(t.error("BACKUP SNAPSHOT shop.base TO repo")?.message
            == "Snapshot base is being dropped from repository repo (or its folder keeps files other snapshots read): choose another label")
        #expect(t.error("RESTORE SNAPSHOT shop.base FROM repo PROPERTIES ('backup_timestamp' = '2030-01-01-00-00-00')")?.message
            == "Snapshot base is being dropped from repository repo; it cannot be restored")
        try t.sql("DROP SNAPSHOT inc ON repo")
        #expect(folder(t, "base").isEmpty && folder(t, "inc").isEmpty)
        #expect(try listed(t).isEmpty)
        try backUp(t, "base")
    }

    @Test func aRunningRestoreProtectsTheFoldersItsSnapshotReads() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try backUp(t, "base")
        try writeIncremental(t, "inc", base: "base")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'PENDING')")
        try t.sql("RESTORE SNAPSHOT shop.inc FROM repo ON (items AS items2) PROPERTIES ('backup_timestamp' = '2030-01-01-00-00-00', 'replication_num' = '1')")
        #expect(t.error("DROP SNAPSHOT base ON repo FORCE")?.message == "Snapshot base is used by a running backup or restore job; cancel it first")
        try t.sql("CANCEL RESTORE FROM shop")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitUntil { t.error("DROP SNAPSHOT base ON repo FORCE") == nil })
    }

    /// A drop cut off after each of a few changes, then a restart: the snapshot is listed
    /// (DROPPING, not restorable) while its `__info` is there, then not at all; the snapshot
    /// that stays is whole; the next DROP, retention sweep or drop of another label finishes.
    @Test func anInterruptedDropIsFinishedAfterARestart() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        for label in ["g1", "g2", "g3", "keep", "last"] { try backUp(t, label) }
        for (label, changes) in [("g1", 1), ("g2", 2), ("g3", 6)] {
            t.cluster!.objectStoreWrapper = { CrashingStore(inner: $0, changesLeft: changes) }
            #expect(t.error("DROP SNAPSHOT \(label) ON repo")?.message.hasPrefix("Failed to drop snapshot \(label): the process died") == true)
            t.cluster!.objectStoreWrapper = nil
        }
        try t.reopen()
        let show = try t.sql("SHOW SNAPSHOT ON repo")
        #expect(show.rows.map { [$0[0], $0[2]] } == [["g1", "DROPPING"], ["keep", "OK"], ["last", "OK"]])
        #expect(t.error("RESTORE SNAPSHOT shop.g1 FROM repo PROPERTIES ('backup_timestamp' = '\(show.rows[0][1]!)')")?.message
            == "Snapshot g1 is being dropped from repository repo; it cannot be restored")
        #expect(try t.sql("ADMIN CHECK SNAPSHOT keep ON repo").rows.allSatisfy { $0[3] == "OK" })
        #expect(!folder(t, "g2").isEmpty && !folder(t, "g3").isEmpty)
        try t.sql("DROP SNAPSHOT g1 ON repo")
        #expect(folder(t, "g1").isEmpty)
        #expect(try t.cluster!.expireSnapshots().isEmpty)
        #expect(folder(t, "g2").isEmpty && folder(t, "g3").isEmpty)
        try t.sql("DROP SNAPSHOT last ON repo")
        #expect(try listed(t) == ["keep"])
    }

    @Test func retentionDropsOnlyThisClustersExpiredSnapshotsRespectingChains() throws {
        let a = try TestCluster()
        try a.makeBackupFixture()
        let b = try TestCluster()
        try b.makeBackupFixture()
        // `b` shares `a`'s repository (same name, same folder).
        try b.sql("DROP REPOSITORY repo")
        try b.sql("CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(a.repositoryPath)'")
        try backUp(a, "old", ttl: "1 HOUR")
        try backUp(a, "solo", ttl: "1 HOUR")
        try backUp(a, "forever")
        let day = Int64(86_400_000)
        try writeIncremental(a, "inc", base: "old", expireTime: Int64(Date().timeIntervalSince1970 * 1000) + day)
        try backUp(b, "foreign", ttl: "1 HOUR")
        let clockA = ManualClock(start: Date().addingTimeInterval(2 * 3600))
        a.cluster!.scheduler.now = { clockA.now() }
        #expect(try a.cluster!.expireSnapshots() == ["repo/solo"])
        #expect(try listed(a) == ["foreign", "forever", "inc", "old"])
        let clockB = ManualClock(start: Date().addingTimeInterval(3 * 86400))
        b.cluster!.scheduler.now = { clockB.now() }
        #expect(try b.cluster!.expireSnapshots() == ["repo/foreign"])
        #expect(try listed(a) == ["forever", "inc", "old"])
        clockA.advance(2 * 86400)
        #expect(try a.cluster!.expireSnapshots() == ["repo/inc", "repo/old"])
        #expect(try listed(a) == ["forever"])
        #expect(leftovers(a).isEmpty)
    }

    /// Folders other than `forever`'s left in the repository.
    private func leftovers(_ cluster: TestCluster) -> [String] {
        cluster.repositoryFiles().filter { $0.contains("/__ss_") && !$0.contains("/__ss_forever/") }
    }
}
