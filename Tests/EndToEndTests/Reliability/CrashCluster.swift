import Foundation
import TestSupport

/// A data directory and a local repository for one crash attempt, driven through the real
/// binary: tables `d.t` (8 buckets, 2 replicas, two versions) and `d.p` (range-partitioned),
/// repository `r`, and the checksums they had when set up.
final class CrashCluster {
    let dir = SnapDeckProcess.temporaryDirectory()
    var repository: String { dir + "-repo" }
    private(set) var sourceChecksums = ""

    init() throws {
        let setup = try sql("""
            CREATE DATABASE d;
            CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(20)) DISTRIBUTED BY HASH(k) BUCKETS 8 PROPERTIES ('replication_num' = '2');
            INSERT INTO d.t VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d'),(5,'e'),(6,'f'),(7,'g'),(8,'h');
            INSERT INTO d.t VALUES (9,'i'),(10,'j');
            CREATE TABLE d.p (k INT NOT NULL, day DATE NOT NULL) DUPLICATE KEY(k, day)
                PARTITION BY RANGE(day) (PARTITION p1 VALUES LESS THAN ("2025-02-01"), PARTITION p2 VALUES LESS THAN ("2025-03-01"))
                DISTRIBUTED BY HASH(k) BUCKETS 2 PROPERTIES ('replication_num' = '2');
            INSERT INTO d.p VALUES (1, '2025-01-02'), (2, '2025-02-03'), (3, '2025-02-04');
            CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(repository)';
            """)
        guard setup.status == 0 else { throw TestServerError("setup failed: \(setup.stderr)") }
        sourceChecksums = try checksums()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.removeItem(atPath: repository)
    }

    @discardableResult
    func sql(_ text: String, _ extra: [String] = []) throws -> ChildProcess.Output {
        try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv"] + extra + ["-e", text])
    }

    /// Starts `snapdeck sql -e text` without waiting (to kill it midway).
    func start(_ text: String) throws -> ChildProcess {
        try SnapDeckProcess.start(["sql", "--data", dir, "-e", text])
    }

    func checksums() throws -> String { try sql("CHECKSUM TABLE d.t, d.p").stdout }

    /// Loads more data (`text`); the checksums a later backup must restore become the new ones.
    func load(_ text: String) throws {
        let loaded = try sql(text)
        guard loaded.status == 0 else { throw TestServerError("load failed: \(loaded.stderr)") }
        sourceChecksums = try checksums()
    }

    /// The id of table `name` of `d`, read from the catalog (repository folders are named by ids).
    func tableId(_ name: String) throws -> String {
        let query = "SELECT t.id FROM tables t JOIN databases d ON d.id = t.databaseId WHERE d.name = 'd' AND t.name = '\(name)'"
        return try ChildProcess.run("/usr/bin/sqlite3", ["file:\(dir)/meta.sqlite?mode=ro", query]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The row of SHOW BACKUP for `label`, by column name.
    func backupRow(_ label: String) throws -> [String: String] {
        let lines = try sql("SHOW BACKUP FROM d WHERE SnapshotName = '\(label)'").stdout.split(separator: "\n")
        guard lines.count > 1 else { return [:] }
        let cells = { (line: Substring) in line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        return Dictionary(zip(cells(lines[0]), cells(lines[lines.count - 1])), uniquingKeysWith: { a, _ in a })
    }

    /// The checksum column of CHECKSUM TABLE's output, in row order.
    func values(_ output: String) -> [String] {
        output.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t").last ?? "") }
    }

    /// One backup: its label, timestamp and the checksums of d.t and d.p when it ran.
    struct Night {
        var label: String
        var timestamp: String
        var sums: [String]
    }

    /// Backs up `d` as `label` with `properties` (the inside of PROPERTIES (...), or empty).
    func night(_ label: String, _ properties: String = "") throws -> Night {
        let backup = try sql("BACKUP SNAPSHOT d.\(label) TO r" + (properties.isEmpty ? "" : " PROPERTIES (\(properties))"))
        guard backup.status == 0 else { throw TestServerError("backup of \(label) failed: \(backup.stderr)") }
        return Night(label: label, timestamp: try timestamp(label), sums: values(try checksums()))
    }

    /// Restores `night` into a new database (`copy_<label>` unless `copy` names one) and checks
    /// the snapshot: the problems found (a restore whose checksums differ from the night's, a
    /// CHECK not OK).
    func restoreAndCheck(_ night: Night, into copy: String? = nil) throws -> [String] {
        let copy = copy ?? "copy_\(night.label)"
        var problems = expectSuccess(
            try sql("CREATE DATABASE \(copy); RESTORE SNAPSHOT \(copy).\(night.label) FROM r PROPERTIES ('backup_timestamp' = '\(night.timestamp)', 'replication_num' = '2')"),
            "restore of \(night.label)")
        let restored = values(try sql("CHECKSUM TABLE \(copy).t, \(copy).p").stdout)
        if restored != night.sums { problems.append("restored \(night.label) as \(restored), backed up \(night.sums)") }
        let check = try sql("ADMIN CHECK SNAPSHOT \(night.label) ON r").stdout.split(separator: "\n").dropFirst()
        if check.count != 1 || check.first?.split(separator: "\t")[3] != "OK" { problems.append("CHECK of \(night.label): \(Array(check))") }
        return problems
    }

    /// Backs up `d` as `label` and returns the snapshot's timestamp.
    func backUp(_ label: String) throws -> String {
        let backup = try sql("BACKUP SNAPSHOT d.\(label) TO r")
        guard backup.status == 0 else { throw TestServerError("backup failed: \(backup.stderr)") }
        return try timestamp(label)
    }

    func timestamp(_ label: String) throws -> String {
        let lines = try sql("SHOW SNAPSHOT ON r WHERE SNAPSHOT = '\(label)'").stdout.split(separator: "\n")
        return lines.count > 1 ? String(lines[1].split(separator: "\t")[1]) : ""
    }

    func expectSuccess(_ output: ChildProcess.Output, _ what: String) -> [String] {
        output.status == 0 ? [] : ["\(what) exited \(output.status): \(output.stderr)"]
    }

    /// Files of the label's snapshot folder in the repository.
    func repositoryFiles(_ label: String) -> [String] {
        (FileManager.default.subpaths(atPath: repository) ?? []).filter { $0.contains("/__ss_\(label)/") }
    }

    func repositoryHasData(_ label: String) -> Bool {
        repositoryFiles(label).contains { $0.contains(".dat.") && !$0.hasSuffix(".part") }
    }

    func repositoryHasAny(_ label: String) -> Bool {
        !snapshotFiles(label).isEmpty
    }

    /// The regular files of the label's snapshot folder, relative to the repository.
    func snapshotFiles(_ label: String) -> Set<String> {
        Set(repositoryFiles(label).filter { FileManager.default.fileExists(atPath: repository + "/" + $0) && !isFolder($0) })
    }

    private func isFolder(_ relative: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: repository + "/" + relative, isDirectory: &folder) && folder.boolValue
    }

    /// A backup that must have finished: FINISHED [OK], listed OK, CHECK clean, the source
    /// unchanged, and a restore of it into another database gives the same checksums.
    func verifyBackup(_ label: String) throws -> [String] {
        var problems: [String] = []
        let show = try sql("SHOW BACKUP FROM d WHERE SnapshotName = '\(label)'").stdout.split(separator: "\n").last?
            .split(separator: "\t", omittingEmptySubsequences: false).map(String.init) ?? []
        if show.count < 13 || show[3] != "FINISHED" || show[12] != "[OK]" { problems.append("SHOW BACKUP: \(show)") }
        let check = try sql("ADMIN CHECK SNAPSHOT \(label) ON r").stdout.split(separator: "\n").dropFirst()
        if check.count != 1 || check.first?.split(separator: "\t")[3] != "OK" { problems.append("CHECK: \(Array(check))") }
        if try checksums() != sourceChecksums { problems.append("the source tables changed") }
        let copy = "copy_\(label)"
        problems += expectSuccess(try sql("CREATE DATABASE \(copy); RESTORE SNAPSHOT \(copy).\(label) FROM r PROPERTIES ('backup_timestamp' = '\(try timestamp(label))', 'replication_num' = '2')"), "restore of \(label)")
        let restored = try sql("CHECKSUM TABLE \(copy).t, \(copy).p").stdout
        if values(restored) != values(sourceChecksums) { problems.append("restored \(values(restored)), backed up \(values(sourceChecksums))") }
        return problems + audit()
    }

    func audit() -> [String] {
        RecoveryAudit(dataDirectory: dir, repository: repository).problems()
    }
}
