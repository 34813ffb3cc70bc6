import Foundation
import TestSupport
import Testing

/// Schedules with the real binary: managed through `snapdeck sql`, fired by `snapdeck serve`
/// (a missed schedule runs once at its start, a kill -9 mid-run never runs it twice), and
/// listed over the MySQL protocol with the mysql client.
@Suite(.serialized) struct ScheduleEndToEndTests {
    private static let setup = """
        CREATE DATABASE shop;
        CREATE TABLE shop.orders (id INT, note VARCHAR(20)) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ('replication_num' = '1');
        INSERT INTO shop.orders VALUES (1, 'a'), (2, 'b'), (3, 'c');
        """

    /// `yyyy-MM-dd HH:mm:ss` in local time, as CREATE JOB reads it.
    private static func localText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    private func sql(_ dir: String, _ statements: String) throws -> ChildProcess.Output {
        try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", statements])
    }

    /// A data directory with `shop` and a repository, and a job that has missed three hourly
    /// occurrences. Returns the directory and the repository's path.
    private func missedSchedule(_ extra: String = "") throws -> (String, String) {
        let dir = SnapDeckProcess.temporaryDirectory()
        let repo = dir + "-repo"
        let starts = Self.localText(Date().addingTimeInterval(-3 * 3600 - 60))
        let created = try sql(dir, Self.setup + extra + """
            CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(repo)';
            CREATE JOB nightly ON SCHEDULE EVERY 1 HOUR STARTS '\(starts)' DO BACKUP SNAPSHOT shop.nightly_{ts} TO repo;
            """)
        #expect(created.status == 0, "\(created.stderr)")
        return (dir, repo)
    }

    private func cleanUp(_ dir: String, _ repo: String) {
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.removeItem(atPath: repo)
    }

    @Test func jobsAreManagedAndListedThroughSnapdeckSql() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        let repo = dir + "-repo"
        defer { cleanUp(dir, repo) }
        let starts = Self.localText(Date().addingTimeInterval(24 * 3600))
        let created = try sql(dir, Self.setup + """
            CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(repo)';
            CREATE JOB nightly ON SCHEDULE EVERY 1 DAY STARTS '\(starts)' COMMENT 'every night' DO BACKUP SNAPSHOT shop.nightly_{ts} TO repo;
            """)
        #expect(created.status == 0, "\(created.stderr)")
        let listed = try sql(dir, "SELECT Name, ExecuteType, RecurringStrategy, Status, Comment, NextRunTime FROM jobs(\"type\"=\"backup\")")
        #expect(listed.stdout == "Name\tExecuteType\tRecurringStrategy\tStatus\tComment\tNextRunTime\n"
            + "nightly\tRECURRING\tEVERY 1 DAY STARTS \(starts)\tRUNNING\tevery night\t\(starts)\n")
        #expect(try sql(dir, "PAUSE JOB WHERE jobname = 'nightly'; SELECT Status FROM jobs(\"type\"=\"backup\")").stdout == "Status\nPAUSED\n")
        // EXECUTE JOB starts a backup now; the one-shot CLI waits for it like for any BACKUP.
        let executed = try sql(dir, "EXECUTE JOB WHERE jobname = 'nightly'")
        #expect(executed.status == 0, "\(executed.stderr)")
        let tasks = try sql(dir, "SELECT JobName, Status, ErrorMsg FROM tasks(\"type\"=\"backup\")")
        #expect(tasks.stdout == "JobName\tStatus\tErrorMsg\nnightly\tSUCCESS\t\n")
        #expect(try sql(dir, "SELECT SucceedTaskCount, LastResult FROM jobs(\"type\"=\"backup\")").stdout == "SucceedTaskCount\tLastResult\n1\tSUCCESS\n")
        #expect(try sql(dir, "RESUME JOB WHERE jobname = 'nightly'; SELECT Status FROM jobs(\"type\"=\"backup\")").stdout == "Status\nRUNNING\n")
        let refused = try sql(dir, "CREATE JOB bad ON SCHEDULE EVERY 1 DAY DO DROP TABLE shop.orders")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("SnapDeck's jobs run backups"))
        #expect(try sql(dir, "DROP JOB WHERE jobname = 'nightly'; SELECT COUNT(*) FROM jobs(\"type\"=\"backup\")").stdout == "count(*)\n0\n")
    }

    @Test func aScheduleThatMissedSeveralRunsRunsOnceWhenServeStartsAndListsOverTheMySQLProtocol() throws {
        let (dir, repo) = try missedSchedule()
        defer { cleanUp(dir, repo) }
        let server = try ServeProcess(dataDirectory: dir)
        defer { server.stop() }
        var status = ""
        let settled = SnapDeckProcess.poll(seconds: 120) {
            status = (try? server.mysql(["--batch", "--skip-column-names", "-e", "SELECT Status FROM tasks(\"type\"=\"backup\")"]).stdout) ?? ""
            return status.contains("SUCCESS")
        }
        #expect(settled, "tasks: \(status)")
        let tasks = try server.mysql(["--batch", "--skip-column-names", "-e", "SELECT Label, Status FROM tasks(\"type\"=\"backup\")"])
        let rows = tasks.stdout.split(separator: "\n")
        #expect(rows.count == 1, "\(tasks.stdout)")
        let label = String(rows.first?.split(separator: "\t").first ?? "")
        #expect(label.hasPrefix("nightly_"))
        let jobs = try server.mysql(["--batch", "-e", "SELECT Name, Status, SucceedTaskCount, LastResult, LastRunTime <> '' AS ran FROM jobs(\"type\"=\"backup\")"])
        #expect(jobs.stdout == "Name\tStatus\tSucceedTaskCount\tLastResult\tran\nnightly\tRUNNING\t1\tSUCCESS\t1\n", "\(jobs.stderr)")
        let snapshots = try server.mysql(["--batch", "--skip-column-names", "-e", "SHOW SNAPSHOT ON repo"])
        #expect(snapshots.stdout.hasPrefix(label + "\t"), "\(snapshots.stdout)")
        // Another second of the server's turns starts nothing more.
        let more = SnapDeckProcess.poll(seconds: 2) {
            ((try? server.mysql(["--batch", "--skip-column-names", "-e", "SELECT COUNT(*) FROM tasks(\"type\"=\"backup\")"]).stdout) ?? "") != "1\n"
        }
        #expect(!more)
    }

    @Test func killingServeDuringARunAndRestartingItNeverRunsItTwice() throws {
        let (dir, repo) = try missedSchedule("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'UPLOADING');")
        defer { cleanUp(dir, repo) }
        let server = try ServeProcess(dataDirectory: dir)
        let running = SnapDeckProcess.poll(seconds: 120) { SnapDeckProcess.journalState(dir) == "UPLOADING" }
        #expect(running)
        server.stop(SIGKILL)
        let released = try sql(dir, "ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(released.status == 0, "\(released.stderr)")
        try server.restart()
        defer { server.stop() }
        var tasks = ""
        let settled = SnapDeckProcess.poll(seconds: 120) {
            tasks = (try? server.mysql(["--batch", "--skip-column-names", "-e", "SELECT Label, Status FROM tasks(\"type\"=\"backup\")"]).stdout) ?? ""
            return tasks.contains("SUCCESS")
        }
        #expect(settled, "tasks: \(tasks)")
        #expect(tasks.split(separator: "\n").count == 1, "\(tasks)")
        let backups = try server.mysql(["--batch", "--skip-column-names", "-e", "SHOW BACKUP FROM shop"])
        #expect(backups.stdout.split(separator: "\n").count == 1, "\(backups.stdout)")
    }

    @Test func theDashboardAndTheInteractiveShellFireSchedulesWhileOpen() throws {
        let (dir, repo) = try missedSchedule()
        defer { cleanUp(dir, repo) }
        // The dashboard: the missed run's backup shows up in its Backups tab, and finishes.
        let dashboard = try DashboardTests.Pane("env LANG=C.UTF-8 TERM=xterm-256color '\(SnapDeckProcess.binary)' tui --data '\(dir)'; sleep 120")
        #expect(dashboard.waitFor("1 Backups"), "\(dashboard.screen())")
        #expect(dashboard.waitForLine(seconds: 60) { $0.contains("nightly_") && $0.contains("FINISHED") }, "\(dashboard.screen())")
        try dashboard.keys("q")
        #expect(SnapDeckProcess.poll(seconds: 30) { (try? sql(dir, "SELECT 1").status) == 0 })
        #expect(try sql(dir, "SELECT Status FROM tasks(\"type\"=\"backup\")").stdout == "Status\nSUCCESS\n")

        // The interactive shell: a job due now runs while the shell is open.
        let shell = try DashboardTests.Pane("env LANG=C.UTF-8 TERM=xterm-256color '\(SnapDeckProcess.binary)' sql --data '\(dir)'; sleep 120")
        #expect(shell.waitFor("snapdeck ["), "\(shell.screen())")
        try shell.type("CREATE JOB now ON SCHEDULE AT CURRENT_TIMESTAMP DO BACKUP SNAPSHOT shop.now_{ts} TO repo;")
        try shell.keys("Enter")
        var finished = false
        for _ in 0..<60 where !finished {
            try shell.type("SELECT JobName, Status FROM tasks(\"type\"=\"backup\") WHERE JobName = 'now';")
            try shell.keys("Enter")
            finished = shell.waitForLine(seconds: 1) { $0.contains("now") && $0.contains("SUCCESS") }
        }
        #expect(finished, "\(shell.screen())")
        try shell.type("exit")
        try shell.keys("Enter")
        #expect(SnapDeckProcess.poll(seconds: 30) { (try? sql(dir, "SELECT 1").status) == 0 })
        #expect(try sql(dir, "SELECT Name, Status FROM jobs(\"type\"=\"backup\") WHERE Name = 'now'").stdout == "Name\tStatus\nnow\tFINISHED\n")
    }
}
