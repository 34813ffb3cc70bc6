import Foundation
import TestSupport
import Testing

/// kill -9 of the real binary with a job held in each of the 12 backup and restore states, and
/// between a CANCEL and its clean-up; then a restart. Every case ends with the job FINISHED
/// (or CANCELLED, for a cancel), the source data unchanged, the snapshot checked and restored
/// to the same checksums, and nothing left behind (`RecoveryAudit`). CI runs each case once;
/// `Scripts/reliability.sh` runs them `SNAPDECK_RELIABILITY_PASSES` times and tabulates.
@Suite(.serialized) struct CrashMatrixTests {
    static let backupStates = ["PENDING", "SNAPSHOTING", "UPLOAD_SNAPSHOT", "UPLOADING", "SAVE_META", "UPLOAD_INFO"]
    static let restoreStates = ["PENDING", "SNAPSHOTING", "DOWNLOAD", "DOWNLOADING", "COMMIT", "COMMITTING"]

    @Test(arguments: backupStates)
    func killABackupIn(state: String) throws {
        try attempts("backup \(state)") { c in
            try killAndResume("BACKUP SNAPSHOT d.crash TO r", in: state, c) ?? (try c.verifyBackup("crash"))
        }
    }

    /// The same for an incremental backup on a full one, after a load that added a partition
    /// and rows to old ones: the resumed job still uploads only what its base lacks, and its
    /// restore gives the data of its own time.
    @Test(arguments: backupStates)
    func killAnIncrementalBackupIn(state: String) throws {
        try attempts("incremental backup \(state)") { c in
            _ = try c.backUp("base")
            try c.load("""
                INSERT INTO d.t VALUES (11, 'k');
                ALTER TABLE d.p ADD PARTITION p3 VALUES LESS THAN ("2025-04-01");
                INSERT INTO d.p VALUES (4, '2025-03-04'), (5, '2025-01-06');
                """)
            if let problems = try killAndResume("BACKUP SNAPSHOT d.crash TO r PROPERTIES ('type' = 'incremental')", in: state, c) {
                return problems
            }
            var problems: [String] = []
            let row = try c.backupRow("crash")
            if row["Type"] != "INCREMENTAL" || row["BaseSnapshot"] != "base" { problems.append("SHOW BACKUP: \(row)") }
            let own = c.repositoryFiles("crash").filter { $0.contains(".dat.") }.count
            let base = c.repositoryFiles("base").filter { $0.contains(".dat.") }.count
            if own == 0 || own >= base { problems.append("the incremental snapshot holds \(own) segment files, its base \(base)") }
            return problems + (try c.verifyBackup("crash"))
        }
    }

    /// Runs `backup` (of label `crash`) until its job is in `state`, kills the process, and
    /// reopens the data directory until every job is done. Nil when that went as it should,
    /// else the problems.
    private func killAndResume(_ backup: String, in state: String, _ c: CrashCluster) throws -> [String]? {
        // UPLOADING is held by slow transfers, so the kill lands mid-copy (files done and
        // files half-written); the other states by pausing the job there.
        let hold = state == "UPLOADING" ? "('fault_transfer_stall_ms' = '300')" : "('fault_pause_at_state' = '\(state)')"
        try c.sql("ADMIN SET FRONTEND CONFIG \(hold)")
        let process = try c.start(backup)
        let reached = SnapDeckProcess.poll(seconds: 60) {
            SnapDeckProcess.journalState(c.dir) == state && (state != "UPLOADING" || c.repositoryHasData("crash"))
        }
        process.signal(SIGKILL)
        process.wait()
        guard reached else { return ["the job never reached \(state) (journal: \(SnapDeckProcess.journalState(c.dir) ?? "none"))"] }
        let resumed = c.expectSuccess(try c.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '', 'fault_transfer_stall_ms' = '0')", ["--wait-all"]), "resume")
        return resumed.isEmpty ? nil : resumed
    }

    @Test(arguments: restoreStates)
    func killARestoreIn(state: String) throws {
        try attempts("restore \(state)") { c in
            let timestamp = try c.backUp("snap")
            try c.sql("INSERT INTO d.t VALUES (100, 'later')")
            let previous = try c.checksums()
            let hold = state == "DOWNLOADING" ? "('fault_transfer_stall_ms' = '300')" : "('fault_pause_at_state' = '\(state)')"
            try c.sql("ADMIN SET FRONTEND CONFIG \(hold)")
            let restore = try c.start("RESTORE SNAPSHOT d.snap FROM r ON (t, p AS p2) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')")
            let reached = SnapDeckProcess.poll(seconds: 60) { SnapDeckProcess.journalState(c.dir, kind: "RESTORE") == state }
            restore.signal(SIGKILL)
            restore.wait()
            guard reached else { return ["the restore never reached \(state)"] }
            var problems: [String] = []
            // Before the restart finishes it, the previous data is intact and readable.
            if try c.checksums() != previous { problems.append("the table changed before the restore committed") }
            problems += c.expectSuccess(try c.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '', 'fault_transfer_stall_ms' = '0')", ["--wait-all"]), "resume")
            if SnapDeckProcess.journalState(c.dir, kind: "RESTORE") != "FINISHED" { problems.append("the restore did not finish") }
            let restored = c.values(try c.sql("CHECKSUM TABLE d.t, d.p2").stdout)
            if restored != c.values(c.sourceChecksums) { problems.append("restored \(restored), backed up \(c.values(c.sourceChecksums))") }
            return problems + c.audit()
        }
    }

    /// CANCEL BACKUP while transfers run, and the process dies before the clean-up: the next
    /// process removes every file the job wrote, and the label is free again.
    @Test func killBetweenCancelBackupAndItsCleanUp() throws {
        try attempts("backup CANCEL → clean-up") { c in
            try c.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_stall_ms' = '300')")
            let first = try c.start("BACKUP SNAPSHOT d.gone TO r")
            let uploading = SnapDeckProcess.poll(seconds: 60) { c.repositoryHasData("gone") }
            first.signal(SIGKILL)
            first.wait()
            guard uploading else { return ["the backup never uploaded"] }
            // The next process resumes the uploads, which now stall for a minute each, and
            // cancels; it is killed while the clean-up waits for them.
            try c.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_stall_ms' = '60000')", ["--detach"])
            let cancel = try c.start("CANCEL BACKUP FROM d")
            let cancelled = SnapDeckProcess.poll(seconds: 60) { SnapDeckProcess.journalState(c.dir) == "CANCELLED" }
            cancel.signal(SIGKILL)
            cancel.wait()
            guard cancelled else { return ["the cancel never happened"] }
            var problems = c.expectSuccess(try c.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_stall_ms' = '0')"), "reopen")
            if c.repositoryHasAny("gone") { problems.append("files of the cancelled backup are still in the repository") }
            problems += c.audit()
            problems += c.expectSuccess(try c.sql("BACKUP SNAPSHOT d.gone TO r"), "the label again")
            return problems + (try c.verifyBackup("gone"))
        }
    }

    /// CANCEL RESTORE while downloads run, and the process dies before the rollback: the next
    /// process drops the hidden table, so its name works again.
    @Test func killBetweenCancelRestoreAndItsRollback() throws {
        try attempts("restore CANCEL → rollback") { c in
            let timestamp = try c.backUp("snap")
            let previous = try c.checksums()
            try c.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_stall_ms' = '60000')")
            let restoreSQL = "RESTORE SNAPSHOT d.snap FROM r ON (t AS t2) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')"
            let restore = try c.start(restoreSQL)
            let downloading = SnapDeckProcess.poll(seconds: 60) { SnapDeckProcess.journalState(c.dir, kind: "RESTORE") == "DOWNLOADING" }
            restore.signal(SIGKILL)
            restore.wait()
            guard downloading else { return ["the restore never started downloading"] }
            let cancel = try c.start("CANCEL RESTORE FROM d")
            let cancelled = SnapDeckProcess.poll(seconds: 60) { SnapDeckProcess.journalState(c.dir, kind: "RESTORE") == "CANCELLED" }
            cancel.signal(SIGKILL)
            cancel.wait()
            guard cancelled else { return ["the cancel never happened"] }
            var problems = c.expectSuccess(try c.sql("ADMIN SET FRONTEND CONFIG ('fault_transfer_stall_ms' = '0')"), "reopen")
            if try c.checksums() != previous { problems.append("the source table changed") }
            problems += c.audit()
            problems += c.expectSuccess(try c.sql("CREATE TABLE d.t2 (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1; DROP TABLE d.t2"), "the name t2 again")
            problems += c.expectSuccess(try c.sql(restoreSQL), "the restore again")
            if c.values(try c.sql("CHECKSUM TABLE d.t2").stdout).first != c.values(c.sourceChecksums).first { problems.append("t2 differs from t") }
            return problems
        }
    }

    /// Runs `body` `ReliabilityReport.passes` times on fresh clusters, records each outcome and
    /// expects no problems.
    func attempts(_ name: String, _ body: (CrashCluster) throws -> [String]) throws {
        for pass in 1...ReliabilityReport.passes {
            let cluster = try CrashCluster()
            defer { cluster.remove() }
            let problems = try body(cluster)
            ReliabilityReport.record(suite: "crash", name: name, pass: pass, problems: problems)
            #expect(problems.isEmpty, "\(name), pass \(pass): \(problems)")
        }
    }
}
