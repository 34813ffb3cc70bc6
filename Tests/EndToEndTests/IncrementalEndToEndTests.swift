import Foundation
import TestSupport
import Testing

/// Incremental backups with the real binary and real files: a nightly chain with loads in
/// between (new partitions and new rows in old ones), every link restored to the checksums it
/// had at backup time, the bytes each link uploaded, ADMIN CHECK SNAPSHOT of the chain, and
/// the same on the S3 test server.
@Suite(.serialized) struct IncrementalEndToEndTests {
    private func dataFiles(_ c: CrashCluster, _ label: String) -> [String] {
        c.repositoryFiles(label).filter { $0.contains("/__ss_content/") && $0.contains(".dat.") }
    }

    @Test func aNightlyChainRestoresEveryNightExactly() throws {
        let c = try CrashCluster()
        defer { c.remove() }
        var nights = [try c.night("full")]
        try c.load("""
            INSERT INTO d.t VALUES (11, 'k');
            ALTER TABLE d.p ADD PARTITION p3 VALUES LESS THAN ("2025-04-01");
            INSERT INTO d.p VALUES (4, '2025-03-04'), (5, '2025-03-09');
            """)
        nights.append(try c.night("inc1", "'type' = 'incremental'"))
        // Only rows into an existing partition of d.p: nothing of d.t changes.
        try c.load("INSERT INTO d.p VALUES (6, '2025-01-20'), (7, '2025-02-21')")
        nights.append(try c.night("inc2", "'type' = 'incremental'"))
        try c.load("""
            ALTER TABLE d.p ADD PARTITION p4 VALUES LESS THAN ("2025-05-01");
            INSERT INTO d.p VALUES (8, '2025-04-01');
            INSERT INTO d.t VALUES (12, 'l'), (13, 'm');
            """)
        nights.append(try c.night("inc3", "'type' = 'incremental', 'base_snapshot' = 'inc2'"))
        #expect(Set(nights.map(\.sums)).count == 4, "each load changed the data")

        for (night, base) in zip(nights.dropFirst(), nights) {
            let row = try c.backupRow(night.label)
            #expect(row["State"] == "FINISHED" && row["Type"] == "INCREMENTAL" && row["BaseSnapshot"] == base.label, "\(row)")
            let uploaded = Int64(row["UploadedBytes"] ?? "") ?? -1
            let total = Int64(row["TotalBytes"] ?? "") ?? -1
            #expect(uploaded > 0 && uploaded < total, "\(night.label): uploaded \(uploaded) of \(total)")
        }
        #expect(try c.backupRow("full")["Type"] == "FULL")
        let tableT = try c.tableId("t")
        #expect(!tableT.isEmpty)
        #expect(!dataFiles(c, "inc2").isEmpty)
        #expect(dataFiles(c, "inc2").allSatisfy { !$0.contains("/__tbl_\(tableT)/") }, "files of the unchanged d.t were uploaded again")
        #expect(dataFiles(c, "inc3").count < dataFiles(c, "full").count)

        for night in nights {
            let problems = try c.restoreAndCheck(night)
            #expect(problems.isEmpty, "\(problems)")
        }

        // A segment of d.t that every night still reads lives only in the full snapshot's folder.
        let victim = try #require(dataFiles(c, "full").first { $0.contains("/__tbl_\(tableT)/") })
        try FileManager.default.removeItem(atPath: c.repository + "/" + victim)
        let check = try c.sql("ADMIN CHECK SNAPSHOT inc3 ON r").stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let missing = check.first { $0.count > 4 && $0[3] == "MISSING" }
        #expect(missing?[2].hasSuffix(victim) == true && missing?[4].contains("held by snapshot full") == true, "\(check)")
        #expect(check.last?[3] == "DAMAGED")
        #expect(c.audit().isEmpty, "\(c.audit())")
    }

    @Test func errorsAreClearAndTheFirstIncrementalIsFull() throws {
        let c = try CrashCluster()
        defer { c.remove() }
        let first = try c.sql("BACKUP SNAPSHOT d.night1 TO r PROPERTIES ('type' = 'incremental')")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try c.backupRow("night1")["Type"] == "FULL")
        let log = (try? String(contentsOfFile: c.dir + "/log/snapdeck.log", encoding: .utf8)) ?? ""
        #expect(log.contains("so this incremental backup is taken in full"), "\(log.suffix(2000))")
        let missing = try c.sql("BACKUP SNAPSHOT d.night2 TO r PROPERTIES ('type' = 'incremental', 'base_snapshot' = 'nope')")
        #expect(missing.status != 0 && missing.stderr.contains("Base snapshot nope does not exist in repository r"), "\(missing.stderr)")
        let stray = try c.sql("BACKUP SNAPSHOT d.night2 TO r PROPERTIES ('base_snapshot' = 'night1')")
        #expect(stray.status != 0 && stray.stderr.contains("is only valid with \"type\" = \"incremental\""), "\(stray.stderr)")
        #expect(c.repositoryFiles("night2").isEmpty)
    }

    @Test func aChainOnTheS3TestServer() throws {
        let server = try S3TestServer()
        let c = try CrashCluster()
        defer { c.remove() }
        let create = try c.sql("""
            CREATE REPOSITORY s3r WITH S3 ON LOCATION 's3://snapdeck/incremental' PROPERTIES (
                'AWS_ENDPOINT' = '\(server.endpoint)', 'AWS_REGION' = 'us-east-1',
                'AWS_ACCESS_KEY' = '\(server.accessKey)', 'AWS_SECRET_KEY' = '\(server.secretKey)', 'use_path_style' = 'true')
            """)
        #expect(create.status == 0, "\(create.stderr)")
        var nights: [CrashCluster.Night] = []
        for (label, load) in [("s0", ""), ("s1", "INSERT INTO d.t VALUES (21, 'u')"), ("s2", "INSERT INTO d.p VALUES (9, '2025-01-30')")] {
            if !load.isEmpty { try c.load(load) }
            let backup = try c.sql("BACKUP SNAPSHOT d.\(label) TO s3r PROPERTIES ('type' = 'incremental')")
            #expect(backup.status == 0, "\(backup.stderr)")
            let timestamp = try c.sql("SHOW SNAPSHOT ON s3r WHERE SNAPSHOT = '\(label)'").stdout.split(separator: "\n").last?.split(separator: "\t")[1] ?? ""
            nights.append(CrashCluster.Night(label: label, timestamp: String(timestamp), sums: c.values(try c.checksums())))
        }
        #expect(try c.backupRow("s0")["Type"] == "FULL")
        #expect(try c.backupRow("s2")["BaseSnapshot"] == "s1")
        let store = try server.store(prefix: "incremental")
        let s2Data = try store.list(prefix: "__palo_repository_s3r/__ss_s2/").filter { $0.key.contains(".dat.") }
        let s0Data = try store.list(prefix: "__palo_repository_s3r/__ss_s0/").filter { $0.key.contains(".dat.") }
        #expect(!s2Data.isEmpty && s2Data.count < s0Data.count)
        for night in nights {
            let copy = "copy_\(night.label)"
            let restore = try c.sql("CREATE DATABASE \(copy); RESTORE SNAPSHOT \(copy).\(night.label) FROM s3r PROPERTIES ('backup_timestamp' = '\(night.timestamp)', 'replication_num' = '2')")
            #expect(restore.status == 0, "\(night.label): \(restore.stderr)")
            #expect(c.values(try c.sql("CHECKSUM TABLE \(copy).t, \(copy).p").stdout) == night.sums, "restore of \(night.label)")
            let check = try c.sql("ADMIN CHECK SNAPSHOT \(night.label) ON s3r").stdout.split(separator: "\n").last?.split(separator: "\t")
            #expect(check?[3] == "OK", "\(night.label): \(String(describing: check))")
        }
    }
}
