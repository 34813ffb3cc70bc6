import Foundation
import TestSupport
import Testing

/// The dashboard of one process on `snapdeck serve` in another, driven in tmux: everything the
/// local dashboard does, over the MySQL protocol, and what it shows when the server goes away.
@Suite(.serialized) struct RemoteDashboardTests {
    typealias Pane = DashboardTests.Pane

    private static func demoCluster(rateLimited: Bool) throws -> String {
        let dir = SnapDeckProcess.temporaryDirectory()
        let demo = try SnapDeckProcess.run(["demo", "--dir", dir, "--orders", "20000", "--no-dashboard"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let prepare = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            BACKUP SNAPSHOT retail.base TO demo_repo ON (products);
            CREATE DATABASE restored;
            CREATE USER 'clerk'@'%' IDENTIFIED BY 'pw';
            GRANT LOAD_PRIV ON retail.* TO 'clerk';
            """ + (rateLimited ? "ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '65536');" : "")])
        #expect(prepare.status == 0, "\(prepare.stderr)")
        return dir
    }

    private static func dashboard(port: Int, user: String = "root", environment: String = "") throws -> Pane {
        try Pane("env LANG=C.UTF-8 TERM=xterm-256color \(environment) '\(SnapDeckProcess.binary)' tui -h 127.0.0.1 -P \(port) -u\(user); sleep 120")
    }

    @Test func backupCancelRestoreAndBrowseOverTheProtocol() throws {
        let dir = try Self.demoCluster(rateLimited: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try ServeProcess(dataDirectory: dir)
        let pane = try Self.dashboard(port: server.port)
        #expect(pane.waitFor("1 Backups"), "\(pane.screen())")
        #expect(pane.waitFor("127.0.0.1:\(server.port) · SnapDeck 0.1.0"), "\(pane.screen())")
        #expect(pane.waitFor("base"), "\(pane.screen())")

        // A backup from the dialog runs on the server; c cancels it there.
        try pane.keys("b")
        #expect(pane.waitFor("New backup"))
        try DashboardTests.chooseRetail(pane)
        try pane.keys("Enter")
        #expect(pane.waitFor("UPLOADING"), "\(pane.screen())")
        try pane.keys("c")
        #expect(pane.waitFor("Cancel"))
        try pane.keys("y")
        #expect(pane.waitFor("CANCELLED"), "\(pane.screen())")

        // The snapshot browser lists the repository through SHOW SNAPSHOT and opens one.
        try pane.keys("4")
        #expect(pane.waitFor("base"), "\(pane.screen())")
        try pane.keys("/")
        try pane.type("base")
        try pane.keys("Enter")
        #expect(pane.waitFor("/base"), "\(pane.screen())")
        // Enter opens the selected snapshot once the filtered list has a selection; on a busy
        // machine the first Enter may come before that, so it is sent until the snapshot opens.
        var browsed = false
        for _ in 0..<5 where !browsed {
            try pane.keys("Enter")
            browsed = pane.waitFor("base @ ", seconds: 3)
        }
        #expect(browsed, "\(pane.screen())")
        // Back in the list, the snapshot's row carries what SHOW SNAPSHOT … WHERE gave.
        for _ in 0..<3 where !pane.screen().contains("Enter opens") {
            try pane.keys("Escape")
            _ = pane.waitFor("Enter opens", seconds: 2)
        }
        #expect(pane.waitForLine { $0.contains("base") && $0.contains("retail") }, "\(pane.screen())")

        // r restores it into another database; the Restores tab follows it to FINISHED.
        var opened = false
        for _ in 0..<5 where !opened {
            try pane.keys("r")
            opened = pane.waitFor("Restore snapshot", seconds: 3)
        }
        #expect(opened, "\(pane.screen())")
        for _ in 0..<12 { try pane.keys("BSpace") }
        try pane.type("restored")
        #expect(pane.waitFor("RESTORE SNAPSHOT `restored`.`base`"), "\(pane.screen())")
        try pane.keys("Enter")
        try pane.keys("2")
        #expect(pane.waitForLine { $0.contains("base") && $0.contains("FINISHED") }, "\(pane.screen())")

        // The catalog is read when its tab is shown.
        try pane.keys("5")
        #expect(pane.waitFor("restored"), "\(pane.screen())")
        try pane.keys("q")
        #expect(SnapDeckProcess.poll(seconds: 20) { !pane.screen().contains("1 Backups") }, "\(pane.screen())")
        let check = try server.mysql(["--batch", "-e", "CHECKSUM TABLE retail.products, restored.products"])
        let sums = check.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").last }
        #expect(sums.count == 2 && sums[0] == sums[1], "\(check.stdout) \(check.stderr)")
    }

    @Test func aServerKilledMidJobIsWaitedForAndTheDashboardCarriesOn() throws {
        let dir = try Self.demoCluster(rateLimited: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try ServeProcess(dataDirectory: dir)
        let pane = try Self.dashboard(port: server.port)
        #expect(pane.waitFor("1 Backups"), "\(pane.screen())")
        try pane.keys("b")
        #expect(pane.waitFor("New backup"))
        try DashboardTests.chooseRetail(pane)
        try pane.keys("Enter")
        #expect(pane.waitFor("UPLOADING"), "\(pane.screen())")

        server.stop(SIGKILL)
        #expect(pane.waitFor("disconnected — retrying in"), "\(pane.screen())")
        // The last picture stays, dated; keys still work while the server is away.
        #expect(pane.screen().contains("UPLOADING") && pane.screen().contains("data of"), "\(pane.screen())")
        try pane.keys("7")
        #expect(pane.waitFor("Disconnected from root@127.0.0.1:\(server.port)"), "\(pane.screen())")
        try pane.keys("1")

        try server.restart()
        #expect(SnapDeckProcess.poll(seconds: 60) { !pane.screen().contains("disconnected") }, "\(pane.screen())")
        // The first statement after the restart reaches the new server.
        try pane.keys("6")
        try pane.type("ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '0')")
        try pane.keys("Enter")
        #expect(pane.waitFor("Query OK"), "\(pane.screen())")
        try pane.keys("Escape", "1")
        #expect(pane.waitForLine(seconds: 90) { $0.contains("retail_") && $0.contains("FINISHED") }, "\(pane.screen())")
        try pane.keys("q")
        #expect(SnapDeckProcess.poll(seconds: 20) { !pane.screen().contains("1 Backups") }, "\(pane.screen())")
    }

    @Test func aUserWithoutAdminSeesWhySnapshotsAreHidden() throws {
        let dir = try Self.demoCluster(rateLimited: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try ServeProcess(dataDirectory: dir)
        let pane = try Self.dashboard(port: server.port, user: "clerk", environment: "MYSQL_PWD=pw")
        #expect(pane.waitFor("base"), "\(pane.screen())")
        #expect(pane.waitFor("clerk (no ADMIN)"), "\(pane.screen())")
        // SHOW SNAPSHOT needs ADMIN: the tab says so instead of showing an empty repository.
        try pane.keys("4")
        #expect(pane.waitFor("the (ADMIN) privilege"), "\(pane.screen())")
        #expect(!pane.screen().contains("No snapshots in"), "\(pane.screen())")
        #expect(!pane.screen().contains("pw"), "the password never reaches the screen")
        try pane.keys("q")
    }

    /// Schedules read and run through SQL on the server: the tab lists what `jobs()` says, and
    /// run now (`x`) sends EXECUTE JOB, whose run the tab then shows settled.
    @Test func theSchedulesTabShowsAndRunsTheServersSchedules() throws {
        let dir = try Self.demoCluster(rateLimited: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try ServeProcess(dataDirectory: dir)
        let create = try server.mysql(["-e", """
            CREATE JOB hosts_nightly ON SCHEDULE EVERY 1 DAY STARTS '2099-01-01 02:00:00' \
            DO BACKUP SNAPSHOT telemetry.hosts_{ts} TO demo_repo ON (hosts) PROPERTIES ("type" = "incremental", "ttl" = "7 DAY")
            """])
        #expect(create.status == 0, "\(create.stderr)")
        let pane = try Self.dashboard(port: server.port)
        #expect(pane.waitFor("1 Backups"), "\(pane.screen())")
        try pane.keys("8")
        #expect(pane.waitForLine { $0.contains("hosts_nightly") && $0.contains("RUNNING") && $0.contains("2099-01-01 02:00:00") },
                "\(pane.screen())")
        try pane.keys("x")
        #expect(pane.waitFor("EXECUTE JOB WHERE jobname = 'hosts_nightly'"), "\(pane.screen())")
        try pane.keys("y")
        #expect(pane.waitForLine(seconds: 60) { $0.contains("hosts_nightly") && $0.contains("SUCCESS") }, "\(pane.screen())")
        try pane.keys("q")
        let runs = try server.mysql(["--batch", "-e", "SELECT Status FROM tasks(\"type\"=\"backup\") WHERE JobName = 'hosts_nightly'"])
        #expect(runs.stdout == "Status\nSUCCESS\n", "\(runs.stdout)\(runs.stderr)")
    }

    @Test func aSavedConnectionOpensByName() throws {
        let dir = try Self.demoCluster(rateLimited: false)
        let config = SnapDeckProcess.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: config)
        }
        let server = try ServeProcess(dataDirectory: dir)
        let add = try SnapDeckProcess.run(["connections", "add", "lab", "-h", "127.0.0.1", "-P", String(server.port), "-u", "clerk", "-ppw"],
                                          environment: ["XDG_CONFIG_HOME": config])
        #expect(add.status == 0, "\(add.stderr)")
        let pane = try Pane("env LANG=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME='\(config)' '\(SnapDeckProcess.binary)' tui lab; sleep 120")
        #expect(pane.waitFor("127.0.0.1:\(server.port) · SnapDeck 0.1.0"), "\(pane.screen())")
        #expect(pane.waitFor("clerk (no ADMIN)"), "\(pane.screen())")
        try pane.keys("q")
    }

    @Test func aWrongPasswordEndsBeforeTheDashboardOpens() throws {
        let dir = try Self.demoCluster(rateLimited: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try ServeProcess(dataDirectory: dir)
        let run = try SnapDeckProcess.run(["tui", "-h", "127.0.0.1", "-P", String(server.port), "-u", "clerk"],
                                          environment: ["MYSQL_PWD": "wrong"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("ERROR 1045 (28000): Access denied for user 'clerk'"), "\(run.stderr)")
        #expect(!run.stderr.contains("wrong"))
    }
}

/// The dashboard on a server of another kind: MariaDB speaks the protocol but has no BACKUP.
@Suite struct RemoteDashboardOnMariaDBTests {
    @Test func theJobTabsSayTheServerHasNoBackupOrRestore() throws {
        let mariadb = try MariaDBServer()
        let pane = try DashboardTests.Pane(
            "env LANG=C.UTF-8 TERM=xterm-256color MYSQL_PWD=\(mariadb.password) '\(SnapDeckProcess.binary)' tui -h 127.0.0.1 -P \(mariadb.port) -u \(mariadb.user); sleep 120")
        #expect(pane.waitFor("has no BACKUP / RESTORE"), "\(pane.screen())")
        #expect(pane.screen().contains("· MariaDB "), "\(pane.screen())")
        try pane.keys("2")
        #expect(pane.waitFor("Restores"))
        #expect(pane.screen().contains("has no BACKUP / RESTORE"), "\(pane.screen())")
        try pane.keys("5")
        #expect(pane.waitFor("Catalog"), "\(pane.screen())")
        try pane.keys("q")
        #expect(SnapDeckProcess.poll(seconds: 20) { !pane.screen().contains("Catalog") }, "\(pane.screen())")
    }
}
