import Foundation
import TestSupport
import Testing

/// Full and read-only disks, for real (a small tmpfs): clear errors, nothing half-committed,
/// and things work again once there is room.
@Suite(.serialized, .enabled(if: SmallDisk.isAvailable, "needs root with CAP_SYS_ADMIN to mount a small tmpfs"))
struct DiskFullTests {
    /// A cluster whose table `d.t` holds about 2 MB in 40,000 rows.
    private func cluster(dataOn disk: SmallDisk? = nil) throws -> (dir: String, csv: String) {
        let dir = disk.map { $0.path + "/data" } ?? SnapDeckProcess.temporaryDirectory()
        let csv = SnapDeckProcess.temporaryDirectory() + ".csv"
        var text = ""
        var random = UInt64(42)
        for i in 0..<40_000 {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            text += "\(i),\(String(random, radix: 36))\(String(random >> 7, radix: 36))\(String(random >> 13, radix: 36))\n"
        }
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let setup = try sql(dir, """
            CREATE DATABASE d;
            CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(64)) DISTRIBUTED BY HASH(k) BUCKETS 4 PROPERTIES ('replication_num' = '1');
            LOAD DATA INFILE '\(csv)' INTO TABLE d.t;
            ADMIN SET FRONTEND CONFIG ('job_permanent_error_attempts' = '2');
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        return (dir, csv)
    }

    private func sql(_ dir: String, _ text: String, _ extra: [String] = []) throws -> ChildProcess.Output {
        try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv"] + extra + ["-e", text])
    }

    @Test func aFullRepositoryCancelsTheBackupSayingWhyAndLaterBackupsSucceed() throws {
        let repository = try SmallDisk(megabytes: 1)
        let (dir, csv) = try cluster()
        defer { cleanUp(dir, csv) }
        let sums = try sql(dir, "CHECKSUM TABLE d.t").stdout
        let backup = try sql(dir, "CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(repository.path)'; BACKUP SNAPSHOT d.b TO r")
        #expect(backup.status == 1)
        #expect(backup.stderr.contains("backup b UPLOADING: waiting: [") && backup.stderr.contains("No space left on device"), "\(backup.stderr)")
        #expect(backup.stderr.contains("ERROR 1105 (HY000): backup b CANCELLED: [COMMON_ERROR, msg: gave up after 2 attempts: "), "\(backup.stderr)")
        // Nothing half-written stays: the cancel removed what fitted, and no snapshot is listed.
        let left = (FileManager.default.subpaths(atPath: repository.path) ?? []).filter { $0.contains("__ss_") }
        #expect(left.isEmpty, "\(left)")
        #expect(try sql(dir, "SHOW SNAPSHOT ON r").stdout.split(separator: "\n").count == 1)
        try repository.remount(megabytes: 64)
        #expect(try sql(dir, "BACKUP SNAPSHOT d.b TO r").status == 0)
        #expect(try restoredChecksum(dir, label: "b") == sums.replacingOccurrences(of: "d.t", with: "d.copy"))
    }

    /// The repository turns read-only just before the commit marker: the backup gives up
    /// with the reason, and its clean-up, which cannot delete either, is done by the first
    /// process that runs once the disk is writable again.
    @Test func aRepositoryTurnedReadOnlyCancelsTheBackupAndItsCleanUpWaitsForTheDisk() throws {
        let repository = try SmallDisk(megabytes: 64)
        let (dir, csv) = try cluster()
        defer { cleanUp(dir, csv) }
        let setup = try sql(dir, """
            CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(repository.path)';
            ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'SAVE_META');
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        let paused = try SnapDeckProcess.start(["sql", "--data", dir, "-e", "BACKUP SNAPSHOT d.ro TO r"])
        #expect(SnapDeckProcess.poll(seconds: 60) { SnapDeckProcess.journalState(dir) == "SAVE_META" })
        paused.signal(SIGKILL)
        paused.wait()
        let uploaded = { (FileManager.default.subpaths(atPath: repository.path) ?? []).filter { $0.contains("__ss_ro/") && $0.contains(".dat.") } }
        #expect(!uploaded().isEmpty)
        try repository.remount(readOnly: true)
        let resumed = try sql(dir, "ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')", ["--wait-all"])
        #expect(resumed.status == 1)
        #expect(resumed.stderr.contains("Read-only file system"), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("backup ro CANCELLED: [COMMON_ERROR, msg: gave up after 2 attempts: "), "\(resumed.stderr)")
        #expect(!uploaded().isEmpty)
        #expect(try sql(dir, "BACKUP SNAPSHOT d.ro TO r").stderr.contains("is being removed after backup job"))
        try repository.remount(readOnly: false)
        #expect(try sql(dir, "SHOW BACKUP FROM d").status == 0)
        #expect(uploaded().isEmpty)
        #expect(try sql(dir, "SHOW BACKUP FROM d").stdout.contains("; removed "))
        #expect(try sql(dir, "BACKUP SNAPSHOT d.ro TO r").status == 0)
    }

    @Test func aFullDataDirectorySaysSoKeepsReadsWorkingAndRecovers() throws {
        let disk = try SmallDisk(megabytes: 24)
        let (dir, csv) = try cluster(dataOn: disk)
        defer { cleanUp(nil, csv) }
        let sums = try sql(dir, "CHECKSUM TABLE d.t").stdout
        let filler = disk.fill()
        let refused = try sql(dir, "INSERT INTO d.t VALUES (-1, 'x')")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the disk holding the data directory \(dir) is full"), "\(refused.stderr)")
        let read = try sql(dir, "SELECT COUNT(*) FROM d.t; CHECKSUM TABLE d.t; SHOW BACKUP FROM d")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("40000"))
        #expect(read.stdout.contains(sums.split(separator: "\n").last.map(String.init) ?? "-"))
        // What a MySQL client sends on connecting changes no data, so it runs too.
        let session = try sql(dir, "SET NAMES utf8mb4; SET autocommit = 0; SELECT @@autocommit, DATABASE(); SHOW VARIABLES LIKE 'wait%'")
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout == "@@autocommit\tDATABASE()\n0\tNULL\nVariable_name\tValue\nwait_timeout\t28800\n")
        #expect(try sql(dir, "SET PASSWORD = PASSWORD('x')").stderr.contains("the disk holding the data directory \(dir) is full"))
        try FileManager.default.removeItem(atPath: filler)
        #expect(try sql(dir, "INSERT INTO d.t VALUES (-1, 'x')").status == 0)
        #expect(try sql(dir, "SELECT COUNT(*) FROM d.t").stdout.contains("40001"))
    }

    /// A restore whose downloads find the data disk full stops, leaves the data as it was and
    /// works once there is room.
    @Test func aRestoreOntoAFullDiskIsCancelledBeforeCommit() throws {
        let disk = try SmallDisk(megabytes: 24)
        let (dir, csv) = try cluster(dataOn: disk)
        let repository = SnapDeckProcess.temporaryDirectory()
        defer { cleanUp(repository, csv) }
        #expect(try sql(dir, "CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(repository)'; BACKUP SNAPSHOT d.b TO r").status == 0)
        let sums = try sql(dir, "CHECKSUM TABLE d.t").stdout
        // Room for the catalog's few pages, not for 2 MB of segments.
        let filler = disk.fill()
        let truncate = open(filler, O_WRONLY)
        ftruncate(truncate, max(0, Int(try FileManager.default.attributesOfItem(atPath: filler)[.size] as? Int ?? 0) - (600 << 10)))
        close(truncate)
        let restore = try sql(dir, "RESTORE SNAPSHOT d.b FROM r ON (t AS copy) PROPERTIES ('backup_timestamp' = '\(try timestamp(dir))', 'replication_num' = '1')")
        #expect(restore.status == 1)
        #expect(restore.stderr.contains("No space left on device"), "\(restore.stderr)")
        #expect(try sql(dir, "SHOW TABLES FROM d").stdout.split(separator: "\n").map(String.init) == ["Tables_in_d", "t"])
        #expect(try sql(dir, "CHECKSUM TABLE d.t").stdout == sums)
        try FileManager.default.removeItem(atPath: filler)
        #expect(try restoredChecksum(dir, label: "b") == sums.replacingOccurrences(of: "d.t", with: "d.copy"))
    }

    private func timestamp(_ dir: String) throws -> String {
        let lines = try sql(dir, "SHOW SNAPSHOT ON r").stdout.split(separator: "\n")
        return lines.count > 1 ? String(lines[1].split(separator: "\t")[1]) : ""
    }

    private func restoredChecksum(_ dir: String, label: String) throws -> String {
        let restore = try sql(dir, "RESTORE SNAPSHOT d.\(label) FROM r ON (t AS copy) PROPERTIES ('backup_timestamp' = '\(try timestamp(dir))', 'replication_num' = '1')")
        #expect(restore.status == 0, "\(restore.stderr)")
        return try sql(dir, "CHECKSUM TABLE d.copy").stdout
    }

    private func cleanUp(_ dir: String?, _ csv: String) {
        if let dir { try? FileManager.default.removeItem(atPath: dir) }
        try? FileManager.default.removeItem(atPath: csv)
    }
}
