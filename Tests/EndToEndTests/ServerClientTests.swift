import Foundation
import TestSupport
import Testing

/// `snapdeck serve` with the clients Doris operators use: the MariaDB `mysql` client, pymysql
/// and mysql-connector-python, all started by the test.
@Suite(.serialized) struct ServerClientTests {
    static let setup = """
        CREATE DATABASE shop;
        CREATE TABLE shop.orders (id BIGINT NOT NULL, amount DECIMAL(10, 2), placed DATETIME, day DATE, note VARCHAR(20))
            DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ("replication_num" = "1");
        INSERT INTO shop.orders VALUES (1, 12.50, '2026-12-01 10:00:00', '2026-12-01', '北京'), (2, NULL, NULL, NULL, NULL);
        """

    @Test func theMySQLClientRunsDorisStatementsAndPrintsTheirAnswers() throws {
        let server = try ServeProcess()
        defer { server.stop() }
        let setup = try server.mysql(["-e", Self.setup])
        #expect(setup.status == 0, "\(setup.stderr)")
        let version = try server.mysql(["--batch", "-e", "SELECT @@version_comment LIMIT 1"])
        #expect(version.stdout.hasPrefix("@@version_comment\nSnapDeck "), "\(version.stdout)")
        let rows = try server.mysql(["--batch", "-D", "shop", "-e", "SELECT id, amount, note FROM orders ORDER BY id"])
        #expect(rows.stdout == "id\tamount\tnote\n1\t12.50\t北京\n2\tNULL\tNULL\n", "\(rows.stdout) \(rows.stderr)")
        let vertical = try server.mysql(["-e", "SELECT note FROM shop.orders WHERE id = 1\\G"])
        #expect(vertical.stdout.contains("*************************** 1. row ***************************\nnote: 北京\n"), "\(vertical.stdout)")
        let unknown = try server.mysql(["-e", "SELECT COUNT(*) FROM shop.missing"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("ERROR 1146 (42S02)"), "\(unknown.stderr)")
        let doris = try server.mysql(["-e", "DROP REPOSITORY nowhere"])
        #expect(doris.stderr.contains("ERROR 1105 (HY000)") && doris.stderr.contains("errCode = 2, detailMessage = Repository does not exist"), "\(doris.stderr)")
        let badDatabase = try server.mysql(["-D", "nope", "-e", "SELECT 1"])
        #expect(badDatabase.status == 1 && badDatabase.stderr.contains("ERROR 1049 (42000): Unknown database 'nope'"), "\(badDatabase.stderr)")
    }

    @Test func backupReturnsAtOnceAndItsJobIsPolledToFinishedByColumnName() throws {
        let server = try ServeProcess()
        defer { server.stop() }
        let repo = server.dataDirectory + "-repo"
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try server.mysql(["-e", Self.setup + "CREATE REPOSITORY repo WITH LOCAL ON LOCATION 'file://\(repo)';"]).status == 0)
        let poll = try server.client("poll-backup", [
            "--database", "shop", "--sql", "BACKUP SNAPSHOT shop.nightly TO repo ON (orders)", "--timeout", "120"])
        let last = poll["last"] as? [String: Any]
        #expect(last?["State"] as? String == "FINISHED", "\(poll)")
        #expect(last?["SnapshotName"] as? String == "nightly")
        #expect(last?["TaskErrMsg"] as? String == "")
        let states = poll["states"] as? [String] ?? []
        #expect(states.last == "FINISHED")
        // Another session sees the snapshot, and a restore of it runs in the server too.
        let show = try server.mysql(["--batch", "--skip-column-names", "-e", "SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'nightly'"])
        let timestamp = try #require(show.stdout.split(separator: "\t").dropFirst().first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let restore = try server.mysql(["-e", """
            RESTORE SNAPSHOT shop.nightly FROM repo ON (orders AS orders_copy)
            PROPERTIES ("backup_timestamp" = "\(timestamp)", "replication_num" = "1")
            """])
        #expect(restore.status == 0, "\(restore.stderr)")
        let restored = SnapDeckProcess.poll(seconds: 120) {
            (try? server.mysql(["--batch", "-e", "SHOW RESTORE FROM shop"]))?.stdout.contains("\tFINISHED\t") == true
        }
        #expect(restored)
        let count = try server.mysql(["--batch", "--skip-column-names", "-e", "SELECT COUNT(*) FROM shop.orders_copy"])
        #expect(count.stdout == "2\n", "\(count.stdout) \(count.stderr)")
    }

    @Test func pymysqlAndConnectorGetRealTypes() throws {
        let server = try ServeProcess()
        defer { server.stop() }
        #expect(try server.mysql(["-e", Self.setup]).status == 0)
        let sql = "SELECT id, amount, placed, day, note FROM orders ORDER BY id"
        let typed = try server.client("types", ["--database", "shop", "--sql", sql])
        let rows = typed["rows"] as? [[[Any]]] ?? []
        #expect(rows.count == 2)
        let first = rows.first?.map { $0.first as? String ?? "" }
        #expect(first == ["int", "Decimal", "datetime", "date", "str"], "\(typed)")
        #expect(rows.first?[1][1] as? String == "12.50")
        #expect(rows.first?[4][1] as? String == "北京")
        #expect(rows.last?.dropFirst().map { $0.first as? String } == ["NoneType", "NoneType", "NoneType", "NoneType"])
        let count = try server.client("types", ["--database", "shop", "--sql", "SELECT COUNT(*) FROM orders"])
        #expect((count["rows"] as? [[[Any]]])?.first?.first?.first as? String == "int")
        // mysql-connector asks for caching_sha2_password first and is switched to native auth.
        let connector = try server.client("connector", ["--database", "shop", "--sql", sql])
        let firstRow = connector["first"] as? [[Any]] ?? []
        #expect((firstRow.first?[1] as? String)?.hasPrefix("SnapDeck ") == true, "\(connector)")
        #expect(firstRow[1][1] as? String == "shop")
        #expect(connector["server_version"] as? String == "5.7.99")
        #expect((connector["rows"] as? [[[Any]]])?.first?.map { $0.first as? String ?? "" } == ["int", "Decimal", "datetime", "date", "str"])
    }

    @Test func passwordsAreCheckedTheNativeWay() throws {
        let server = try ServeProcess()
        defer { server.stop() }
        #expect(try server.mysql(["-e", "CREATE USER 'clerk'@'%' IDENTIFIED BY 'S3cret!'; GRANT SELECT_PRIV ON *.* TO 'clerk'@'%'"]).status == 0)
        let good = try server.client("login", ["--user", "clerk", "--password", "S3cret!"])
        #expect(good["ok"] as? Bool == true, "\(good)")
        let bad = try server.client("login", ["--user", "clerk", "--password", "Wr0ngPw"])
        #expect(bad["code"] as? Int == 1045, "\(bad)")
        #expect(bad["message"] as? String == "Access denied for user 'clerk'@'127.0.0.1' (using password: YES)")
        let nobody = try server.client("login", ["--user", "nobody", "--password", "x"])
        #expect(nobody["code"] as? Int == 1045)
        let cli = try server.mysql(["-e", "SELECT 1"], user: "clerk", password: "S3cret!")
        #expect(cli.status == 0, "\(cli.stderr)")
        let cliBad = try server.mysql(["-e", "SELECT 1"], user: "clerk", password: "nope")
        #expect(cliBad.status == 1 && cliBad.stderr.contains("ERROR 1045 (28000)"))
        // The attempt is logged, the password never.
        let log = (try? String(contentsOfFile: server.dataDirectory + "/log/snapdeck.log", encoding: .utf8)) ?? ""
        #expect(log.contains("login of 'clerk' from 127.0.0.1 refused"))
        #expect(!log.contains("S3cret!") && !log.contains("Wr0ngPw") && !server.child.stderr.contains("S3cret!"))
        // root has no password until one is set, then needs it.
        #expect(try server.mysql(["-e", "SET PASSWORD FOR 'root'@'%' = PASSWORD('rootpw')"]).status == 0)
        #expect(try server.mysql(["-e", "SELECT 1"]).status == 1)
        #expect(try server.mysql(["-e", "SELECT 1"], password: "rootpw").status == 0)
    }

    @Test func manyClientsAtOnceAndBadInputEndOnlyTheirOwnConnection() throws {
        let server = try ServeProcess(arguments: ["--max-connections", "40"])
        defer { server.stop() }
        #expect(try server.mysql(["-e", Self.setup]).status == 0)
        let many = try server.client("concurrent", ["--clients", "32", "--count", "50", "--database", "shop", "--sql", "SHOW BACKUP FROM shop"])
        #expect(many["statements"] as? Int == 1600, "\(many)")
        #expect((many["errors"] as? [Any])?.isEmpty == true)
        let raw = try server.client("raw", ["--sql", "SELECT * FROM shop.orders"])
        #expect((raw["garbage"] as? [String: Any])?["code"] as? Int == 1251, "\(raw)")
        #expect((raw["truncated_login"] as? [String: Any])?["code"] as? Int == 1043)
        #expect((raw["oversized_handshake"] as? [String: Any])?["code"] as? Int == 1153)
        #expect((raw["oversized_query"] as? [String: Any])?["code"] as? Int == 1153)
        #expect(raw["big_result_length"] as? Int == 17 * 1024 * 1024)
        let unsupported = raw["unknown_command"] as? [String: Any]
        #expect(unsupported?["code"] as? Int == 1047 && (unsupported?["message"] as? String)?.hasPrefix("Unsupported command COM_DAEMON") == true)
        #expect(raw["ping_after"] as? String == "00")
        #expect(raw["half_closed_packets"] as? Int ?? 0 >= 3)
        #expect(raw["after"] as? Int == 1)
        let flood = try server.client("too-many", ["--clients", "40"])
        #expect(flood["code"] as? Int == 1040 && flood["message"] as? String == "Too many connections", "\(flood)")
        #expect(flood["after"] as? Bool == true)
    }

    @Test func anIdleSessionEndsWithAnErrorAfterItsWaitTimeout() throws {
        let server = try ServeProcess()
        defer { server.stop() }
        let idle = try server.client("idle", ["--count", "1", "--timeout", "30"])
        let error = idle["error"] as? [String: Any]
        #expect(error?["code"] as? Int == 4031, "\(idle)")
        #expect(idle["closed_after"] as? Bool == true)
        // The server closed that connection first, so its port holds a TIME_WAIT socket: a
        // server restarted at once on the same port must still start.
        #expect(server.stop() == 0)
        try server.restart()
        #expect(try server.mysql(["-e", "SELECT 1"]).status == 0)
    }

    @Test func sigtermWithAJobRunningStopsCleanlyAndTheJobResumesAfterARestart() throws {
        let server = try ServeProcess()
        defer { server.stop(SIGKILL) }
        let repo = server.dataDirectory + "-repo"
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let start = try server.mysql(["-e", Self.setup + """
            CREATE REPOSITORY repo WITH LOCAL ON LOCATION 'file://\(repo)';
            ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'UPLOADING');
            BACKUP SNAPSHOT shop.held TO repo ON (orders);
            """])
        #expect(start.status == 0, "\(start.stderr)")
        let uploading = SnapDeckProcess.poll(seconds: 60) {
            (try? server.mysql(["--batch", "-e", "SHOW BACKUP FROM shop"]))?.stdout.contains("\tUPLOADING\t") == true
        }
        #expect(uploading)
        #expect(server.stop(SIGTERM) == 0)
        #expect(SnapDeckProcess.journalState(server.dataDirectory) == "UPLOADING")
        try server.restart()
        #expect(try server.mysql(["-e", "ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')"]).status == 0)
        let finished = SnapDeckProcess.poll(seconds: 120) {
            (try? server.mysql(["--batch", "-e", "SHOW BACKUP FROM shop"]))?.stdout.contains("\tFINISHED\t") == true
        }
        #expect(finished)
    }

    @Test func aTakenPortIsReportedAndNothingIsCreated() throws {
        let server = try ServeProcess()
        defer { server.stop() }
        let other = SnapDeckProcess.temporaryDirectory()
        let second = try SnapDeckProcess.run(["serve", "--data", other, "--port", String(server.port)])
        #expect(second.status == 1)
        #expect(second.stderr == "ERROR: cannot listen on 127.0.0.1:\(server.port): Address already in use\n", "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other))
        let busy = try SnapDeckProcess.run(["serve", "--data", server.dataDirectory, "--port", "0"])
        #expect(busy.status == 1 && busy.stderr.contains("is in use by process"), "\(busy.stderr)")
    }
}
