@testable import Engine
import Foundation
import Testing

/// LOAD DATA reads regular files only, streams big files into several segments per tablet
/// (tests shrink `load_read_chunk_bytes` and `load_buffer_bytes` to get many of both from a
/// small file), and stays all or nothing.
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

    /// `rows` CSV lines with quoted commas, doubled quotes, line breaks inside quotes and NULLs.
    func csv(rows: Int, from first: Int = 1) -> String {
        var text = ""
        for i in first..<(first + rows) {
            let note: String
            switch i % 5 {
            case 0: note = "\"a, \"\"quoted\"\" note \(i)\""
            case 1: note = "\"two\r\nlines \(i)\""
            case 2: note = "\\N"
            case 3: note = "上海 \(i)"
            default: note = "plain-\(i)"
            }
            text += "\(i),2025-0\(1 + i % 2)-\(10 + i % 17),\(note)\r\n"
        }
        return text
    }

    func makeSmall(_ t: TestCluster) throws {
        try t.sql("ADMIN SET FRONTEND CONFIG ('load_read_chunk_bytes' = '1000')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('load_buffer_bytes' = '8192')")
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

    @Test func aLoadOfManyChunksAndSegmentsIsOneVersionAndSurvivesBackupAndRestore() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.sql("CREATE DATABASE shop; USE shop")
        try createTable(t, "one")
        try createTable(t, "big")
        let file = try t.writeFile("big.csv", "id,d,note\n" + csv(rows: 6000))
        // The same file with default knobs: one segment per tablet.
        try t.sql("LOAD DATA INFILE '\(file)' INTO TABLE one IGNORE 1 LINES")
        #expect(try t.sql("SHOW TABLET FROM one").rows.allSatisfy { $0[6] == "1" })
        try makeSmall(t)
        let result = try t.sql("LOAD DATA INFILE '\(file)' INTO TABLE big IGNORE 1 LINES")
        #expect(result.affectedRows == 6000)
        #expect(try t.sql("CHECKSUM TABLE big").rows[0][1] == t.sql("CHECKSUM TABLE one").rows[0][1])
        #expect(try t.sql("SELECT * FROM big ORDER BY id").rows == t.sql("SELECT * FROM one ORDER BY id").rows)
        #expect(try t.scalar("SELECT COUNT(*) FROM big WHERE note IS NULL") == "1200")
        // One new version per partition, however many segments each tablet got.
        #expect(try t.sql("SHOW PARTITIONS FROM big").rows.map { $0[2] } == ["2", "2"])
        let tablets = try t.sql("SHOW TABLET FROM big").rows
        #expect(tablets.allSatisfy { $0[4] == "2" && $0[5] == "1" })
        let fileCounts = tablets.map { Int($0[6]!)! }
        #expect(fileCounts.allSatisfy { $0 > 2 })
        #expect(dataFiles(t).filter { $0.contains("/\(tablets[0][0]!)/") }.count == fileCounts[0] * 2)
        #expect(!dataFiles(t).contains { $0.hasSuffix(".tmp") })
        try t.sql("INSERT INTO big VALUES (7000, '2025-01-01', 'later')")
        #expect(try t.sql("SHOW PARTITIONS FROM big").rows.map { $0[2] } == ["3", "2"])
        let sum = try t.sql("CHECKSUM TABLE big").rows[0][1]
        let layout = try t.sql("SHOW TABLET FROM big").rows.map { [$0[3], $0[4], $0[5], $0[6], $0[7], $0[8]] }

        try t.sql("CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(t.repositoryPath)'")
        try t.sql("BACKUP SNAPSHOT shop.snap TO repo ON (big)")
        #expect(try t.waitForBackup("snap"))
        let segments = t.repositoryFiles().filter { $0.contains(".dat.") }
        #expect(segments.count == layout.enumerated().filter { $0.offset % 2 == 0 }.map { Int($0.element[3]!)! }.reduce(0, +))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'").rows.first?[1] ?? nil)

        // Into a new database, and over the table itself after it lost its rows.
        try t.sql("CREATE DATABASE copy")
        try t.sql("RESTORE SNAPSHOT copy.snap FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')")
        try t.sql("TRUNCATE TABLE shop.big")
        #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM copy").rows.last?[4] == "FINISHED" })
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo ON (big) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')")
        #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM shop").rows.last?[4] == "FINISHED" })
        for table in ["copy.big", "shop.big"] {
            #expect(try t.sql("CHECKSUM TABLE \(table)").rows[0][1] == sum, "\(table)")
            #expect(try t.scalar("SELECT COUNT(*) FROM \(table)") == "6001", "\(table)")
            let restored = try t.sql("SHOW TABLET FROM \(table)").rows
            // Same rowsets per tablet, each tablet still at the versions it had.
            #expect(restored.map { [$0[3], $0[5], $0[6], $0[7], $0[8]] } == layout.map { [$0[0], $0[2], $0[3], $0[4], $0[5]] }, "\(table)")
        }
        #expect(try t.sql("SHOW PARTITIONS FROM copy.big").rows.map { $0[2] } == ["3", "2"])
    }

    @Test func aBadRowNearTheEndOfABigLoadLeavesNothing() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE d; USE d")
        try createTable(t, "t")
        try t.sql("INSERT INTO t VALUES (1, '2025-01-05', 'a')")
        try makeSmall(t)
        let before = try observe(t, "t")
        let good = csv(rows: 5990, from: 2).replacingOccurrences(of: "\r\n", with: "\n")
        let line = good.filter { $0 == "\n" }.count + 1
        let cases: [(String, String, Int)] = [
            ("9999,2025-13-01,bad\n", "Incorrect DATE value: '2025-13-01' for column 'd' at line \(line) of ", 1366),
            ("9999,2025-05-01,late\n", "Table has no partition for value 2025-05-01 at line \(line) of ", 1526),
            ("9999,2025-01-01,\"open\n", "Unterminated quoted field starting at line \(line) of ", 1105),
        ]
        for (bad, message, code) in cases {
            let file = try t.writeFile("bad.csv", good + bad + "9001,2025-01-02,tail\n9002,2025-01-03,tail\n")
            let error = t.error("LOAD DATA INFILE '\(file)' INTO TABLE t")
            #expect(error?.code == code)
            #expect(error?.message == message + (file as NSString).lastPathComponent, "\(bad)")
            #expect(try observe(t, "t") == before)
            #expect(try t.cluster!.recordedGarbage().isEmpty)
        }
        // A segment that cannot be written (its tablet folder is a file) fails the load the
        // same way, though it fails on the background writer while rows are still read.
        let tablet = try #require(try t.sql("SHOW TABLET FROM t").rows.first { $0[6] == "0" })
        let blocker = t.path + "/" + tablet[10]!
        // The failed loads above left the folder empty, if they created it.
        #expect(rmdir(blocker) == 0 || errno == ENOENT)
        try FileManager.default.createDirectory(atPath: (blocker as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data()))
        let file = try t.writeFile("fine.csv", csv(rows: 6000, from: 2))
        let failure = t.error("LOAD DATA INFILE '\(file)' INTO TABLE t")
        #expect(failure?.message == "Load failed: cannot create directory \(blocker): File exists", "\(String(describing: failure))")
        try FileManager.default.removeItem(atPath: blocker)
        #expect(try observe(t, "t") == before)
        #expect(try t.cluster!.recordedGarbage().isEmpty)
        // load_max_rows_per_statement still caps a statement, however it is written.
        try t.sql("ADMIN SET FRONTEND CONFIG ('load_max_rows_per_statement' = '5000')")
        let many = try t.writeFile("many.csv", csv(rows: 5001, from: 2))
        #expect(t.error("LOAD DATA INFILE '\(many)' INTO TABLE t")?.message == "LOAD DATA exceeds load_max_rows_per_statement (5000 rows)")
        #expect(try observe(t, "t") == before)
        try t.sql("ADMIN SET FRONTEND CONFIG ('load_max_rows_per_statement' = '5001')")
        #expect(try t.sql("LOAD DATA INFILE '\(many)' INTO TABLE t").affectedRows == 5001)
    }
}

/// The error a statement run on another thread failed with.
final class LockedResult: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: SQLError?
    func set(_ error: SQLError) { lock.withLock { stored = error } }
    var error: SQLError? { lock.withLock { stored } }
}
