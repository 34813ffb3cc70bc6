import Crypto
import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct BackupCrashTests {
    static let states = ["PENDING", "SNAPSHOTING", "UPLOAD_SNAPSHOT", "UPLOADING", "SAVE_META", "UPLOAD_INFO"]

    /// kill -9 while a backup sits in each state, restart, and the job finishes with every
    /// repository file's MD5 matching its name.
    @Test(arguments: states)
    func killInEveryStateThenResume(state: String) throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        let repo = dir + "-repo"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: repo)
        }
        let setup = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            CREATE DATABASE d;
            CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(20)) DISTRIBUTED BY HASH(k) BUCKETS 8 PROPERTIES ('replication_num' = '2');
            INSERT INTO d.t VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d'),(5,'e'),(6,'f'),(7,'g'),(8,'h');
            INSERT INTO d.t VALUES (9,'i'),(10,'j');
            CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(repo)';
            ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '\(state)');
            """])
        #expect(setup.status == 0, "\(setup.stderr)")
        let backup = try SnapDeckProcess.start(["sql", "--data", dir, "-e", "BACKUP SNAPSHOT d.crash TO r"])
        let reached = SnapDeckProcess.poll(seconds: 30) { SnapDeckProcess.journalState(dir) == state }
        backup.signal(SIGKILL)
        backup.wait()
        #expect(reached, "job never reached \(state); journal says \(SnapDeckProcess.journalState(dir) ?? "nothing")")

        let resume = try SnapDeckProcess.run(["sql", "--data", dir, "--wait-all", "-e", "ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')"])
        #expect(resume.status == 0, "\(resume.stderr)")
        let show = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SHOW BACKUP FROM d; SHOW SNAPSHOT ON r"])
        let lines = show.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[1][3] == "FINISHED", "\(show.stdout)")
        #expect(lines[1][12] == "[OK]")
        #expect(lines.last?.first == "crash" && lines.last?.last == "OK")
        let files = (FileManager.default.subpaths(atPath: repo) ?? []).filter { $0.contains("__ss_crash/") && !isDirectory(repo + "/" + $0) }
        #expect(files.contains { $0.contains("/__info_") })
        #expect(files.contains { $0.contains(".dat.") })
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: repo + "/" + file))
            let md5 = Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
            #expect(file.hasSuffix("." + md5), "\(file) after kill in \(state)")
        }
        let snapshotDirs = (FileManager.default.subpaths(atPath: dir + "/backends") ?? []).filter { $0.hasSuffix("/snapshot") || $0.contains("/snapshot/") }
        #expect(snapshotDirs.allSatisfy { $0.hasSuffix("/snapshot") }, "\(snapshotDirs)")
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

    static let restoreStates = ["PENDING", "SNAPSHOTING", "DOWNLOAD", "DOWNLOADING", "COMMIT", "COMMITTING"]

    /// kill -9 while a restore over existing data sits in each state: before the restart the
    /// table still holds its previous data; after it the job finishes with the backed-up data.
    @Test(arguments: restoreStates)
    func killRestoreInEveryStateThenResume(state: String) throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        let repo = dir + "-repo"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: repo)
        }
        func sql(_ text: String, _ extra: [String] = []) throws -> ChildProcess.Output {
            try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv"] + extra + ["-e", text])
        }
        let setup = try sql("""
            CREATE DATABASE d;
            CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(20)) DISTRIBUTED BY HASH(k) BUCKETS 4 PROPERTIES ('replication_num' = '2');
            INSERT INTO d.t VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d');
            CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(repo)';
            BACKUP SNAPSHOT d.snap TO r;
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        let backedUp = try sql("CHECKSUM TABLE d.t").stdout
        let timestamp = try sql("SHOW SNAPSHOT ON r").stdout.split(separator: "\n").last?.split(separator: "\t")[1] ?? ""
        #expect(try sql("INSERT INTO d.t VALUES (5,'later'); ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '\(state)')").status == 0)
        let previous = try sql("CHECKSUM TABLE d.t").stdout
        #expect(previous != backedUp)
        let restore = try SnapDeckProcess.start(["sql", "--data", dir, "-e", "RESTORE SNAPSHOT d.snap FROM r PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')"])
        let reached = SnapDeckProcess.poll(seconds: 30) { SnapDeckProcess.journalState(dir, kind: "RESTORE") == state }
        restore.signal(SIGKILL)
        restore.wait()
        #expect(reached, "restore never reached \(state)")
        // Still paused after the restart: the previous data is intact and readable.
        #expect(try sql("CHECKSUM TABLE d.t").stdout == previous)
        let resume = try sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')", ["--wait-all"])
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(SnapDeckProcess.journalState(dir, kind: "RESTORE") == "FINISHED")
        #expect(try sql("CHECKSUM TABLE d.t").stdout == backedUp)
        let leftovers = (FileManager.default.subpaths(atPath: dir + "/backends") ?? []).filter { $0.contains("/snapshot/") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    private func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }
}
