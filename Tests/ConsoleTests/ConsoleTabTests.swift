import Testing
@testable import Console

@Suite struct ConsoleTabTests {
    static func consoleState() -> AppState {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("6"))
        return state
    }

    @Test func typesEditsAndRunsAStatement() {
        var state = Self.consoleState()
        Fixtures.type(&state, "SHOW DATBASEX")
        Fixtures.press(&state, .backspace)
        Fixtures.type(&state, "S")
        Fixtures.press(&state, .left, .left, .left, .left, .left)
        Fixtures.type(&state, "A")
        Fixtures.press(&state, .end)
        #expect(state.console.editor.text == "SHOW DATABASES")
        let effects = Fixtures.press(&state, .enter)
        #expect(effects == [.runSQL(id: 1, sql: "SHOW DATABASES")])
        #expect(state.console.editor.isEmpty && state.console.running == 1)
        _ = reduce(&state, .sqlFinished(id: 1, result: SQLResult(columns: ["Database"], rows: [["retail"], ["telemetry"]])))
        #expect(state.console.running == nil)
        #expect(state.console.result?.rows.count == 2)
        #expect(Fixtures.press(&state, .enter).isEmpty, "an empty prompt runs nothing")
    }

    @Test func historyWalksBackAndForthAndKeepsTheDraft() {
        var state = Self.consoleState()
        for sql in ["SHOW DATABASES", "SHOW REPOSITORIES", "SHOW REPOSITORIES"] {
            Fixtures.type(&state, sql)
            Fixtures.press(&state, .enter)
        }
        #expect(state.console.history == ["SHOW DATABASES", "SHOW REPOSITORIES"], "repeats are remembered once")
        Fixtures.type(&state, "SEL")
        Fixtures.press(&state, .up)
        #expect(state.console.editor.text == "SHOW REPOSITORIES")
        Fixtures.press(&state, .up, .up)
        #expect(state.console.editor.text == "SHOW DATABASES", "stops at the oldest")
        Fixtures.press(&state, .down)
        #expect(state.console.editor.text == "SHOW REPOSITORIES")
        Fixtures.press(&state, .down)
        #expect(state.console.editor.text == "SEL", "past the newest, the draft comes back")
    }

    /// A statement with a secret runs as typed, shows masked, and is not kept for ↑.
    @Test func secretsTypedInTheConsoleAreNotKeptOrShownAfterwards() {
        var state = Self.consoleState()
        let sql = "CREATE REPOSITORY r WITH S3 ON LOCATION 's3://b/p' PROPERTIES ('AWS_SECRET_KEY' = 'Hush-123')"
        Fixtures.type(&state, sql)
        #expect(Fixtures.press(&state, .enter) == [.runSQL(id: 1, sql: sql)])
        #expect(state.console.history.isEmpty)
        #expect(!Fixtures.render(state).textLines().joined().contains("Hush"))
        _ = reduce(&state, .sqlFinished(id: 1, result: SQLResult(columns: [], rows: [])))
        let screen = Fixtures.render(state).textLines().joined()
        #expect(!screen.contains("Hush"))
        Fixtures.press(&state, .up)
        #expect(state.console.editor.text.isEmpty)
    }

    @Test func lineEditingKeys() {
        var state = Self.consoleState()
        Fixtures.type(&state, "SELECT * FROM t")
        Fixtures.press(&state, .control("w"))
        #expect(state.console.editor.text == "SELECT * FROM ")
        Fixtures.press(&state, .control("a"), .delete)
        #expect(state.console.editor.text == "ELECT * FROM ")
        Fixtures.press(&state, .right, .control("k"))
        #expect(state.console.editor.text == "E")
        Fixtures.press(&state, .control("u"))
        #expect(state.console.editor.isEmpty)
        Fixtures.type(&state, "上海")
        Fixtures.press(&state, .left)
        Fixtures.type(&state, "·")
        #expect(state.console.editor.text == "上·海")
    }

    @Test func errorsAreShownAndResultsScroll() {
        var state = Self.consoleState()
        Fixtures.type(&state, "SELECT * FROM nope")
        Fixtures.press(&state, .enter)
        _ = reduce(&state, .sqlFinished(id: 1, result: .failure("ERROR 1146 (42S02): Table 'retail.nope' doesn't exist")))
        #expect(state.console.result?.error == "ERROR 1146 (42S02): Table 'retail.nope' doesn't exist")
        #expect(state.flash == nil, "console errors show in the console, not as a flash")

        Fixtures.type(&state, "SELECT id FROM t")
        Fixtures.press(&state, .enter)
        let rows = (1...100).map { [String($0)] as [String?] }
        _ = reduce(&state, .sqlFinished(id: 2, result: SQLResult(columns: ["id"], rows: rows)))
        Fixtures.press(&state, .pageDown, .pageDown)
        let viewport = Layout.rows(in: state.layout.consoleGrid)
        #expect(state.console.resultCursor.selected == 2 * (viewport - 1))
        Fixtures.press(&state, .escape)
        #expect(state.console.focus == .results)
        Fixtures.press(&state, .character("G"))
        #expect(state.console.resultCursor.selected == 99)
        #expect(Fixtures.press(&state, .character("y")) == [.copyToClipboard("100")])
        Fixtures.press(&state, .character("1"))
        #expect(state.tab == .backups, "outside the prompt, the digits switch tabs again")
        Fixtures.press(&state, .character("6"))
        #expect(state.console.focus == .prompt)
    }
}

@Suite struct BrowserTests {
    @Test func repositoriesDrillIntoSnapshotsAndLoadThem() {
        var state = Fixtures.state(Fixtures.cluster(snapshots: [:]))
        Fixtures.press(&state, .character("3"))
        #expect(state.repositoryCursor.selected == "demo_repo")
        let effects = Fixtures.press(&state, .enter)
        #expect(effects == [.loadSnapshots(repository: "demo_repo")])
        #expect(state.tab == .snapshots)
        #expect(state.snapshotTable().emptyText == "Listing the snapshots of demo_repo…")
        _ = reduce(&state, .snapshotsLoaded(repository: "demo_repo", rows: Fixtures.snapshots, error: nil))
        #expect(state.snapshotTable().keys == ["nightly\t2026-11-26-15-25-31", "遥测_first\t2026-11-26-15-25-26"])
        _ = reduce(&state, .snapshotsLoaded(repository: "demo_repo", rows: [], error: "ERROR 1105 (HY000): path does not exist"))
        #expect(state.flash?.level == .error)
    }

    @Test func snapshotContentsDrillDownToFilesWithCheckResults() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("4"))
        #expect(Fixtures.press(&state, .enter) == [.loadSnapshotDetail(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31")])
        #expect(state.snapshotTable().emptyText == "Loading the snapshot's contents…")
        let info = """
            {"name":"nightly","database":"retail","backup_objects":{"orders":{"id":12,"partitions":{"p202501":{"id":1200,"version":5,
             "indexes":{"orders":{"id":13,"tablets":{"11403":["0_0.dat.abc","1_0.dat.def"]},"tablets_order":[11403]}}}}}}}
            """
        _ = reduce(&state, .snapshotDetailLoaded(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31", contents: SnapshotContents.parse(info), error: nil))
        #expect(state.snapshotTable().keys == ["orders"])
        Fixtures.press(&state, .enter)
        #expect(state.snapshotTable().keys == ["p202501"])
        Fixtures.press(&state, .enter)
        #expect(state.snapshotTable().keys == ["11403"])
        Fixtures.press(&state, .enter)
        #expect(state.snapshotTable().keys == ["0_0.dat.abc", "1_0.dat.def"])
        state.snapshotCache.checks[Fixtures.nightlyKey] = [CheckRow(file: "__ss_content/x/0_0.dat.abc", status: "OK", detail: "")]
        #expect(state.snapshotTable().rows[0].cells[1].text == "OK ")
        #expect(state.snapshotCheckRows.count == 1)
        Fixtures.press(&state, .enter)
        #expect(state.flash?.text == "Files are the finest level of a snapshot.")
        Fixtures.press(&state, .escape, .left, .character("h"))
        #expect(state.snapshotBrowser.depth == 1)
        #expect(state.snapshotBrowser.cursor.selected == "orders", "going up lands on the row the user came from")
    }

    @Test func catalogDrillsFromDatabasesToTablets() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("5"))
        #expect(state.catalogTable().keys == ["retail", "telemetry"])
        Fixtures.press(&state, .enter)
        #expect(state.catalogTable().keys == ["customers", "orders", "products"])
        Fixtures.press(&state, .down, .enter)
        #expect(state.catalogTable().keys == ["p202501", "p202502", "p202503"])
        Fixtures.press(&state, .enter)
        #expect(state.catalogTable().keys == ["12000", "12001"])
        let row = state.catalogTable().rows[0].cells.map(\.text)
        #expect(row == ["12000", "10001,10002,10003", "5", "4", "8,000", "16", "684 KiB", "1s"])
        Fixtures.press(&state, .enter)
        #expect(state.catalogBrowser.depth == 3)
        Fixtures.press(&state, .escape, .escape)
        #expect(state.catalogBrowser.path == ["retail"])
        #expect(state.catalogBrowser.cursor.selected == "orders")
    }

    @Test func eventsAreNewestFirstAndKeepTheirSelection() {
        let events = [
            EventRow(time: "2026-11-26 15:25:26", text: "backup 11938 遥测_first: PENDING → SNAPSHOTING"),
            EventRow(time: "2026-11-26 15:25:27", level: .error, text: "backup 11939 nightly: upload to 10002 failed"),
        ]
        var state = Fixtures.state(Fixtures.cluster(events: events))
        Fixtures.press(&state, .character("7"))
        #expect(state.eventTable().rows.map { $0.cells[2].text } == [events[1].text, events[0].text])
        Fixtures.press(&state, .down)
        let selected = state.eventCursor.selected
        _ = reduce(&state, .snapshot(Fixtures.cluster(sequence: 2, events: events + [EventRow(time: "2026-11-26 15:25:28", text: "new")])))
        #expect(state.eventCursor.selected == selected)
        #expect(state.eventTable().rows.count == 3)
    }
}
