import Essentials
import Testing
@testable import Console

@Suite struct ScheduleReaderTests {
    @Test func readsJobsByColumnNameInAnyOrderAndKeepsEveryColumn() throws {
        let columns = ["nextruntime", "STATUS", "Name", "RecurringStrategy", "ExecuteSql", "LastResult", "LastRunTime", "Comment", "Extra"]
        let rows: [[String?]] = [
            ["2026-11-27 02:00:00", "RUNNING", "nightly", "EVERY 1 DAY STARTS 2026-11-20 02:00:00", "BACKUP SNAPSHOT shop.n_{ts} TO r",
             "\\N", nil, "", "kept"],
            [nil, "PAUSED", "", "EVERY 1 HOUR", "", nil, nil, nil, nil],
        ]
        let schedules = try ScheduleRow.rows(columns: columns, rows: rows)
        #expect(schedules.count == 1, "a row without a name is not a schedule")
        let nightly = try #require(schedules.first)
        #expect(nightly.name == "nightly")
        #expect(nightly.status == "RUNNING" && !nightly.isPaused)
        #expect(nightly.nextRunTime == "2026-11-27 02:00:00")
        #expect(nightly.lastResult == "" && nightly.lastRunTime == "", "NULL and \\N read as no value")
        #expect(nightly.every == "1 DAY")
        #expect(nightly.cells.map(\.column) == columns)
        #expect(nightly.cells.last?.value == "kept")
    }

    @Test func aResultWithoutNameOrStatusIsRefusedNamingTheColumn() {
        #expect(throws: SourceFailure("SELECT * FROM jobs(\"type\"=\"backup\") answered without a `Name` column (got Value).")) {
            try ScheduleRow.rows(columns: ["Value"], rows: [])
        }
    }

    @Test func failedRunsAndOneTimeSchedulesReadAsSuch() {
        #expect(ScheduleRow(name: "a", status: "RUNNING", lastResult: "CANCELLED: backend 10002 is down").lastRunFailed)
        #expect(!ScheduleRow(name: "a", status: "RUNNING", lastResult: "FINISHED").lastRunFailed)
        #expect(ScheduleRow(name: "a", status: "RUNNING", recurringStrategy: "AT 2026-12-24 02:00:00").every == "AT 2026-12-24 02:00:00")
    }
}

@Suite struct ScheduleTabTests {
    private func schedulesTab(_ cluster: ClusterSnapshot = ScheduleFixtures.cluster()) -> AppState {
        var state = Fixtures.state(cluster)
        Fixtures.press(&state, .character("8"))
        return state
    }

    @Test func theEighthTabListsSchedulesAndEnterShowsEveryColumn() {
        var state = schedulesTab()
        #expect(state.tab == .schedules)
        #expect(state.scheduleCursor.selected == "retail_nightly")
        Fixtures.press(&state, .down, .enter)
        #expect(state.scheduleCursor.selected == "telemetry_hourly" && state.scheduleDetailOpen)
        #expect(Fixtures.press(&state, .character("y")) == [.copyToClipboard(
            ScheduleFixtures.columns.enumerated().map { "\($0.element): \(ScheduleFixtures.rows[1][$0.offset] ?? "NULL")" }.joined(separator: "\n"))])
        Fixtures.press(&state, .escape)
        #expect(!state.scheduleDetailOpen)
        #expect(Tab.named("sched") == .schedules)
    }

    @Test func aServerWithoutJobsSaysWhyInsteadOfAnEmptyTable() {
        var cluster = ScheduleFixtures.cluster(schedules: [])
        cluster.unavailable[.schedules] = "This server (Doris 2.0.3) cannot list backup schedules with SELECT * FROM jobs(\"type\"=\"backup\"): unknown table function"
        let state = schedulesTab(cluster)
        #expect(state.scheduleTable().emptyText.hasPrefix("This server (Doris 2.0.3) cannot list backup schedules"))
        #expect(schedulesTab(ScheduleFixtures.cluster(schedules: [])).scheduleTable().emptyText == "No backup schedules. Press n to create one.")
    }

    @Test func newScheduleBuildsCreateJobAndShowsItBeforeRunning() throws {
        var state = schedulesTab(ScheduleFixtures.cluster(schedules: []))
        Fixtures.press(&state, .character("n"))
        var check = try #require(state.check)
        #expect(check.errors.isEmpty)
        #expect(check.sql == "CREATE JOB `retail_nightly` ON SCHEDULE EVERY 1 DAY STARTS '2026-11-27 02:00:00' DO BACKUP SNAPSHOT "
            + "`retail`.retail_nightly_{ts} TO `demo_repo` PROPERTIES (\"type\" = \"incremental\")")
        // Database telemetry renews the suggested name and prefix; then the TTL field.
        Fixtures.press(&state, .tab, .right)
        #expect(state.dialog?.form.text(.name) == "telemetry_nightly")
        Fixtures.press(&state, .tab, .tab, .control("u"))
        Fixtures.type(&state, "6")
        Fixtures.press(&state, .tab, .left)
        #expect(state.dialog?.form.text(.unit) == "HOUR")
        Fixtures.press(&state, .tab, .control("u"), .tab, .right, .tab)
        Fixtures.type(&state, "7 days")
        check = try #require(state.check)
        #expect(check.sql == "CREATE JOB `telemetry_nightly` ON SCHEDULE EVERY 6 HOUR DO BACKUP SNAPSHOT "
            + "`telemetry`.telemetry_nightly_{ts} TO `demo_repo` PROPERTIES (\"ttl\" = \"7 DAY\")")
        let effects = Fixtures.press(&state, .enter)
        #expect(effects == [.runSQL(id: 1, sql: check.sql)])
        _ = reduce(&state, .sqlFinished(id: 1, result: .ok(affectedRows: 0, info: nil)))
        #expect(state.modal == nil)
        #expect(state.flash?.text == "Schedule telemetry_nightly created.")
        // Selected as soon as the next picture lists it.
        _ = reduce(&state, .snapshot(ScheduleFixtures.cluster(schedules: ScheduleFixtures.schedules + [
            ScheduleRow(name: "telemetry_nightly", status: "RUNNING", recurringStrategy: "EVERY 6 HOUR"),
        ])))
        #expect(state.scheduleCursor.selected == "telemetry_nightly")
    }

    @Test func theDialogRefusesWhatTheServerWouldAndKeepsTheServersError() throws {
        var state = schedulesTab()
        Fixtures.press(&state, .character("n"))
        #expect(state.dialog?.form.text(.name) == "retail_nightly_2", "the suggestion avoids an existing schedule")
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "retail_nightly")
        Fixtures.press(&state, .tab, .tab, .tab, .control("u"))
        Fixtures.type(&state, "0")
        Fixtures.press(&state, .tab, .tab, .control("u"))
        Fixtures.type(&state, "tomorrow")
        Fixtures.press(&state, .tab, .tab)
        Fixtures.type(&state, "7 fortnights")
        Fixtures.press(&state, .tab, .control("u"))
        Fixtures.type(&state, "a b")
        let check = try #require(state.check)
        #expect(check.errors == [
            "A schedule named retail_nightly already exists",
            "Every must be a whole number of at least 1, not '0'",
            "Starts must be yyyy-MM-dd HH:mm:ss, not 'tomorrow'",
            "TTL must be a number and HOUR, DAY, WEEK or MONTH, like 7 DAY",
            "Label prefix format error: a b (letters, digits, - and _ only, at most 128)",
        ])
        #expect(Fixtures.press(&state, .enter).isEmpty, "nothing runs while the form is wrong")
        #expect(state.flash?.level == .error)

        var fresh = schedulesTab(ScheduleFixtures.cluster(schedules: []))
        Fixtures.press(&fresh, .character("n"), .enter)
        _ = reduce(&fresh, .sqlFinished(id: 1, result: .failure("ERROR 1105 (HY000): errCode = 2, detailMessage = repository demo_repo is busy")))
        #expect(fresh.dialog?.form.serverError == "ERROR 1105 (HY000): errCode = 2, detailMessage = repository demo_repo is busy")
    }

    @Test func pauseResumeRunNowAndDropEachConfirmWithTheirSQL() throws {
        var state = schedulesTab()
        Fixtures.press(&state, .character("p"))
        #expect(state.confirm?.sql == "PAUSE JOB WHERE jobname = 'retail_nightly'")
        #expect(state.confirm?.focusOnConfirm == true)
        let effects = Fixtures.press(&state, .character("y"))
        #expect(effects == [.runSQL(id: 1, sql: "PAUSE JOB WHERE jobname = 'retail_nightly'")])
        _ = reduce(&state, .sqlFinished(id: 1, result: .ok(affectedRows: 0, info: nil)))
        #expect(state.flash?.text == "Schedule retail_nightly paused: no runs until it is resumed.")

        Fixtures.press(&state, .down, .character("p"))
        #expect(state.confirm?.sql == "RESUME JOB WHERE jobname = 'telemetry_hourly'", "p on a paused schedule resumes it")
        Fixtures.press(&state, .escape, .character("x"))
        #expect(state.confirm?.sql == "EXECUTE JOB WHERE jobname = 'telemetry_hourly'")
        Fixtures.press(&state, .escape, .character("d"))
        #expect(state.confirm?.sql == "DROP JOB WHERE jobname = 'telemetry_hourly'")
        #expect(state.confirm?.focusOnConfirm == false, "Enter alone does not drop")
        Fixtures.press(&state, .character("y"))
        _ = reduce(&state, .sqlFinished(id: 2, result: .failure("ERROR 1105 (HY000): job not found: telemetry_hourly")))
        #expect(state.confirm?.serverError == "ERROR 1105 (HY000): job not found: telemetry_hourly")
        #expect(state.flash?.level == .error)
    }

    @Test func scheduleKeysExplainThemselvesElsewhereAndNeedAdmin() {
        var state = Fixtures.state(ScheduleFixtures.cluster())
        Fixtures.press(&state, .character("x"))
        #expect(state.flash?.text == "Select a schedule on the Schedules tab (8) first.")
        var viewer = Fixtures.state(Fixtures.cluster(isAdmin: false, user: "viewer"))
        Fixtures.press(&viewer, .character("8"), .character("n"))
        #expect(viewer.modal == nil)
        #expect(viewer.flash?.text == "Only ADMIN users can create schedules: viewer has no ADMIN_PRIV.")
    }
}

@Suite struct SnapshotChainTests {
    private func key(_ label: String, _ timestamp: String) -> SnapshotKey {
        SnapshotKey(repository: "r", label: label, timestamp: timestamp)
    }

    @Test func incrementalsHangUnderTheirBaseAndFullSnapshotsAreRoots() {
        let full = key("n1", "2026-11-24-02-00-00"), a = key("n2", "2026-11-25-02-00-00"), b = key("n3", "2026-11-26-02-00-00")
        let side = key("n3b", "2026-11-26-03-00-00"), other = key("dr", "2026-11-25-12-00-00"), orphan = key("n9", "2026-11-27-02-00-00")
        let lineage: [SnapshotKey: SnapshotLineage] = [
            full: SnapshotLineage(type: "FULL"),
            a: SnapshotLineage(type: "INCREMENTAL", baseLabel: "n1"),
            b: SnapshotLineage(type: "INCREMENTAL", baseLabel: "n2"),
            side: SnapshotLineage(type: "INCREMENTAL", baseLabel: "n2"),
            orphan: SnapshotLineage(type: "INCREMENTAL", baseLabel: "gone"),
        ]
        let entries = [orphan, side, b, other, a, full]   // newest first, as the list shows them
        let lines = SnapshotChain.lines(entries) { lineage[$0] }
        #expect(lines.map { $0.prefix + $0.key.label } == ["n9", "dr", "n1", "└─ n2", "  ├─ n3b", "  └─ n3"])
        #expect(lines.first?.baseMissing == true)
        #expect(lines.dropFirst().allSatisfy { !$0.baseMissing })
    }

    @Test func aBaseNamedByLabelIsItsNewestOlderTimestampAndCyclesBecomeRoots() {
        let old = key("n1", "2026-11-20-02-00-00"), new = key("n1", "2026-11-28-02-00-00"), inc = key("n2", "2026-11-25-02-00-00")
        #expect(SnapshotChain.base(of: inc, label: "n1", timestamp: nil, in: [new, inc, old]) == old)
        #expect(SnapshotChain.base(of: inc, label: "n1", timestamp: "2026-11-28-02-00-00", in: [new, inc, old]) == new)
        let x = key("x", "1"), y = key("y", "2")
        let damaged: [SnapshotKey: SnapshotLineage] = [
            x: SnapshotLineage(type: "INCREMENTAL", baseLabel: "y"), y: SnapshotLineage(type: "INCREMENTAL", baseLabel: "x"),
        ]
        #expect(SnapshotChain.lines([y, x]) { damaged[$0] }.map(\.prefix) == ["", ""])
    }

    @Test func ownersReadAsThisClusterOrAShortId() {
        let info = SnapshotLineage(owner: ScheduleFixtures.ownId)
        #expect(info.ownerText(connectedCluster: ScheduleFixtures.ownId) == "this cluster")
        #expect(info.ownerText(connectedCluster: nil) == "7f3c9a2e")
        #expect(AppState.shortBase("retail_nightly_20261125", of: "retail_nightly_20261126") == "…20261125")
        #expect(AppState.shortBase("weekly", of: "retail_nightly_20261126") == "weekly")
    }

    @Test func tTogglesTheChainViewOnlyOnTheSnapshotList() {
        var state = Fixtures.state(ScheduleFixtures.cluster())
        Fixtures.press(&state, .character("t"))
        #expect(!state.snapshotChainView)
        Fixtures.press(&state, .character("4"), .character("t"))
        #expect(state.snapshotChainView)
        #expect(state.snapshotTable().rows.map { $0.cells[0].text } == [
            "dr_copy", "retail_nightly_20261124", "└─ retail_nightly_20261125", "  └─ retail_nightly_20261126",
        ])
        Fixtures.press(&state, .character("t"))
        #expect(!state.snapshotChainView)
    }
}

@Suite struct SchedulePaletteTests {
    @Test func thePaletteOpensTheScheduleDialogAndTheTab() {
        var state = Fixtures.state(ScheduleFixtures.cluster())
        _ = Palette.run("schedules", &state)
        #expect(state.tab == .schedules)
        _ = Palette.run("schedule", &state)
        #expect(state.dialog?.kind == .schedule)
    }
}
