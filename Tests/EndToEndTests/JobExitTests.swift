import Foundation
import TestSupport
import Testing

/// `snapdeck sql` waits for the jobs its statements start and exits 1 when one ends
/// CANCELLED, whether it is a backup or a restore; `--detach` leaves them to the next process.
@Suite struct JobExitTests {
    @Test func aRestoreThatEndsCancelledExitsWithOneAndSaysWhy() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        let repo = dir + "-repo"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: repo)
        }
        let setup = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            CREATE DATABASE d;
            CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(20)) DISTRIBUTED BY HASH(k) BUCKETS 2 PROPERTIES ('replication_num' = '1');
            INSERT INTO d.t VALUES (1, 'a'), (2, 'b'), (3, 'c');
            CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(repo)';
            BACKUP SNAPSHOT d.s TO r;
            """])
        #expect(setup.status == 0, "\(setup.stderr)")
        let show = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SHOW SNAPSHOT ON r"])
        let timestamp = String(show.stdout.split(separator: "\n")[1].split(separator: "\t")[1])
        // A damaged segment: the restore checks its MD5 and fails before COMMIT.
        let segment = try #require((FileManager.default.subpaths(atPath: repo) ?? []).first { $0.contains(".dat.") })
        var bytes = try Data(contentsOf: URL(fileURLWithPath: repo + "/" + segment))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: repo + "/" + segment))
        let restore = try SnapDeckProcess.run(["sql", "--data", dir, "-e",
            "RESTORE SNAPSHOT d.s FROM r ON (t AS t2) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '1')"])
        #expect(restore.status == 1)
        #expect(restore.stderr.contains("ERROR 1105 (HY000): restore s CANCELLED: [COMMON_ERROR, msg: invalid md5 of downloaded file: "), "\(restore.stderr)")
        #expect(restore.stderr.contains(segment.split(separator: "/").last.map(String.init) ?? "-"))
        #expect(!restore.stdout.contains("FINISHED"))
    }

    @Test func detachedJobsResumeInTheNextProcess() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        let repo = dir + "-repo"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: repo)
        }
        let first = try SnapDeckProcess.run(["sql", "--data", dir, "--detach", "-e", """
            CREATE DATABASE d; CREATE TABLE d.t (k INT) DISTRIBUTED BY HASH(k) BUCKETS 2;
            INSERT INTO d.t VALUES (1), (2);
            CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(repo)';
            ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'PENDING');
            BACKUP SNAPSHOT d.later TO r;
            """])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(SnapDeckProcess.journalState(dir) == "PENDING")
        let second = try SnapDeckProcess.run(["sql", "--data", dir, "--wait-all", "-e", "ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')"])
        #expect(second.status == 0)
        #expect(SnapDeckProcess.journalState(dir) == "FINISHED")
    }
}
