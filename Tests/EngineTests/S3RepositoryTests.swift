import Engine
import Foundation
import Repository
import Testing
import TestSupport

/// S3 repositories end to end in the engine, against nanio on 127.0.0.1.
@Suite struct S3RepositoryTests {
    func createSQL(_ server: S3TestServer, name: String = "s3repo", prefix: String = "backups", secret: String? = nil,
                   newSpelling: Bool = false) -> String {
        let keys = newSpelling
            ? ["s3.endpoint", "s3.region", "s3.access_key", "s3.secret_key"]
            : ["AWS_ENDPOINT", "AWS_REGION", "AWS_ACCESS_KEY", "AWS_SECRET_KEY"]
        let values = [server.endpoint, "us-east-1", server.accessKey, secret ?? server.secretKey]
        let properties = zip(keys, values).map { "\"\($0)\" = \"\($1)\"" }.joined(separator: ", ")
        return "CREATE REPOSITORY \(name) WITH S3 ON LOCATION \"s3://snapdeck/\(prefix)\" PROPERTIES (\(properties), \"use_path_style\" = \"true\")"
    }

    func timestamp(_ t: TestCluster, _ repository: String, _ label: String) throws -> String {
        try #require(try t.sql("SHOW SNAPSHOT ON \(repository) WHERE SNAPSHOT = '\(label)'").rows.first?[1] ?? nil)
    }

    func waitForRestore(_ t: TestCluster, _ db: String, _ label: String) throws -> Bool {
        try t.waitUntil { try t.sql("SHOW RESTORE FROM \(db) WHERE LABEL = '\(label)'").rows.last?[4] == "FINISHED" }
    }

    @Test func missingPropertiesGetDorisErrorsAndCreateNothing() throws {
        let server = try S3TestServer()
        let t = try TestCluster()
        let base = "CREATE REPOSITORY r WITH S3 ON LOCATION 's3://snapdeck/p' PROPERTIES "
        #expect(t.error(base + "('AWS_ENDPOINT' = '\(server.endpoint)')")?.message == "AWS_REGION not found.")
        #expect(t.error(base + "('s3.region' = 'us-east-1')")?.message == "AWS_ENDPOINT not found.")
        #expect(t.error(base + "('s3.region' = 'us-east-1', 's3.endpoint' = '\(server.endpoint)')")?.message == "AWS_ACCESS_KEY not found.")
        #expect(t.error(base + "('AWS_REGION' = 'us-east-1', 'AWS_ENDPOINT' = '\(server.endpoint)', 'AWS_ACCESS_KEY' = 'a')")?.message
            == "AWS_SECRET_KEY not found.")
        let typo = t.error(base + "('s3.regoin' = 'us-east-1')")?.message ?? ""
        #expect(typo.hasPrefix("Failed to create repository: unknown S3 property 's3.regoin'"), "\(typo)")
        let badLocation = t.error(createSQL(server).replacingOccurrences(of: "s3://snapdeck/backups", with: "/tmp/x"))?.message
        #expect(badLocation == "Failed to create repository: an S3 location is s3://bucket/prefix, got '/tmp/x'")
        #expect(try t.sql("SHOW REPOSITORIES").rows.isEmpty)
    }

    /// A syntax error quotes the text near the problem: a secret there is masked.
    @Test func syntaxErrorsDoNotQuoteSecrets() throws {
        let t = try TestCluster()
        for (index, sql) in [
            "CREATE REPOSITORY r WITH S3 ON LOCATION 's3://b/p' PROPERTIES ('AWS_SECRET_KEY' 'TopSecret-123', 'x')",
            "CREATE REPOSITORY r WITH S3 ON LOCATION 's3://b/p' PROPERTIES (\"s3.secret_key\" = \"TopSecret-123\" \"s3.region\")",
            "CREATE REPOSITORY r WITH S3 ON LOCATION 's3://b/p' PROPERTIES ('s3.session_token' = 'TopSecret-123' " + String(repeating: "x", count: 90),
        ].enumerated() {
            let message = t.error(sql)?.message ?? ""
            #expect(message.hasPrefix("You have an error in your SQL syntax"), "\(message)")
            #expect(!message.contains("TopS"), "\(message)")
            // The first two fail right at the secret, so the quoted text held it.
            #expect(index == 2 || message.contains("******"), "\(message)")
        }
    }

    @Test func theConnectionIsCheckedAtCreateTimeAndSecretsNeverShow() throws {
        let server = try S3TestServer()
        let t = try TestCluster()
        let wrong = "wrong-secret-\(UUID().uuidString.prefix(6))"
        let denied = t.error(createSQL(server, secret: wrong))?.message ?? ""
        #expect(denied.hasPrefix("Failed to create repository: LIST s3://snapdeck/backups: HTTP 403 SignatureDoesNotMatch"), "\(denied)")
        #expect(!denied.contains(wrong))
        let noBucket = t.error(createSQL(server).replacingOccurrences(of: "s3://snapdeck/", with: "s3://missing-bucket/"))?.message ?? ""
        #expect(noBucket.contains("bucket 'missing-bucket' does not exist at \(server.endpoint)"), "\(noBucket)")
        #expect(try t.sql("SHOW REPOSITORIES").rows.isEmpty)

        try t.sql(createSQL(server, newSpelling: true))
        let row = try t.sql("SHOW REPOSITORIES").rows[0]
        #expect(Array(row[4...7]) == ["s3://snapdeck/backups", "-", "S3", nil])
        let create = try #require(try t.sql("SHOW CREATE REPOSITORY FOR s3repo").rows[0][1])
        #expect(create.contains("\"s3.secret_key\" = \"******\""), "\(create)")
        #expect(create.contains("\"s3.access_key\" = \"\(server.accessKey)\""))
        // __repo_info went to the bucket, under the prefix.
        #expect(FileManager.default.fileExists(atPath: server.dataDirectory + "/snapdeck/backups/__palo_repository_s3repo/__repo_info"))
        let log = (try? String(contentsOfFile: t.path + "/log/snapdeck.log", encoding: .utf8)) ?? ""
        #expect(!log.contains(server.secretKey) && !create.contains(server.secretKey))
        // The catalog holding the secret is readable by its owner only.
        let attributes = try FileManager.default.attributesOfItem(atPath: t.path + "/meta.sqlite")
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
    }

    @Test func backupRestoreCheckAndDropOnS3WithMultipartFiles() throws {
        let server = try S3TestServer()
        let t = try TestCluster()
        try t.makeBackupFixture()
        // Tiny thresholds, so even these small segment files go up in several parts.
        try t.sql("ADMIN SET FRONTEND CONFIG ('s3_multipart_threshold_bytes' = '100')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('s3_multipart_part_size_bytes' = '64')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('s3_list_page_size' = '5')")
        try t.sql(createSQL(server))
        try t.sql("BACKUP SNAPSHOT shop.snap TO s3repo")
        #expect(try t.waitForBackup("snap"))
        let sums = try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] }
        let ts = try timestamp(t, "s3repo", "snap")
        #expect(try t.sql("SHOW SNAPSHOT ON s3repo").rows.map { [$0[0], $0[2]] } == [["snap", "OK"]])
        let uploaded = try server.store(prefix: "backups").list(prefix: "__palo_repository_s3repo/__ss_snap/")
        #expect(uploaded.contains { $0.key.contains("/__info_\(ts).") })
        #expect(uploaded.filter { $0.key.contains(".dat.") }.count >= 5)

        let check = try t.sql("ADMIN CHECK SNAPSHOT snap ON s3repo")
        #expect(check.rows.last?[3] == "OK", "\(check.rows)")

        try t.sql("CREATE DATABASE copy")
        try t.sql("RESTORE SNAPSHOT copy.snap FROM s3repo PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')")
        #expect(try waitForRestore(t, "copy", "snap"))
        #expect(try t.sql("CHECKSUM TABLE copy.orders, copy.items").rows.map { $0[1] } == sums)

        try t.sql("DROP SNAPSHOT snap ON s3repo")
        #expect(try server.store(prefix: "backups").list(prefix: "__palo_repository_s3repo/__ss_snap/").isEmpty)
        #expect(try server.store(prefix: "").incompleteUploads(prefix: "").isEmpty)
    }

    @Test func migrationThroughABucket() throws {
        let server = try S3TestServer()
        let source = try TestCluster()
        try source.makeBackupFixture()
        try source.sql(createSQL(server))
        try source.sql("BACKUP SNAPSHOT shop.move TO s3repo")
        #expect(try source.waitForBackup("move"))
        let sums = try source.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] }
        let target = try TestCluster(backends: 2)
        try target.sql("CREATE DATABASE shop")
        try target.sql(createSQL(server))
        let ts = try timestamp(target, "s3repo", "move")
        try target.sql("RESTORE SNAPSHOT shop.move FROM s3repo PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '2')")
        #expect(try waitForRestore(target, "shop", "move"))
        #expect(try target.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] } == sums)
    }

    @Test func aServerStoppedMidUploadShowsInTaskErrMsgAndTheJobFinishesWhenItIsBack() throws {
        let server = try S3TestServer()
        let t = try TestCluster()
        try t.makeBackupFixture()
        let clock = ManualClock()
        let cluster = try #require(t.cluster)
        cluster.scheduler.now = { clock.now() }
        try t.sql(createSQL(server))
        try t.sql("ADMIN SET FRONTEND CONFIG ('s3_request_attempts' = '1')")
        // Slow enough to be caught uploading.
        try t.sql("ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '300')")
        try t.sql("BACKUP SNAPSHOT shop.outage TO s3repo")
        #expect(try t.waitUntil { try t.backupState("outage") == "UPLOADING" })
        server.stop()
        let failed = try t.waitUntil(seconds: 60) {
            (try t.backupRow("outage")["TaskErrMsg"] ?? "")?.contains("cannot reach the S3 endpoint \(server.endpoint)") == true
        }
        #expect(failed, "\(String(describing: try? t.backupRow("outage")))")
        #expect(try t.backupState("outage") == "UPLOADING")
        try server.start()
        try t.sql("ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '0')")
        // Tasks still in flight when the server went away fail later; keep the job clock
        // moving so every retry comes due.
        let finished = try t.waitUntil(seconds: 60) {
            clock.advance(5)
            return try t.backupState("outage") == "FINISHED"
        }
        #expect(finished, "\(String(describing: try? t.backupRow("outage")))")
        // Every file the snapshot lists is there and intact, and nothing else is.
        let check = try t.sql("ADMIN CHECK SNAPSHOT outage ON s3repo")
        #expect(check.rows.count == 1 && check.rows.last?[3] == "OK", "\(check.rows)")
        #expect(check.rows.last?[4]?.hasPrefix("checked ") == true, "\(check.rows)")
    }

    @Test func cancelMidMultipartLeavesNothingInTheBucket() throws {
        let server = try S3TestServer()
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql(createSQL(server))
        try t.sql("ADMIN SET FRONTEND CONFIG ('s3_multipart_threshold_bytes' = '10')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('s3_multipart_part_size_bytes' = '8')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('s3_parts_in_flight' = '1')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '20')")
        try t.sql("BACKUP SNAPSHOT shop.halt TO s3repo")
        let store = try server.store(prefix: "backups")
        // Wait until a multipart upload is under way, then cancel.
        #expect(try t.waitUntil(seconds: 30) { try !store.incompleteUploads(prefix: "").isEmpty })
        try t.sql("CANCEL BACKUP FROM shop")
        let cleaned = try t.waitUntil {
            let status = (try t.backupRow("halt")["Status"] ?? "") ?? ""
            return status.contains("uploaded files") || status.contains("nothing was uploaded")
        }
        #expect(cleaned)
        #expect(try t.backupState("halt") == "CANCELLED")
        #expect(try t.waitUntil { try store.incompleteUploads(prefix: "").isEmpty })
        #expect(try store.list(prefix: "__palo_repository_s3repo/__ss_halt/").isEmpty)
    }
}
