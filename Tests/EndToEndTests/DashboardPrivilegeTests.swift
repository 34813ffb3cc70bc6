import Foundation
import TestSupport
import Testing

/// A user without ADMIN sees in the dashboard exactly what SHOW shows them: the jobs of the
/// databases they hold LOAD on, the databases they can see, and no snapshots.
@Suite(.serialized) struct DashboardPrivilegeTests {
    @Test func aNonAdminSeesTheSameJobsAsShowBackupAndNoSnapshots() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let demo = try SnapDeckProcess.run(["demo", "--dir", dir, "--orders", "2000", "--no-dashboard"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let prepare = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            CREATE DATABASE hr;
            CREATE TABLE hr.salaries (id INT, amount BIGINT) DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 2;
            INSERT INTO hr.salaries VALUES (1, 100), (2, 200);
            BACKUP SNAPSHOT hr.hr_secret_snap TO demo_repo;
            BACKUP SNAPSHOT retail.retail_visible_snap TO demo_repo ON (products);
            CREATE USER 'clerk'@'%' IDENTIFIED BY 'pw';
            GRANT LOAD_PRIV ON retail.* TO 'clerk';
            """])
        #expect(prepare.status == 0, "\(prepare.stderr)")

        // What SHOW gives the same user: retail's jobs, hr refused.
        let showRetail = try SnapDeckProcess.run(["sql", "--data", dir, "--user", "clerk", "--format", "tsv", "-e", "SHOW BACKUP FROM retail"])
        #expect(showRetail.status == 0 && showRetail.stdout.contains("retail_visible_snap"), "\(showRetail.stdout) \(showRetail.stderr)")
        let showHR = try SnapDeckProcess.run(["sql", "--data", dir, "--user", "clerk", "-e", "SHOW BACKUP FROM hr"])
        #expect(showHR.status != 0, "\(showHR.stdout)")

        let pane = try DashboardTests.Pane("env LANG=C.UTF-8 TERM=xterm-256color '\(SnapDeckProcess.binary)' tui --data '\(dir)' --user clerk; sleep 120")
        #expect(pane.waitFor("retail_visible_snap"), "\(pane.screen())")
        #expect(!pane.screen().contains("hr_secret_snap"), "\(pane.screen())")
        // The catalog lists retail but not hr.
        try pane.keys("5")
        #expect(pane.waitFor("retail"), "\(pane.screen())")
        #expect(!pane.screen().split(separator: "\n").contains { $0.contains(" hr ") || $0.hasSuffix(" hr") }, "\(pane.screen())")
        // Snapshots need ADMIN, as SHOW SNAPSHOT does: the tab says so instead of listing them.
        try pane.keys("3")
        #expect(pane.waitFor("demo_repo"), "\(pane.screen())")
        try pane.keys("4")
        #expect(pane.waitFor("the (ADMIN) privilege"), "\(pane.screen())")
        #expect(!pane.screen().contains("retail_visible_snap") && !pane.screen().contains("hr_secret_snap"), "\(pane.screen())")
        try pane.keys("q")
    }
}
