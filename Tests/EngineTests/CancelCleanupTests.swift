import Engine
import Foundation
import Repository
import Testing

/// What a cancelled job must undo is journalled: a process that exits (or dies) before the
/// clean-up is done leaves it to the next process that opens the data directory.
@Suite struct CancelCleanupTests {
    @Test func aCancelledBackupsCleanupIsFinishedByTheNextProcess() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        let refuse = DeleteSwitch()
        t.cluster?.objectStoreWrapper = { DeleteRefusingStore(inner: $0, refuse: refuse) }
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'SAVE_META')")
        try t.sql("BACKUP SNAPSHOT shop.gone TO repo")
        #expect(try t.waitForBackup("gone", state: "SAVE_META"))
        refuse.on = true
        try t.sql("CANCEL BACKUP FROM shop")
        #expect(try t.backupState("gone") == "CANCELLED")
        let jobId = try #require(try t.backupRow("gone")["JobId"] ?? nil)
        // The clean-up cannot delete yet, and the label stays reserved until it has.
        #expect(t.error("BACKUP SNAPSHOT shop.gone TO repo")?.message
            == "Snapshot with name 'gone' is being removed after backup job \(jobId) was cancelled; try again once that is done (labels are unique in repository repo)")
        #expect(t.repositoryFiles().contains { $0.contains("__ss_gone/__ss_content/") })
        // A write cut off by a crash leaves a .part file; it goes too.
        let content = try #require(t.repositoryFiles().first { $0.contains("__ss_gone/__ss_content/") && $0.contains(".dat.") })
        try Data("half".utf8).write(to: URL(fileURLWithPath: t.repositoryPath + "/" + content + ".x.part"))

        try t.reopen()
        #expect(try t.waitUntil { (try t.backupRow("gone")["Status"] ?? "")?.contains("; removed ") == true })
        #expect(try t.backupRow("gone")["Status"]??.hasPrefix("[COMMON_ERROR, msg: user cancelled; removed ") == true)
        #expect(!FileManager.default.fileExists(atPath: t.repositoryPath + "/__palo_repository_repo/__ss_gone"))
        #expect(t.waitUntil { snapshotFolders(t).isEmpty })
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        try t.sql("BACKUP SNAPSHOT shop.gone TO repo")
        #expect(try t.waitForBackup("gone"))
    }

    /// Writes cut off by a crash leave `.part` files, which listings never show: dropping the
    /// snapshot removes them too, and with them the snapshot's folder.
    @Test func dropSnapshotRemovesUnfinishedWritesToo() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("BACKUP SNAPSHOT shop.gone TO repo")
        #expect(try t.waitForBackup("gone"))
        let folder = t.repositoryPath + "/__palo_repository_repo/__ss_gone"
        let tablet = try #require(t.repositoryFiles().first { $0.contains("__ss_gone/__ss_content/") && $0.contains(".dat.") })
        try Data("half".utf8).write(to: URL(fileURLWithPath: t.repositoryPath + "/" + tablet + "9.part"))
        try Data("half".utf8).write(to: URL(fileURLWithPath: folder + "/__info_2099-01-01-00-00-00.part"))
        try t.sql("DROP SNAPSHOT gone ON repo")
        #expect(!FileManager.default.fileExists(atPath: folder), "\((FileManager.default.subpaths(atPath: folder) ?? []))")
    }

    /// A restore cancelled while its downloads run, in a process that then exits at once: the
    /// next process drops the hidden table it created, so its name is free again.
    @Test func aCancelledRestoresRollbackIsFinishedByTheNextProcess() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("BACKUP SNAPSHOT shop.snap TO repo")
        #expect(try t.waitForBackup("snap"))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'").rows.first?[1] ?? nil)
        // Every downloaded chunk stalls, so the downloads are still running at the cancel.
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_stall_ms' = '1500')")
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS orders2) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')")
        #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM shop").rows.last?[4] == "DOWNLOADING" })
        try t.sql("CANCEL RESTORE FROM shop")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_stall_ms' = '0')")
        try t.reopen()
        #expect(try t.sql("SHOW RESTORE FROM shop").rows.last?[4] == "CANCELLED")
        #expect(t.waitUntil { t.error("CREATE TABLE shop.orders2 (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1") == nil })
        try t.sql("DROP TABLE shop.orders2")
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (orders AS orders2) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')")
        #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM shop").rows.last?[4] == "FINISHED" })
        #expect(try t.sql("CHECKSUM TABLE shop.orders2").rows[0][1] == t.sql("CHECKSUM TABLE shop.orders").rows[0][1])
        #expect(t.waitUntil { snapshotFolders(t).isEmpty })
    }
}

/// Turns a store's deletes into failures while `on` (a repository that cannot be cleaned).
final class DeleteSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var on: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

struct DeleteRefusingStore: ObjectStore {
    let inner: ObjectStore
    let refuse: DeleteSwitch
    /// While on, snapshots' `__info` files cannot be downloaded either.
    var refuseInfoReads = DeleteSwitch()
    var displayLocation: String { inner.displayLocation }
    func put(_ data: [UInt8], key: String) throws(ObjectStoreError) { try inner.put(data, key: key) }
    func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, control: TransferControl) throws(ObjectStoreError) {
        try inner.putFile(path, key: key, expectedCRC32C: expectedCRC32C, control: control)
    }
    func get(_ key: String) throws(ObjectStoreError) -> [UInt8] {
        if refuseInfoReads.on, key.contains("/__info_") { throw ObjectStoreError(.io, "the repository cannot be reached") }
        return try inner.get(key)
    }
    func getFile(_ key: String, to path: String, control: TransferControl) throws(ObjectStoreError) -> String { try inner.getFile(key, to: path, control: control) }
    func size(of key: String) throws(ObjectStoreError) -> Int64? { try inner.size(of: key) }
    func list(prefix: String) throws(ObjectStoreError) -> [ObjectInfo] { try inner.list(prefix: prefix) }
    func delete(_ keys: [String]) throws(ObjectStoreError) {
        if refuse.on { throw ObjectStoreError(.io, "the repository cannot be reached") }
        try inner.delete(keys)
    }
    func flush() throws(ObjectStoreError) { try inner.flush() }
    func discardIncompleteWrites(prefix: String) throws(ObjectStoreError) { try inner.discardIncompleteWrites(prefix: prefix) }
}
