import Engine
import Foundation
import Repository
import TestSupport

extension TestCluster {
    /// A repository folder removed with the cluster.
    var repositoryPath: String { path + "-repo" }

    /// Creates `shop` with a range-partitioned `orders` (2 partitions, 3 buckets, 2 replicas)
    /// and an unpartitioned `items`, loads a few versions, and creates repository `repo`.
    func makeBackupFixture() throws {
        try sql("CREATE DATABASE shop; USE shop")
        try sql("""
            CREATE TABLE orders (id INT NOT NULL, d DATE NOT NULL, note VARCHAR(20)) DUPLICATE KEY(id, d)
            PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN ("2025-02-01"), PARTITION p2 VALUES LESS THAN ("2025-03-01"))
            DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ("replication_num" = "2")
            """)
        try sql("CREATE TABLE items (id INT, name VARCHAR(10)) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ('replication_num'='1')")
        try sql("INSERT INTO orders VALUES (1, '2025-01-05', 'a'), (2, '2025-02-07', 'b'), (3, '2025-01-31', '上海')")
        try sql("INSERT INTO orders VALUES (4, '2025-02-01', 'd')")
        try sql("INSERT INTO items VALUES (1, 'x'), (2, 'y')")
        try sql("CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(repositoryPath)'")
    }

    /// Polls until `condition` holds or `seconds` pass; returns whether it held.
    @discardableResult
    func waitUntil(seconds: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }

    /// The row of SHOW BACKUP for `label`, by column name.
    func backupRow(_ label: String, full: Bool = false) throws -> [String: String?] {
        let result = try sql("SHOW \(full ? "FULL " : "")BACKUP FROM shop WHERE SnapshotName = '\(label)'")
        guard let row = result.rows.last else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(result.columns, row))
    }

    func backupState(_ label: String) throws -> String? { try backupRow(label)["State"] ?? nil }

    func waitForBackup(_ label: String, state: String = "FINISHED", seconds: Double = 20) throws -> Bool {
        try waitUntil(seconds: seconds) { try backupState(label) == state }
    }

    /// Waits for a job that retries on `clock`, moving the clock on while it waits: a task
    /// dispatched before a fault was lifted may still fail later on a busy machine, and its
    /// retry must come due too.
    func waitForBackup(_ label: String, advancing clock: ManualClock) throws -> Bool {
        try waitUntil {
            clock.advance(60)
            return try backupState(label) == "FINISHED"
        }
    }

    /// Every file under the repository, relative to it.
    func repositoryFiles() -> [String] {
        (FileManager.default.subpaths(atPath: repositoryPath) ?? []).filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: repositoryPath + "/" + $0, isDirectory: &dir) && !dir.boolValue
        }.sorted()
    }
}

/// The snapshot and staging folders on the cluster's backends, as `<backend>/<folder>`.
func snapshotFolders(_ t: TestCluster) -> [String] {
    let backends = (try? FileManager.default.contentsOfDirectory(atPath: t.path + "/backends")) ?? []
    return backends.flatMap { be in
        ((try? FileManager.default.contentsOfDirectory(atPath: t.path + "/backends/\(be)/snapshot")) ?? []).map { "\(be)/\($0)" }
    }
}
