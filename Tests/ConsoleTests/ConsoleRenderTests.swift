import Testing
@testable import Console

@Suite struct ConsoleRenderTests {
    static let repositories = SQLResult(
        columns: ["RepoId", "RepoName", "CreateTime", "IsReadOnly", "Location", "Broker", "Type", "ErrMsg"],
        rows: [["11937", "demo_repo", "2026-11-26 15:25:26", "false", "/tmp/console-demo/repository", "-", "LOCAL", nil]]
    )

    @Test func consoleShowsThePromptTheStatementAndTheGrid() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("6"))
        Fixtures.type(&state, "SHOW REPOSITORIES")
        let typing = Fixtures.render(state)
        #expect(typing.textLines()[3] == " sql> SHOW REPOSITORIES")
        #expect(typing.cursor == CursorPosition(x: 23, y: 3))
        Fixtures.press(&state, .enter)
        #expect(Fixtures.render(state).textLines()[4] == " running: SHOW REPOSITORIES")
        _ = reduce(&state, .sqlFinished(id: 1, result: Self.repositories))
        let lines = Fixtures.render(state).textLines()
        #expect(lines[4] == " SHOW REPOSITORIES  1 row in set  columns 1-5 of 8: Esc, then h/l scrolls")
        #expect(lines[5] == " RepoId RepoName  CreateTime          IsReadOnly Location")
        #expect(lines[6] == " 11937  demo_repo 2026-11-26 15:25:26 false      /tmp/console-demo/repository")

        Fixtures.press(&state, .escape, .character("l"), .character("l"), .character("l"), .character("l"))
        let scrolled = Fixtures.render(state)
        #expect(scrolled.textLines()[5] == " Location                     Broker Type  ErrMsg")
        #expect(scrolled.textLines()[6] == " /tmp/console-demo/repository -      LOCAL NULL")
        #expect(scrolled.styleMask()[6].hasPrefix("SSSSS"), "the results have the keys: the row is selected")
        Fixtures.press(&state, .character("i"))
        #expect(Fixtures.render(state).styleMask()[6].hasSuffix("dddd"), "NULL is dimmed")
    }

    @Test func consoleErrorsAreRed() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("6"))
        Fixtures.type(&state, "SELECT * FROM nope")
        Fixtures.press(&state, .enter)
        _ = reduce(&state, .sqlFinished(id: 1, result: .failure("ERROR 1146 (42S02): Table 'retail.nope' doesn't exist")))
        let buffer = Fixtures.render(state)
        #expect(buffer.textLines()[4] == " SELECT * FROM nope  ERROR 1146 (42S02): Table 'retail.nope' doesn't exist")
        #expect(buffer.styleMask()[4].hasSuffix(String(repeating: "E", count: 40)))
    }

    @Test func paletteListsMatchingCommands() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "re")
        let lines = Fixtures.render(state).textLines()
        #expect(lines[22] == ":re")
        #expect(lines.contains { $0.contains("restore") && $0.contains("Restore the selected snapshot") })
        #expect(lines.contains { $0.contains("repository") && $0.contains("New repository dialog") })
        #expect(lines.contains { $0.contains("restores") })
        #expect(!lines.contains { $0.contains("backup ") && $0.contains("New backup dialog") })
    }
}
