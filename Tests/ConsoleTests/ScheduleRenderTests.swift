import Essentials
import Testing
@testable import Console

/// The Schedules tab and the Snapshots tab's lineage columns and chain view, at the standard
/// 80×24 and a roomy 120×40.
@Suite struct ScheduleRenderTests {
    private func screen(_ width: Int, _ height: Int, _ keys: Key...) -> [String] {
        var state = Fixtures.state(ScheduleFixtures.cluster(), width: width, height: height)
        for key in keys { Fixtures.press(&state, key) }
        return Fixtures.render(state).textLines()
    }

    @Test func schedulesAt80x24KeepNameStateNextRunAndLastResult() {
        let lines = screen(80, 24, .character("8"))
        expectLines(Array(lines[1...5]), """
            1 Backups 2 Restores 3 Repos 4 Snaps 5 Catalog 6 Console 7 Events  8 Sched
             Schedules · 2 (1 paused)           n new · p pause/resume · x run now · d drop
             Name             Status  Next run            Last result  Every    Backs up
             retail_nightly   RUNNING 2026-11-27 02:00:00 FINISHED     1 DAY    retail.reta…
             telemetry_hourly PAUSED  —                   CANCELLED: … 1 HOUR   telemetry.h…
            """)
        #expect(lines[23] == " q  Quit  ?  Help  Enter  Detail  /  Filter  n  New  p  Pause  x  Run now")
    }

    @Test func schedulesAt120x40WithTheDetailPane() {
        let lines = screen(120, 40, .character("8"), .enter)
        expectLines(Array(lines[3...5]), """
             Name             Status  Next run            Last result      Every    Backs up            Last run            Comment
             retail_nightly   RUNNING 2026-11-27 02:00:00 FINISHED         1 DAY    retail.retail_nigh… 2026-11-26 02:00:00
             telemetry_hourly PAUSED  —                   CANCELLED: back… 1 HOUR   telemetry.hourly_{… 2026-11-26 14:00:00 ops tic…
            """)
        let pane = lines[17...26].map { String(String($0.prefix(80)).reversed().drop { $0 == " " }.reversed()) }
        expectLines(Array(pane), """
            ┌─ Schedule retail_nightly ─────────────────────────────────────────────────────
            │ Id                 10021
            │ Name               retail_nightly
            │ Definer            root
            │ ExecuteType        RECURRING
            │ RecurringStrategy  EVERY 1 DAY STARTS 2026-11-20 02:00:00
            │ Status             RUNNING
            │ ExecuteSql         BACKUP SNAPSHOT retail.retail_nightly_{ts} TO demo_repo PRO
            │                    = "7 DAY")
            │ CreateTime         2026-11-19 18:00:00
            """)
    }

    @Test func snapshotsAt80x24ShowTypeBaseSizeAndTTL() {
        let lines = screen(80, 24, .character("4"))
        expectLines(Array(lines[3...7]), """
             Snapshot                Timestamp           Status Type Base        Size TTL
             retail_nightly_20261126 2026-11-26-02-00-01 OK     INCR …20261125   7.6M 7 DAY
             dr_copy                 2026-11-25-12-00-00 OK     FULL             6.7M
             retail_nightly_20261125 2026-11-25-02-00-01 OK     INCR …20261124   6.9M 7 DAY
             retail_nightly_20261124 2026-11-24-02-00-01 OK     FULL             6.2M 7 DAY
            """)
    }

    @Test func snapshotsAt120x40KeepTheDatabaseAndWiderScreensAddTheExpiry() {
        let lines = screen(120, 40, .character("4"))
        expectLines(Array(lines[3...5]), """
             Snapshot                Timestamp           Status  Type Base        Size Upload Owner        TTL    Database
             retail_nightly_20261126 2026-11-26-02-00-01 OK      INCR …20261125   7.6M   682K this cluster 7 DAY  retail
             dr_copy                 2026-11-25-12-00-00 OK      FULL             6.7M   6.7M c0ffee00            retail
            """)
        let wide = screen(150, 40, .character("4"))
        #expect(wide[3].hasSuffix("Owner        TTL    Expires          Database  Tables"))
        #expect(wide[4].hasSuffix("this cluster 7 DAY  2026-12-03 02:00 retail"))
    }

    @Test func theChainViewIndentsEachIncrementalUnderItsBase() {
        let narrow = screen(80, 24, .character("4"), .character("t"))
        expectLines(Array(narrow[3...7]), """
             Snapshot                    Timestamp           Status Type  Size Upload TTL
             dr_copy                     2026-11-25-12-00-00 OK     FULL  6.7M   6.7M
             retail_nightly_20261124     2026-11-24-02-00-01 OK     FULL  6.2M   6.2M 7 DAY
             └─ retail_nightly_20261125  2026-11-25-02-00-01 OK     INCR  6.9M   695K 7 DAY
               └─ retail_nightly_202611… 2026-11-26-02-00-01 OK     INCR  7.6M   682K 7 DAY
            """)
        let wide = screen(120, 40, .character("4"), .character("t"))
        #expect(wide[2].hasSuffix("Chain view: incrementals under their base · t flat list"))
        #expect(wide[6] == " └─ retail_nightly_20261125   2026-11-25-02-00-01 OK     INCR  6.9M   695K this cluster 7 DAY  2026-12-02 02:00 retail")
        #expect(wide[39].contains("t  Chain"))
    }

    @Test func aDorisRepositoryKeepsItsColumns() {
        let lines = Fixtures.render({
            var state = Fixtures.state()
            Fixtures.press(&state, .character("4"))
            return state
        }()).textLines()
        #expect(lines[3] == " Snapshot   Timestamp           Status  Database  Tables Check")
    }

    @Test func theScheduleDialogFitsAt80x24WithItsSQL() {
        let lines = screen(80, 24, .character("8"), .character("n"))
        #expect(lines[2].contains("┌─ New backup schedule"))
        #expect(lines.contains { $0.contains("SQL  CREATE JOB `retail_nightly_2` ON SCHEDULE EVERY 1 DAY STARTS") })
        #expect(lines.contains { $0.contains("[ Create ]  [ Cancel ]") })
    }
}
