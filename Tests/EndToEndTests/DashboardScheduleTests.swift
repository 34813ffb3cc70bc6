import Foundation
import TestSupport
import Testing

/// The Schedules tab with the real binary: an operator creates a nightly incremental schedule
/// with a 7-day TTL through the `n` dialog, sees it listed with its next run, and pauses it
/// through `p`; the statements the dialogs showed are what the cluster then holds.
@Suite(.serialized) struct DashboardScheduleTests {
    private func sql(_ dir: String, _ statements: String) throws -> ChildProcess.Output {
        try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", statements])
    }

    @Test func createAnIncrementalScheduleWithATTLAndPauseItFromTheDashboard() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        let repo = dir + "-repo"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: repo)
        }
        let created = try sql(dir, """
            CREATE DATABASE shop;
            CREATE TABLE shop.orders (id INT, note VARCHAR(20)) DISTRIBUTED BY HASH(id) BUCKETS 2 PROPERTIES ('replication_num' = '1');
            INSERT INTO shop.orders VALUES (1, 'a'), (2, 'b');
            CREATE REPOSITORY repo WITH LOCAL ON LOCATION '\(repo)';
            """)
        #expect(created.status == 0, "\(created.stderr)")

        let pane = try DashboardTests.Pane("env LANG=C.UTF-8 TERM=xterm-256color '\(SnapDeckProcess.binary)' tui --data '\(dir)'; sleep 60")
        #expect(pane.waitFor("1 Backups"), "\(pane.screen())")
        try pane.keys("8")
        #expect(pane.waitFor("No backup schedules. Press n to create one."), "\(pane.screen())")

        try pane.keys("n")
        #expect(pane.waitFor("New backup schedule"), "\(pane.screen())")
        #expect(pane.waitFor("shop_nightly"), "\(pane.screen())")
        #expect(pane.screen().contains("‹ incremental ›"), "\(pane.screen())")
        // Name, database, repository, every, unit, starts, type: the TTL is the eighth field.
        try pane.keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
        try pane.type("7 day")
        #expect(pane.waitFor("CREATE JOB `shop_nightly` ON SCHEDULE EVERY 1 DAY STARTS"), "\(pane.screen())")
        #expect(pane.waitForLine { $0.contains("\"ttl\" =") || $0.contains("DAY\")") }, "\(pane.screen())")
        try pane.keys("Enter")
        // The dialog closes once the engine created it; the tab lists it with a next run at 02:00.
        #expect(pane.waitForLine { $0.contains("shop_nightly") && $0.contains("RUNNING") && $0.contains("02:00:00") && $0.contains("1 DAY") }
            && !pane.screen().contains("New backup schedule"), "\(pane.screen())")

        try pane.keys("p")
        #expect(pane.waitFor("PAUSE JOB WHERE jobname = 'shop_nightly'"), "\(pane.screen())")
        try pane.keys("y")
        #expect(pane.waitForLine { $0.contains("shop_nightly") && $0.contains("PAUSED") } && !pane.screen().contains("PAUSE JOB"),
                "\(pane.screen())")
        try pane.keys("q")

        #expect(SnapDeckProcess.poll(seconds: 30) { (try? sql(dir, "SELECT 1").status) == 0 })
        let listed = try sql(dir, "SELECT Name, Status, ExecuteSql FROM jobs(\"type\"=\"backup\")")
        #expect(listed.stdout == "Name\tStatus\tExecuteSql\nshop_nightly\tPAUSED\t"
            + "BACKUP SNAPSHOT `shop`.shop_nightly_{ts} TO `repo` PROPERTIES (\"type\" = \"incremental\", \"ttl\" = \"7 DAY\")\n",
            "\(listed.stdout)\(listed.stderr)")
    }
}
