import Foundation
import TestSupport
import Testing

/// The `snapdeck` binary with an S3 repository on nanio: a crash in the middle of multipart
/// uploads, the resume in the next process, a restore, and no secret in anything printed.
@Suite(.serialized) struct S3EndToEndTests {
    @Test func killMidMultipartResumeAndRestoreWithoutLeakingTheSecret() throws {
        let server = try S3TestServer()
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func sql(_ text: String, _ extra: [String] = []) throws -> ChildProcess.Output {
            try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv"] + extra + ["-e", text])
        }
        let setup = try sql("""
            CREATE DATABASE d;
            CREATE TABLE d.t (k INT NOT NULL, v VARCHAR(20)) DISTRIBUTED BY HASH(k) BUCKETS 4 PROPERTIES ('replication_num' = '2');
            INSERT INTO d.t VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d'),(5,'e'),(6,'f');
            CREATE REPOSITORY s3r WITH S3 ON LOCATION 's3://snapdeck/e2e' PROPERTIES (
                'AWS_ENDPOINT' = '\(server.endpoint)', 'AWS_REGION' = 'us-east-1',
                'AWS_ACCESS_KEY' = '\(server.accessKey)', 'AWS_SECRET_KEY' = '\(server.secretKey)', 'use_path_style' = 'true');
            ADMIN SET FRONTEND CONFIG ('s3_multipart_threshold_bytes' = '10');
            ADMIN SET FRONTEND CONFIG ('s3_multipart_part_size_bytes' = '8');
            ADMIN SET FRONTEND CONFIG ('s3_parts_in_flight' = '1');
            ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '20');
            """)
        #expect(setup.status == 0, "\(setup.stderr)")
        let store = try server.store(prefix: "e2e")

        let backup = try SnapDeckProcess.start(["sql", "--data", dir, "-e", "BACKUP SNAPSHOT d.crash TO s3r"])
        let deadline = Date().addingTimeInterval(30)
        while try store.incompleteUploads(prefix: "").isEmpty, Date() < deadline { usleep(20_000) }
        #expect(try !store.incompleteUploads(prefix: "").isEmpty, "no multipart upload was seen")
        backup.signal(SIGKILL)
        backup.wait()

        let resume = try sql("ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '0')", ["--wait-all"])
        #expect(resume.status == 0, "\(resume.stderr)")
        let show = try sql("SHOW BACKUP FROM d")
        #expect(show.stdout.split(separator: "\n").last?.split(separator: "\t")[3] == "FINISHED", "\(show.stdout)")
        // The parts the killed process left were aborted when the job resumed uploading.
        #expect(try store.incompleteUploads(prefix: "").isEmpty)
        let check = try sql("ADMIN CHECK SNAPSHOT crash ON s3r")
        #expect(check.stdout.split(separator: "\n").last?.split(separator: "\t")[3] == "OK", "\(check.stdout)")

        let sums = try sql("CHECKSUM TABLE d.t").stdout
        let timestamp = try sql("SHOW SNAPSHOT ON s3r").stdout.split(separator: "\n").last?.split(separator: "\t")[1] ?? ""
        let restore = try sql("""
            RESTORE SNAPSHOT d.crash FROM s3r ON (t AS t2) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '2')
            """, ["--wait-all"])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try sql("CHECKSUM TABLE d.t2").stdout.replacingOccurrences(of: "d.t2", with: "d.t") == sums)

        let shown = try sql("SHOW REPOSITORIES; SHOW CREATE REPOSITORY FOR s3r")
        #expect(shown.stdout.contains("'******'") || shown.stdout.contains("\"******\""), "\(shown.stdout)")
        let log = (try? String(contentsOfFile: dir + "/log/snapdeck.log", encoding: .utf8)) ?? ""
        for text in [setup.stdout, setup.stderr, resume.stdout, show.stdout, shown.stdout, restore.stdout, log] {
            #expect(!text.contains(server.secretKey))
        }
    }
}
