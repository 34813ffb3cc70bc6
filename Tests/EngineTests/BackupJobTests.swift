import Crypto
import Engine
import Foundation
import Repository
import Testing
import TestSupport

@Suite struct BackupJobTests {
    @Test func wholeDatabaseBackupWritesDorisLayout() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        try t.sql("BACKUP SNAPSHOT shop.snap1 TO repo")
        #expect(try t.waitForBackup("snap1"))
        let row = try t.backupRow("snap1")
        #expect(row["Status"] == "[OK]")
        #expect(row["BackupObjs"] == "[shop.items], [shop.orders]")
        let files = t.repositoryFiles()
        #expect(files.contains("__palo_repository_repo/__repo_info"))
        let prefix = "__palo_repository_repo/__ss_snap1/"
        #expect(files.contains { $0.hasPrefix(prefix + "__meta.") })
        let info = try #require(files.first { $0.hasPrefix(prefix + "__info_") })
        #expect(info.dropFirst((prefix + "__info_").count).count == "yyyy-MM-dd-HH-mm-ss.".count + 32)
        // Every file but __repo_info is named <name>.<md5 of its content>.
        for file in files where file != "__palo_repository_repo/__repo_info" {
            let data = try Data(contentsOf: URL(fileURLWithPath: t.repositoryPath + "/" + file))
            let md5 = Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
            #expect(file.hasSuffix("." + md5), "\(file)")
        }
        let content = files.filter { $0.hasPrefix(prefix + "__ss_content/__db_") }
        #expect(content.allSatisfy { $0.range(of: #"__db_\d+/__tbl_\d+/__part_\d+/__idx_\d+/__\d+/[^/]+$"#, options: .regularExpression) != nil })
        // A header per tablet (6 of orders, 2 of items) and every segment once.
        #expect(content.filter { $0.contains(".hdr.") }.count == 8)
        var segments: [String: String] = [:]
        for table in ["orders", "items"] {
            for row in try t.sql("SHOW TABLET FROM \(table)").rows { segments[row[0]!] = row[6]! }
        }
        #expect(content.filter { $0.contains(".dat.") }.count == segments.values.compactMap { Int($0) }.reduce(0, +))
        let snapshots = try t.sql("SHOW SNAPSHOT ON repo")
        #expect(snapshots.columns == ["Snapshot", "Timestamp", "Status", "Type", "BaseSnapshot", "UploadedBytes", "TotalBytes", "Owner", "TTL", "ExpireTime"])
        #expect(snapshots.rows.first?[0] == "snap1")
        #expect(snapshots.rows.first?[2] == "OK")
        let timestamp = try #require(snapshots.rows.first?[1] ?? nil)
        let detail = try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap1' AND TIMESTAMP = '\(timestamp)'")
        #expect(detail.columns == ["Snapshot", "Timestamp", "Database", "Details", "Status"] + snapshots.columns.dropFirst(3))
        #expect(detail.rows.first?[2] == "shop")
        #expect(detail.rows.first?[3]?.contains("\"olap_table_list\"") == true)
        // Snapshots are released: nothing left under backends/*/snapshot.
        #expect(t.waitUntil { snapshotFolders(t).isEmpty })
    }

    @Test func partitionsAndExcludeChooseWhatIsCopied() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        try t.sql("BACKUP SNAPSHOT shop.part1 TO repo ON (orders PARTITION (p1))")
        #expect(try t.waitForBackup("part1"))
        #expect(try t.backupRow("part1")["BackupObjs"] == "[shop.ordersPARTITIONS (p1)]")
        try t.sql("BACKUP SNAPSHOT shop.noitems TO repo EXCLUDE (items)")
        #expect(try t.waitForBackup("noitems"))
        #expect(try t.backupRow("noitems")["BackupObjs"] == "[shop.orders]")
        let files = t.repositoryFiles()
        let part1 = files.filter { $0.hasPrefix("__palo_repository_repo/__ss_part1/__ss_content/") }
        #expect(Set(part1.map { $0.split(separator: "/")[5] }).count == 1)  // one __part_ folder
        #expect(part1.filter { $0.contains(".hdr.") }.count == 3)
    }

    @Test func submissionIsValidatedWithDorisMessages() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        func message(_ sql: String) -> String? { t.error(sql)?.message }
        #expect(message("BACKUP SNAPSHOT shop.a TO nope") == "Repository nope does not exist")
        #expect(message("BACKUP SNAPSHOT shop.a TO repo ON (missing)") == "Unknown table 'missing'")
        #expect(message("BACKUP SNAPSHOT shop.a TO repo ON (orders PARTITION (p9))") == "Unknown partition p9 in tableorders")
        #expect(message("BACKUP SNAPSHOT shop.a TO repo ON (shop.orders)") == "Cannot specify database name on backup objects: orders. Specify database name before label")
        #expect(message("BACKUP SNAPSHOT shop.a TO repo ON (orders AS o)") == "Can not set alias for table in Backup Command: orders")
        #expect(message("BACKUP SNAPSHOT shop.a TO repo ON (orders, orders)") == "Duplicated table: orders")
        #expect(message("BACKUP SNAPSHOT shop.`a b` TO repo")?.hasPrefix("Label format error. regex: ") == true)
        #expect(message("BACKUP SNAPSHOT shop.a TO repo PROPERTIES ('timeout' = '60')") == "timeout must be at least 10 min")
        #expect(message("BACKUP SNAPSHOT shop.a TO repo PROPERTIES ('content' = 'some')") == "Invalid backup job content:some")
        #expect(message("BACKUP SNAPSHOT shop.a TO repo PROPERTIES ('color' = 'red', 'size' = '1')") == "Unknown backup job properties: [color, size]")
        try t.sql("CREATE READ ONLY REPOSITORY ro WITH LOCAL ON LOCATION '\(t.repositoryPath)-ro'")
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath + "-ro") }
        #expect(message("BACKUP SNAPSHOT shop.a TO ro") == "Repository ro is read only")
        // One job per database: hold the first in PENDING.
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'PENDING')")
        try t.sql("BACKUP SNAPSHOT shop.first TO repo")
        let jobId = try #require(try t.backupRow("first")["JobId"] ?? nil)
        #expect(message("BACKUP SNAPSHOT shop.second TO repo") == "Can only run one backup or restore job of a database at same time , current running: label = first jobId = \(jobId), to run label = second")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitForBackup("first"))
        #expect(message("BACKUP SNAPSHOT shop.first TO repo") == "Snapshot with name 'first' already exist in repository")
        try t.sql("CREATE USER ops; GRANT LOAD_PRIV ON shop.* TO ops")
        t.session = Session(user: "ops", database: "shop")
        #expect(t.error("BACKUP SNAPSHOT shop.mine TO repo")?.code == 1227)
        #expect(try t.sql("SHOW BACKUP").rows.count == 1)
    }

    @Test func showBackupColumnsMatchDoris() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        try t.sql("BACKUP SNAPSHOT shop.cols TO repo")
        #expect(try t.waitForBackup("cols"))
        let show = try t.sql("SHOW BACKUP FROM shop")
        #expect(show.columns.joined(separator: "\t") == "JobId\tSnapshotName\tDbName\tState\tBackupObjs\tCreateTime\tSnapshotFinishedTime\tUploadFinishedTime\tFinishedTime\tUnfinishedTasks\tProgress\tTaskErrMsg\tStatus\tTimeout")
        let full = try t.backupRow("cols", full: true)
        #expect(full["FilesDone"] == full["FilesTotal"])
        #expect(full["BytesDone"] == full["BytesTotal"])
        #expect(try t.sql("SHOW BACKUP FROM shop WHERE SnapshotName LIKE 'co%'").rows.count == 1)
        #expect(try t.sql("SHOW BACKUP FROM shop WHERE LABEL = 'nope'").rows.isEmpty)
        #expect(t.error("SHOW BACKUP FROM shop WHERE State = 'x'")?.message.hasPrefix("Where clause should like: SnapshotName") == true)
    }

    @Test func failedUploadsShowInTaskErrMsgAndAreRetried() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        let clock = ManualClock()
        let cluster = try #require(t.cluster)
        cluster.scheduler.now = { clock.now() }
        let flaky = FlakyStoreBox()
        cluster.objectStoreWrapper = { inner in flaky.store(wrapping: inner, failures: 2) }
        try t.sql("BACKUP SNAPSHOT shop.flaky TO repo")
        #expect(try t.waitUntil { (try t.backupRow("flaky")["TaskErrMsg"] ?? "")?.contains("connection reset") == true })
        let row = try t.backupRow("flaky")
        #expect(row["State"] == "UPLOADING")
        #expect(row["TaskErrMsg"]??.range(of: #"^\[\d+=connection reset while writing __palo_repository_repo/"#, options: .regularExpression) != nil)
        // Retries wait for their backoff on the job clock.
        #expect(try t.waitForBackup("flaky", advancing: clock))
        #expect(try t.backupRow("flaky")["TaskErrMsg"] == "")
    }

    @Test func injectedTransferFailuresAreRetriedUntilTheyStop() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        let clock = ManualClock()
        t.cluster!.scheduler.now = { clock.now() }
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_fail_percent' = '100')")
        try t.sql("BACKUP SNAPSHOT shop.faulty TO repo")
        #expect(try t.waitUntil { (try t.backupRow("faulty")["TaskErrMsg"] ?? "")?.contains("injected transfer failure") == true })
        #expect(try t.backupState("faulty") == "UPLOADING")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_fail_percent' = '0')")
        #expect(try t.waitForBackup("faulty", advancing: clock))
    }

    @Test func aCorruptSegmentFailsItsUploadAndAnotherReplicaIsUsed() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        let clock = ManualClock()
        t.cluster!.scheduler.now = { clock.now() }
        // Flip a byte in one replica of one orders segment.
        let tablets = try t.sql("SHOW TABLET FROM orders").rows.filter { $0[6] != "0" }
        let victim = try #require(tablets.first)
        let dir = t.path + "/backends/\(victim[2]!)/data/\(victim[0]!)"
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first)
        let handle = try #require(FileHandle(forUpdatingAtPath: dir + "/" + segment))
        try handle.seek(toOffset: 24)
        try handle.write(contentsOf: Data([0xFF]))
        try handle.close()
        // Make the damaged replica the one the backup reads first: take the other one down
        // during planning, then bring it back for the retry.
        let others = tablets.filter { $0[0] == victim[0] && $0[2] != victim[2] }.map { $0[2]! }
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_backends_down' = '\(others.joined(separator: ","))', 'fault_pause_at_state' = 'UPLOAD_SNAPSHOT')")
        try t.sql("BACKUP SNAPSHOT shop.corrupt TO repo ON (orders)")
        #expect(try t.waitForBackup("corrupt", state: "UPLOAD_SNAPSHOT"))
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_backends_down' = '', 'fault_pause_at_state' = '')")
        #expect(try t.waitUntil { (try t.backupRow("corrupt")["TaskErrMsg"] ?? "")?.contains(segment) == true })
        let message = try #require(try t.backupRow("corrupt")["TaskErrMsg"] ?? nil)
        #expect(message.contains("[\(victim[0]!)="))
        #expect(message.contains("CRC32C") || message.contains("crc") || message.contains("checksum"))
        #expect(try t.waitForBackup("corrupt", advancing: clock))
    }

    @Test func cancelRemovesWhatWasUploaded() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'SAVE_META')")
        try t.sql("BACKUP SNAPSHOT shop.gone TO repo")
        #expect(try t.waitForBackup("gone", state: "SAVE_META"))
        #expect(t.repositoryFiles().contains { $0.contains("__ss_gone/__ss_content/") })
        try t.sql("CANCEL BACKUP FROM shop")
        #expect(try t.waitUntil { (try t.backupRow("gone")["Status"] ?? "")?.contains("removed") == true })
        #expect(try t.backupRow("gone")["State"] == "CANCELLED")
        #expect(try t.backupRow("gone")["Status"]??.hasPrefix("[COMMON_ERROR, msg: user cancelled; removed ") == true)
        #expect(!t.repositoryFiles().contains { $0.contains("__ss_gone") })
        #expect(t.waitUntil { snapshotFolders(t).isEmpty })
        #expect(t.error("CANCEL BACKUP FROM shop")?.message == "Failed to cancel some jobs: gone(Job with label gone can not be cancelled. state: CANCELLED)")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        try t.sql("BACKUP SNAPSHOT shop.gone TO repo")
        #expect(try t.waitForBackup("gone"))
    }

    /// The planned rowsets vanish before they are linked: no replica has them any more, so
    /// the job fails with the reason instead of retrying until its timeout (found by the fuzzer).
    @Test func aTableTruncatedBeforeItsSnapshotCancelsTheBackup() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'SNAPSHOTING')")
        try t.sql("BACKUP SNAPSHOT shop.moving TO repo ON (orders)")
        #expect(try t.waitForBackup("moving", state: "SNAPSHOTING"))
        try t.sql("TRUNCATE TABLE shop.orders; ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitForBackup("moving", state: "CANCELLED"))
        let status = try #require(try t.backupRow("moving")["Status"] ?? nil)
        #expect(status.contains("changed while it was being backed up") && status.contains("run the backup again"), "\(status)")
        #expect(try t.waitUntil { (try t.backupRow("moving")["Status"] ?? "")?.contains("; nothing was uploaded") == true })
    }

    @Test func snapshotsAreHardLinksInAFolderPerTablet() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'SAVE_META')")
        try t.sql("BACKUP SNAPSHOT shop.linked TO repo")
        #expect(try t.waitForBackup("linked", state: "SAVE_META"))
        var linked = 0
        for folder in snapshotFolders(t) {
            let backend = folder.prefix { $0 != "/" }
            let path = t.path + "/backends/" + folder.replacingOccurrences(of: "/", with: "/snapshot/")
            for tablet in try FileManager.default.contentsOfDirectory(atPath: path) {
                #expect(Int64(tablet) != nil, "\(folder)/\(tablet)")
                for name in try FileManager.default.contentsOfDirectory(atPath: path + "/" + tablet) {
                    // Each entry shares its inode with the tablet's segment in the data folder:
                    // a hard link, not a copy, and no header file beside it.
                    var snapshot = stat(), data = stat()
                    #expect(lstat(path + "/" + tablet + "/" + name, &snapshot) == 0)
                    #expect(stat(t.path + "/backends/\(backend)/data/\(tablet)/\(name)", &data) == 0, "\(folder)/\(tablet)/\(name)")
                    #expect((snapshot.st_mode & S_IFMT) == S_IFREG && snapshot.st_ino == data.st_ino, "\(folder)/\(tablet)/\(name)")
                    linked += 1
                }
            }
        }
        var segments: [String: Int] = [:]
        for table in ["orders", "items"] {
            for row in try t.sql("SHOW TABLET FROM \(table)").rows { segments[row[0]!] = Int(row[6]!) }
        }
        #expect(linked == segments.values.reduce(0, +))
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitForBackup("linked"))
        #expect(t.waitUntil { snapshotFolders(t).isEmpty })
    }

    @Test func jobsTimeOutWithDorisStatus() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        let clock = ManualClock()
        t.cluster!.scheduler.now = { clock.now() }
        try t.sql("ADMIN SET FRONTEND CONFIG ('min_job_timeout_second' = '5', 'fault_pause_at_state' = 'UPLOADING')")
        try t.sql("BACKUP SNAPSHOT shop.slow TO repo PROPERTIES ('timeout' = '5')")
        #expect(try t.waitForBackup("slow", state: "UPLOADING"))
        clock.advance(6)
        #expect(try t.waitForBackup("slow", state: "CANCELLED"))
        #expect(try t.backupRow("slow")["Status"]??.hasPrefix("[TIMEOUT, msg: ") == true)
        #expect(try t.backupRow("slow")["Timeout"] == "5")
    }

    @Test func unfinishedJobsResumeAfterReopen() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'UPLOADING')")
        try t.sql("BACKUP SNAPSHOT shop.resumed TO repo")
        #expect(try t.waitForBackup("resumed", state: "UPLOADING"))
        try t.reopen()
        #expect(try t.backupState("resumed") == "UPLOADING")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitForBackup("resumed"))
    }

    @Test func historyIsKeptPerRetentionRules() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        try t.sql("ADMIN SET FRONTEND CONFIG ('max_backup_restore_job_num_per_db' = '2')")
        for label in ["h1", "h2", "h3"] {
            try t.sql("BACKUP SNAPSHOT shop.\(label) TO repo ON (items)")
            #expect(try t.waitForBackup(label))
        }
        #expect(try t.sql("SHOW BACKUP FROM shop").rows.map { $0[1] } == ["h2", "h3"])
    }
}

/// Shares one FlakyStore across the store objects the engine creates per task.
final class FlakyStoreBox: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int?
    func store(wrapping inner: ObjectStore, failures: Int) -> ObjectStore {
        let left = lock.withLock { () -> Int in
            if remaining == nil { remaining = failures }
            return remaining!
        }
        return CountingFlakyStore(inner: inner, box: self, failuresLeft: left)
    }
    func takeFailure() -> Bool {
        lock.withLock {
            guard let r = remaining, r > 0 else { return false }
            remaining = r - 1
            return true
        }
    }
}

struct CountingFlakyStore: ObjectStore {
    let inner: ObjectStore
    let box: FlakyStoreBox
    let failuresLeft: Int
    var displayLocation: String { inner.displayLocation }
    func put(_ data: [UInt8], key: String) throws(ObjectStoreError) { try inner.put(data, key: key) }
    func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, control: TransferControl) throws(ObjectStoreError) {
        if box.takeFailure() { throw ObjectStoreError(.io, "connection reset while writing \(key)") }
        try inner.putFile(path, key: key, expectedCRC32C: expectedCRC32C, control: control)
    }
    func get(_ key: String) throws(ObjectStoreError) -> [UInt8] { try inner.get(key) }
    func getFile(_ key: String, to path: String, control: TransferControl) throws(ObjectStoreError) -> String { try inner.getFile(key, to: path, control: control) }
    func size(of key: String) throws(ObjectStoreError) -> Int64? { try inner.size(of: key) }
    func list(prefix: String) throws(ObjectStoreError) -> [ObjectInfo] { try inner.list(prefix: prefix) }
    func delete(_ keys: [String]) throws(ObjectStoreError) { try inner.delete(keys) }
    func flush() throws(ObjectStoreError) { try inner.flush() }
}
