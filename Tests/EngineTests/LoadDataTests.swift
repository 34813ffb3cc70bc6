@testable import Engine
import Foundation
import Testing

/// LOAD DATA reads regular files only, and a refused file changes nothing.
@Suite struct LoadDataTests {
    /// What a load must not change when it fails: rows, versions, tablets and files.
    struct Observed: Equatable {
        var checksum: [[String?]]
        var partitions: [[String?]]
        var tablets: [[String?]]
        var files: [String]
    }

    func observe(_ t: TestCluster, _ table: String) throws -> Observed {
        Observed(
            checksum: try t.sql("CHECKSUM TABLE \(table)").rows,
            partitions: try t.sql("SHOW PARTITIONS FROM \(table)").rows.map { row in row.enumerated().filter { $0.offset != 3 }.map(\.element) },
            tablets: try t.sql("SHOW TABLET FROM \(table)").rows,
            files: dataFiles(t))
    }

    /// Every file under the backends' data folders (staging names included).
    func dataFiles(_ t: TestCluster) -> [String] {
        (FileManager.default.subpaths(atPath: t.path + "/backends") ?? []).filter { $0.contains(".dat") }.sorted()
    }

    /// A table of 2 range partitions × 3 buckets × 2 replicas.
    func createTable(_ t: TestCluster, _ name: String) throws {
        try t.sql("""
            CREATE TABLE \(name) (id INT NOT NULL, d DATE NOT NULL, note VARCHAR(64)) DUPLICATE KEY(id, d)
            PARTITION BY RANGE(d) (PARTITION p1 VALUES LESS THAN ("2025-02-01"), PARTITION p2 VALUES LESS THAN ("2025-03-01"))
            DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ("replication_num" = "2")
            """)
    }

    /// Runs a statement aside, so a load that blocks fails the test instead of hanging it;
    /// `rescue` unblocks it.
    func errorWithin(_ t: TestCluster, _ sql: String, rescue: () -> Void) -> SQLError? {
        let cluster = t.cluster!
        let session = t.session
        let result = LockedResult()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var s = session
            do throws(SQLError) {
                _ = try cluster.execute(sql, session: &s)
            } catch {
                result.set(error)
            }
            done.signal()
        }
        if done.wait(timeout: .now() + 30) == .timedOut {
            Issue.record("blocked: \(sql)")
            rescue()
            done.wait()
        }
        return result.error
    }

    @Test func specialFilesAreRefusedWithoutBlockingAndChangeNothing() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE d; USE d")
        try createTable(t, "t")
        try t.sql("INSERT INTO t VALUES (1, '2025-01-05', 'a')")
        let before = try observe(t, "t")
        let folder = t.path + "-special"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fifo = folder + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/zero.csv", withDestinationPath: "/dev/zero")
        let refused: [(String, String)] = [
            (fifo, "'\(fifo)' is a FIFO"),
            ("/dev/zero", "'/dev/zero' is a character device"),
            ("/dev/urandom", "'/dev/urandom' is a character device"),
            ("/proc/self/environ", "'/proc/self/environ' is a file of the kernel's /proc file system"),
            (folder, "'\(folder)' is a directory"),
            (folder + "/zero.csv", "'\(folder)/zero.csv' is a symbolic link to '/dev/zero', which is a character device"),
        ]
        for local in ["", "LOCAL "] {
            for (path, what) in refused {
                let error = errorWithin(t, "LOAD DATA \(local)INFILE '\(path)' INTO TABLE t") {
                    close(open(fifo, O_WRONLY))
                }
                #expect(error?.code == 2)
                #expect(error?.message == "LOAD DATA reads regular files only: \(what), not a regular file")
            }
        }
        #expect(try observe(t, "t") == before)
    }
}

/// The error a statement run on another thread failed with.
final class LockedResult: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: SQLError?
    func set(_ error: SQLError) { lock.withLock { stored = error } }
    var error: SQLError? { lock.withLock { stored } }
}
