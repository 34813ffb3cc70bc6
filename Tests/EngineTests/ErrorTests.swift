import Engine
import Foundation
import Testing

@Suite struct ErrorTests {
    @Test func unknownObjectsUseMySQLCodes() throws {
        let t = try TestCluster()
        #expect(t.error("USE nope")?.code == 1049)
        #expect(t.error("SELECT * FROM t")?.code == 1046)
        try t.sql("CREATE DATABASE d; USE d")
        #expect(t.error("SELECT * FROM t")?.description == "ERROR 1146 (42S02): Table 'd.t' doesn't exist")
        #expect(t.error("CREATE DATABASE d")?.code == 1007)
        #expect(t.error("SELEC 1")?.code == 1064)
        #expect(t.error("SELEC 1")?.message.contains("near 'SELEC 1'") == true)
    }

    @Test func badLoadsChangeNothing() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE d; USE d")
        try t.sql("CREATE TABLE t (k INT NOT NULL, d DATE) PARTITION BY RANGE(k) (PARTITION p VALUES LESS THAN (100)) DISTRIBUTED BY HASH(k) BUCKETS 2")
        try t.sql("INSERT INTO t VALUES (1, '2025-01-01')")
        let before = try t.sql("CHECKSUM TABLE t")
        let versions = try t.sql("SHOW PARTITIONS FROM t").rows.map { $0[2] }
        #expect(t.error("INSERT INTO t VALUES (2, '2025-01-01'), (500, '2025-01-01')")?.code == 1526)
        #expect(t.error("INSERT INTO t VALUES ('x', NULL)")?.code == 1366)
        #expect(t.error("INSERT INTO t VALUES (NULL, NULL)")?.code == 1048)
        #expect(t.error("INSERT INTO t VALUES (1)")?.code == 1136)
        #expect(t.error("INSERT INTO t (nope) VALUES (1)")?.code == 1054)
        let csv = try t.writeFile("bad.csv", "3,2025-01-01\n4,2025-13-01\n")
        let error = t.error("LOAD DATA LOCAL INFILE '\(csv)' INTO TABLE t")
        #expect(error?.message.contains("line 2") == true)
        #expect(try t.sql("CHECKSUM TABLE t") == before)
        #expect(try t.sql("SHOW PARTITIONS FROM t").rows.map { $0[2] } == versions)
        let files = try FileManager.default.subpathsOfDirectory(atPath: t.path + "/backends").filter { $0.hasSuffix(".dat") }
        #expect(files.count == 3)  // the one good load, on 3 replicas
    }

    @Test func unsafeNamesAreRejected() throws {
        let t = try TestCluster()
        #expect(t.error("CREATE DATABASE `a/b`")?.code == 1102)
        #expect(t.error("CREATE DATABASE `..`")?.code == 1102)
        #expect(t.error("CREATE DATABASE `\(String(repeating: "x", count: 65))`")?.code == 1102)
        try t.sql("CREATE DATABASE d; USE d")
        #expect(t.error("CREATE TABLE `x/../y` (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1")?.code == 1103)
        #expect(t.error("CREATE TABLE t (k INT, k INT) DISTRIBUTED BY HASH(k) BUCKETS 1")?.code == 1060)
    }

    @Test func replicationCannotExceedBackends() throws {
        let t = try TestCluster(backends: 2)
        try t.sql("CREATE DATABASE d; USE d")
        let error = t.error("CREATE TABLE t (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num'='3')")
        #expect(error?.message.hasPrefix("Failed to find enough backend") == true)
        try t.sql("CREATE TABLE t (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1")
        #expect(try t.sql("SHOW TABLET FROM t").rows.count == 2)
    }

    @Test func secondProcessIsRefused() throws {
        let t = try TestCluster()
        // flock is per open file description, so a second open in this process conflicts too.
        #expect(throws: SQLError.self) { try Cluster.open(path: t.path) }
        do {
            _ = try Cluster.open(path: t.path)
        } catch {
            #expect(error.message == "data directory \(t.path) is in use by process \(getpid())")
        }
    }
}
