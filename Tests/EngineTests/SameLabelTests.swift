import Engine
import Foundation
import Repository
import Testing

/// A label names one snapshot in a repository, whichever database it comes from: two jobs
/// writing one label make both unrestorable, so neither may commit over the other.
@Suite struct SameLabelTests {
    @Test func aLabelBeingWrittenByAnotherDatabasesJobIsRefused() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("CREATE DATABASE shop2; CREATE TABLE shop2.t (k INT) DISTRIBUTED BY HASH(k) BUCKETS 2; INSERT INTO shop2.t VALUES (1), (2)")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'UPLOAD_INFO')")
        try t.sql("BACKUP SNAPSHOT shop.same TO repo")
        #expect(try t.waitForBackup("same", state: "UPLOAD_INFO"))
        let jobId = try #require(try t.backupRow("same")["JobId"] ?? nil)
        let refused = t.error("BACKUP SNAPSHOT shop2.same TO repo")?.message
        #expect(refused == "Snapshot with name 'same' is being written by backup job \(jobId) of database shop (labels are unique in repository repo)")
        #expect(try t.sql("SHOW BACKUP FROM shop2").rows.isEmpty)
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitForBackup("same"))
        #expect(t.error("BACKUP SNAPSHOT shop2.same TO repo")?.message == "Snapshot with name 'same' already exist in repository")
        #expect(try t.sql("SHOW SNAPSHOT ON repo").rows.map { [$0[0], $0[2]] } == [["same", "OK"]])
        #expect(try t.sql("ADMIN CHECK SNAPSHOT same ON repo").rows.last?[3] == "OK")
    }

    /// Another cluster sharing the repository commits the same label while this job is on
    /// its way: this job must not write a second `__info` (or `__meta`) beside it. It is
    /// cancelled, removes only its own files, and the other snapshot stays whole.
    @Test func aSnapshotCommittedMeanwhileIsNeverOverwritten() throws {
        let t = try TestCluster()
        let (other, folder, theirs) = try pauseRaceBesideAnotherClustersSnapshot(t)

        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitForBackup("race", state: "CANCELLED"))
        let status = try #require(try t.backupRow("race")["Status"] ?? nil)
        #expect(status.hasPrefix("[COMMON_ERROR, msg: Snapshot with name 'race' already exists in repository repo: __info_"), "\(status)")
        let cleaned = try t.waitUntil { (try t.backupRow("race")["Status"] ?? "")?.contains("; removed ") == true }
        #expect(cleaned, "\((try? String(contentsOfFile: t.path + "/log/snapdeck.log", encoding: .utf8)) ?? "")")
        // Exactly the other cluster's files are left, and they restore.
        let left = Set(t.repositoryFiles().filter { $0.contains("__ss_race/") }.map { "/" + $0 })
        #expect(left == Set(theirs.map { folder + "/" + $0 }), "\(left.sorted())")
        #expect(try t.sql("ADMIN CHECK SNAPSHOT race ON repo").rows.last?[3] == "OK")
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'race'").rows.first?[1] ?? nil)
        try t.sql("CREATE DATABASE elsewhere")
        try t.sql("RESTORE SNAPSHOT elsewhere.race FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '1')")
        #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM elsewhere").rows.last?[4] == "FINISHED" })
        #expect(try t.sql("CHECKSUM TABLE elsewhere.t").rows.map { $0[1] } == other.sql("CHECKSUM TABLE elsewhere.t").rows.map { $0[1] })
    }

    /// Starts `race` in `t`, holds it at UPLOAD_INFO, and lands another cluster's committed
    /// snapshot of the same label in the same folder. Returns that cluster, the folder and the
    /// other snapshot's files.
    private func pauseRaceBesideAnotherClustersSnapshot(_ t: TestCluster) throws -> (TestCluster, String, [String]) {
        try t.makeBackupFixture()
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'UPLOAD_INFO')")
        try t.sql("BACKUP SNAPSHOT shop.race TO repo")
        #expect(try t.waitForBackup("race", state: "UPLOAD_INFO"))

        // The other cluster writes its snapshot of the same label to another folder first (the
        // label is taken in this one), then its files land beside this job's.
        let other = try TestCluster(backends: 2)
        try other.sql("CREATE DATABASE elsewhere; CREATE TABLE elsewhere.t (k INT, v VARCHAR(5)) DISTRIBUTED BY HASH(k) BUCKETS 3 PROPERTIES ('replication_num' = '1')")
        try other.sql("INSERT INTO elsewhere.t VALUES (1, 'a'), (2, 'b'), (3, 'c')")
        let otherLocation = other.path + "-repo"
        try other.sql("CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(otherLocation)'")
        try other.sql("BACKUP SNAPSHOT elsewhere.race TO repo")
        #expect(try other.waitUntil { try other.sql("SHOW BACKUP FROM elsewhere").rows.last?[3] == "FINISHED" })
        let folder = "/__palo_repository_repo/__ss_race"
        return (other, folder, try copyTree(from: otherLocation + folder, to: t.repositoryPath + folder))
    }

    /// When the other snapshot's `__info` cannot be read, the cancelled job cannot tell which
    /// files it shares with it, so its clean-up deletes none of them.
    @Test func aCleanUpThatCannotReadTheOtherSnapshotKeepsEveryFile() throws {
        let t = try TestCluster()
        let unreadable = DeleteSwitch()
        t.cluster?.objectStoreWrapper = { DeleteRefusingStore(inner: $0, refuse: DeleteSwitch(), refuseInfoReads: unreadable) }
        _ = try pauseRaceBesideAnotherClustersSnapshot(t)
        let before = Set(t.repositoryFiles().filter { $0.contains("__ss_race/") })
        unreadable.on = true
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitForBackup("race", state: "CANCELLED"))
        #expect(try t.waitUntil { (try t.backupRow("race")["Status"] ?? "")?.contains("; kept its files: the snapshot beside them could not be read") == true },
                "\(String(describing: try? t.backupRow("race")["Status"]))")
        #expect(Set(t.repositoryFiles().filter { $0.contains("__ss_race/") }) == before)
    }

    /// Copies every file under `source` to the same place under `target`; returns their paths
    /// relative to `source`.
    private func copyTree(from source: String, to target: String) throws -> [String] {
        var copied: [String] = []
        for relative in FileManager.default.subpaths(atPath: source) ?? [] {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source + "/" + relative, isDirectory: &isFolder)
            guard !isFolder.boolValue else { continue }
            let destination = target + "/" + relative
            try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source + "/" + relative, toPath: destination)
            copied.append(relative)
        }
        return copied
    }
}
