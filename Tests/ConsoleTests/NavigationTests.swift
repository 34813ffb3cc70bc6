import Testing
@testable import Console

@Suite struct NavigationTests {
    /// `count` running backups with ids 1...count.
    static func manyJobs(_ count: Int, database: String = "retail") -> [JobRow] {
        (1...count).map { Fixtures.job(id: Int64($0), label: "job_\($0)", database: database, state: "UPLOADING") }
    }

    @Test func startsOnTheNewestJobAndMovesWithArrowsAndVimKeys() {
        var state = Fixtures.state()
        #expect(state.tab == .backups)
        #expect(state.backups.order == [11940, 11939, 11938], "JobId descending by default")
        #expect(state.backups.cursor.selected == 11940)
        Fixtures.press(&state, .character("j"))
        #expect(state.backups.cursor.selected == 11939)
        Fixtures.press(&state, .down, .down)
        #expect(state.backups.cursor.selected == 11938, "stops at the last row")
        Fixtures.press(&state, .character("k"))
        #expect(state.backups.cursor.selected == 11939)
        Fixtures.press(&state, .character("g"))
        #expect(state.backups.cursor.selected == 11940)
        Fixtures.press(&state, .character("G"))
        #expect(state.backups.cursor.selected == 11938)
        Fixtures.press(&state, .home)
        #expect(state.backups.cursor.selected == 11940)
    }

    @Test func pagesByTheVisibleRowsAndKeepsTheSelectionOnScreen() {
        var state = Fixtures.state(Fixtures.cluster(jobs: Self.manyJobs(100)))
        let viewport = Layout.rows(in: state.layout.jobAreas(detailOpen: false).table)
        #expect(viewport == 18, "24 rows: header, tabs, title, column header, message and hints leave 18")
        Fixtures.press(&state, .pageDown)
        #expect(state.backups.cursor.selected == Int64(83), "a page keeps one row of context")
        Fixtures.press(&state, .pageDown)
        let index = state.backups.order.firstIndex(of: state.backups.cursor.selected!)!
        #expect(index == 34)
        #expect(state.backups.cursor.offset <= index && index < state.backups.cursor.offset + viewport)
        Fixtures.press(&state, .end)
        #expect(state.backups.cursor.selected == 1)
        #expect(state.backups.cursor.offset == 100 - viewport)
        Fixtures.press(&state, .pageUp)
        #expect(state.backups.cursor.selected == Int64(18))
    }

    @Test func tabsByNumberTabAndBackTab() {
        var state = Fixtures.state()
        for tab in Tab.allCases.reversed() where tab != .console {
            Fixtures.press(&state, .character(Character(String(tab.rawValue))))
            #expect(state.tab == tab)
        }
        Fixtures.press(&state, .tab)
        #expect(state.tab == .restores)
        Fixtures.press(&state, .backTab, .backTab)
        #expect(state.tab == .schedules, "BackTab wraps around")
        Fixtures.press(&state, .tab)
        #expect(state.tab == .backups, "Tab wraps around")
        Fixtures.press(&state, .character("6"))
        #expect(state.tab == .console && state.console.focus == .prompt)
        Fixtures.press(&state, .character("1"))
        #expect(state.tab == .console && state.console.editor.text == "1", "digits are text at the SQL prompt")
        Fixtures.press(&state, .tab)
        #expect(state.tab == .events)
    }

    @Test func selectionFollowsTheJobIdWhenRowsReorderAndNewJobsArrive() {
        var state = Fixtures.state()
        Fixtures.press(&state, .down)
        #expect(state.backups.cursor.selected == 11939)
        for _ in 0..<AppState.navigationFreezeTicks { _ = reduce(&state, .tick(now: Fixtures.now + 1)) }

        // Two new jobs arrive on top: the selection stays on 11939, now two rows further down.
        var jobs = Fixtures.defaultJobs
        jobs.append(Fixtures.job(id: 11941, label: "a", database: "telemetry", state: "PENDING"))
        jobs.append(Fixtures.job(id: 11942, label: "b", database: "telemetry", state: "PENDING"))
        _ = reduce(&state, .snapshot(Fixtures.cluster(sequence: 2, jobs: jobs)))
        #expect(state.backups.order == [11942, 11941, 11940, 11939, 11938])
        #expect(state.backups.cursor.selected == 11939)

        // Sorted by state, the rows move: selection still follows the id.
        Fixtures.press(&state, .character(">"), .character(">"), .character(">"))
        #expect(state.backups.sort.column == .state)
        #expect(state.backups.order.first == 11939, "running jobs sort first")
        #expect(state.backups.cursor.selected == 11939)
    }

    @Test func orderHoldsForAFewTicksAfterNavigationThenCatchesUp() {
        var state = Fixtures.state()
        Fixtures.press(&state, .down)
        var jobs = Fixtures.defaultJobs
        jobs.removeAll { $0.jobId == 11940 }
        jobs.append(Fixtures.job(id: 11950, label: "new", state: "PENDING"))
        _ = reduce(&state, .snapshot(Fixtures.cluster(sequence: 2, jobs: jobs)))
        #expect(state.backups.order == [11940, 11939, 11938], "frozen: the gone job stays (greyed), the new one waits")
        #expect(state.backups.retired == [11940])
        #expect(state.backups.waiting == 1)
        #expect(state.backups.cursor.selected == 11939)

        for tick in 1...AppState.navigationFreezeTicks {
            _ = reduce(&state, .tick(now: Fixtures.now + Double(tick)))
        }
        #expect(state.backups.order == [11950, 11939, 11938])
        #expect(state.backups.retired.isEmpty && state.backups.waiting == 0)
        #expect(state.backups.cursor.selected == 11939)
    }

    @Test func aVanishedSelectionMovesToTheRowThatTookItsPlace() {
        var state = Fixtures.state()
        Fixtures.press(&state, .down)
        for _ in 0..<AppState.navigationFreezeTicks { _ = reduce(&state, .tick(now: Fixtures.now + 1)) }
        let jobs = Fixtures.defaultJobs.filter { $0.jobId != 11939 }
        _ = reduce(&state, .snapshot(Fixtures.cluster(sequence: 2, jobs: jobs)))
        #expect(state.backups.order == [11940, 11938])
        #expect(state.backups.cursor.selected == 11938)
    }

    @Test func staleSnapshotsAreIgnored() {
        var state = Fixtures.state(Fixtures.cluster(sequence: 5))
        _ = reduce(&state, .snapshot(Fixtures.cluster(sequence: 4, jobs: [])))
        #expect(state.backups.order.count == 3)
    }

    @Test func selectionFollowsTheJobInAThousandRowTableAndStaysVisible() {
        var state = Fixtures.state(Fixtures.cluster(jobs: Self.manyJobs(1000)))
        Fixtures.press(&state, .pageDown, .pageDown, .down)
        let selected = state.backups.cursor.selected!
        for _ in 0..<AppState.navigationFreezeTicks { _ = reduce(&state, .tick(now: Fixtures.now + 1)) }
        // 50 newer jobs push it 50 rows down: it stays selected and the viewport follows.
        let more = (1001...1050).map { Fixtures.job(id: Int64($0), label: "job_\($0)", state: "UPLOADING") }
        _ = reduce(&state, .snapshot(Fixtures.cluster(sequence: 2, jobs: Self.manyJobs(1000) + more)))
        #expect(state.backups.cursor.selected == selected)
        let index = state.backups.order.firstIndex(of: selected)!
        let viewport = Layout.rows(in: state.layout.jobAreas(detailOpen: false).table)
        #expect(state.backups.cursor.offset <= index && index < state.backups.cursor.offset + viewport)
    }

    @Test func enterOpensTheDetailPaneAndEscClosesIt() {
        var state = Fixtures.state()
        Fixtures.press(&state, .down, .enter)
        #expect(state.backups.detail != nil)
        #expect(state.inputContexts.first == .detail)
        Fixtures.press(&state, .pageDown)
        #expect(state.backups.detail?.scroll ?? 0 > 0)
        Fixtures.press(&state, .down)
        #expect(state.backups.cursor.selected == 11938, "arrows still move between jobs; the pane follows")
        Fixtures.press(&state, .escape)
        #expect(state.backups.detail == nil)
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var state = Fixtures.state(Fixtures.cluster(jobs: Self.manyJobs(60)))
        Fixtures.press(&state, .end)
        _ = reduce(&state, .resized(width: 120, height: 40))
        let viewport = Layout.rows(in: state.layout.jobAreas(detailOpen: false).table)
        #expect(state.backups.cursor.offset == 60 - viewport)
        _ = reduce(&state, .resized(width: 80, height: 15))
        let small = Layout.rows(in: state.layout.jobAreas(detailOpen: false).table)
        #expect(state.backups.cursor.offset == 60 - small)
    }

    @Test func ctrlLAsksForAFullRedrawOnce() {
        var state = Fixtures.state()
        Fixtures.press(&state, .control("l"))
        #expect(state.needsFullRedraw)
        _ = reduce(&state, .tick(now: Fixtures.now + 1))
        #expect(!state.needsFullRedraw)
    }

    @Test func flashMessagesExpireWithTheClock() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("w"))
        #expect(state.flash?.text.hasPrefix("w: nothing to do here") == true)
        _ = reduce(&state, .tick(now: Fixtures.now + 5))
        #expect(state.flash != nil)
        _ = reduce(&state, .tick(now: Fixtures.now + 7))
        #expect(state.flash == nil)
    }
}
