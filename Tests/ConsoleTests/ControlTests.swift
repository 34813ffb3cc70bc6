import Testing
@testable import Console

@Suite struct FilterSortPauseTests {
    @Test func slashFiltersAsYouTypeAndEscClears() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "tele")
        #expect(state.backups.order == [11940, 11938], "matches the database name, live")
        #expect(state.filter == "tele")
        Fixtures.press(&state, .enter)
        #expect(state.modal == nil && state.filter == "tele")
        Fixtures.press(&state, .character("/"), .control("u"))
        Fixtures.type(&state, "遥测")
        #expect(state.backups.order == [11938], "CJK labels filter too")
        Fixtures.press(&state, .escape)
        #expect(state.filter.isEmpty && state.backups.order.count == 3)
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "COMMON")
        Fixtures.press(&state, .enter)
        #expect(state.backups.order == [11940], "Status and TaskErrMsg text match, case-insensitively")
        Fixtures.press(&state, .escape)
        #expect(state.filter.isEmpty, "Esc in the table clears the filter")
    }

    @Test func filtersArePerTabAndWorkOnEveryTable() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "nightly")
        Fixtures.press(&state, .enter, .character("4"))
        #expect(state.filter.isEmpty)
        #expect(state.snapshotTable().rows.count == 2)
        Fixtures.press(&state, .character("/"))
        Fixtures.type(&state, "遥")
        Fixtures.press(&state, .enter)
        #expect(state.snapshotTable().rows.map { $0.cells[0].text } == ["遥测_first"])
        #expect(state.snapshotBrowser.cursor.selected == "遥测_first\t2026-11-26-15-25-26")
        Fixtures.press(&state, .character("1"))
        #expect(state.filter == "nightly" && state.backups.order == [11939])
    }

    @Test func sortKeysCycleColumnsAndShowTheChoice() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character(">"))
        #expect(state.backups.sort == JobSort(column: .database, descending: false))
        #expect(state.backups.order == [11939, 11940, 11938])
        #expect(state.flash?.text == "Sorted by DbName ascending.")
        Fixtures.press(&state, .character("<"), .character("<"))
        #expect(state.backups.sort == JobSort(column: .elapsed, descending: true))
        #expect(state.backups.order == [11939, 11940, 11938], "running 120 s, then cancelled after 10 s, then done in 1 s")
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "sort label")
        Fixtures.press(&state, .enter)
        #expect(state.backups.sort == JobSort(column: .label, descending: false))
    }

    @Test func pauseFreezesOrderAndValuesUntilResumed() {
        var state = Fixtures.state()
        _ = Fixtures.press(&state, .character("Z"))
        #expect(state.isPaused)
        var jobs = Fixtures.defaultJobs
        jobs[1].state = "SAVE_META"
        jobs.append(Fixtures.job(id: 11999, label: "late", state: "PENDING"))
        _ = reduce(&state, .snapshot(Fixtures.cluster(sequence: 2, jobs: jobs)))
        #expect(state.backups.order == [11940, 11939, 11938])
        #expect(state.backups.rows[11939]?.state == "UPLOADING", "values hold too")
        #expect(state.pendingSnapshot?.sequence == 2)
        for tick in 1...10 { _ = reduce(&state, .tick(now: Fixtures.now + Double(tick))) }
        #expect(state.backups.order.count == 3, "time does not unpause")
        _ = Fixtures.press(&state, .character("Z"))
        #expect(state.backups.order == [11999, 11940, 11939, 11938])
        #expect(state.backups.rows[11939]?.state == "SAVE_META")
        #expect(state.pendingSnapshot == nil)
    }

    @Test func copyPutsTheSelectedRowOnTheClipboard() {
        var state = Fixtures.state()
        Fixtures.press(&state, .down)
        #expect(Fixtures.press(&state, .character("y")) == [.copyToClipboard("11939\tnightly\tretail\tUPLOADING\t")])
        Fixtures.press(&state, .enter)
        let effects = Fixtures.press(&state, .character("y"))
        guard case .copyToClipboard(let text)? = effects.first else {
            Issue.record("no copy")
            return
        }
        #expect(text.hasPrefix("JobId: 11939\nSnapshotName: nightly\n"), "with the detail open, every column")
        Fixtures.press(&state, .escape, .character("3"))
        #expect(Fixtures.press(&state, .character("y")) == [.copyToClipboard("demo_repo\t/tmp/demo/repository")])
    }
}

@Suite struct PaletteAndHelpTests {
    @Test func paletteRunsNamedCommands() {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "tab repos")
        Fixtures.press(&state, .enter)
        #expect(state.tab == .repositories)
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "back")
        Fixtures.press(&state, .enter)
        #expect(state.modal == nil)
        #expect(state.flash?.text == "back could be backup, backups")
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "repo")
        Fixtures.press(&state, .enter)
        #expect(state.dialog?.kind == .repository, "repo is short for repository")
        Fixtures.press(&state, .escape, .character(":"))
        Fixtures.type(&state, "ba")
        Fixtures.press(&state, .tab, .enter)
        #expect(state.dialog?.kind == .backup, "Tab completes the highlighted suggestion")
        Fixtures.press(&state, .escape, .character(":"))
        Fixtures.type(&state, "snapshots demo_repo")
        let effects = Fixtures.press(&state, .enter)
        #expect(state.tab == .snapshots && state.selectedRepository == "demo_repo")
        #expect(effects.isEmpty, "the list is already cached from the cluster snapshot")
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "frobnicate")
        Fixtures.press(&state, .enter)
        #expect(state.flash?.text.hasPrefix("Unknown command frobnicate") == true)
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "q")
        #expect(Fixtures.press(&state, .enter) == [.quit])
    }

    @Test func paletteCompletesWithTab() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "ve")
        Fixtures.press(&state, .tab)
        guard case .prompt(let prompt)? = state.modal else {
            Issue.record("palette closed")
            return
        }
        #expect(prompt.editor.text == "verify")
    }

    @Test func paletteSQLRunsInTheConsole() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, "sql SHOW REPOSITORIES")
        #expect(Fixtures.press(&state, .enter) == [.runSQL(id: 1, sql: "SHOW REPOSITORIES")])
        #expect(state.tab == .console)
    }

    @Test func helpOpensScrollsAndCloses() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("?"))
        #expect(state.modal == .help(scroll: 0))
        Fixtures.press(&state, .character("j"), .character("j"), .pageDown)
        guard case .help(let scroll)? = state.modal else {
            Issue.record("help closed")
            return
        }
        #expect(scroll > 2)
        Fixtures.press(&state, .character("q"))
        #expect(state.modal == nil, "q closes help rather than quitting")
    }
}

@Suite struct KeyMapTests {
    @Test func everyBindingHasHelpAndShowsInTheHelpOverlay() {
        let help = HelpContent.lines(ascii: false).map { $0.runs.map(\.text).joined() }
        for binding in KeyMap.standard.bindings {
            #expect(!binding.help.isEmpty, "\(binding.command) has no help")
            let keys = binding.keyNames()
            #expect(help.contains { $0.contains(keys) && $0.contains(binding.help) }, "\(keys) \(binding.help) missing from ?")
        }
        for entry in Palette.entries {
            #expect(help.contains { $0.contains(entry.name) && $0.contains(entry.help) }, "palette \(entry.name) missing from ?")
        }
    }

    @Test func everyCommandTheReducerKnowsIsBound() {
        let bound = Set(KeyMap.standard.bindings.map(\.command))
        let commands: [Command] = [
            .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .open, .back, .nextTab, .previousTab, .filter, .palette, .help,
            .sortPrevious, .sortNext, .pause, .copy, .redraw, .quit, .newBackup, .restore, .newRepository, .cancelJob, .drop, .verify,
            .nextField, .previousField, .submit, .dismiss, .toggle, .choicePrevious, .choiceNext, .confirm, .reject, .runStatement,
            .historyPrevious, .historyNext, .focusResults, .focusPrompt, .scrollLeft, .scrollRight, .cursorLeft, .cursorRight,
            .lineStart, .lineEnd, .deleteBackward, .deleteForward, .killToEnd, .killToStart, .deleteWord,
        ] + Tab.allCases.map { .showTab($0) }
        for command in commands {
            #expect(bound.contains(command), "\(command) has no key")
        }
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in InputContext.allCases {
            let keys = KeyMap.standard.bindings(in: context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
        }
    }

    @Test func specificContextsWinAndHintsComeByPriority() {
        let map = KeyMap.standard
        #expect(map.command(for: .escape, in: [.detail, .jobs, .browse]) == .back)
        #expect(map.command(for: .enter, in: [.snapshots, .browse]) == .open)
        #expect(map.command(for: .character("r"), in: [.snapshots, .browse]) == .restore)
        #expect(map.command(for: .character("w"), in: [.jobs, .browse]) == nil)
        let hints = map.hints(for: [.jobs, .browse, .always]).compactMap(\.hint)
        #expect(Array(hints.prefix(4)) == ["Quit", "Help", "Detail", "Filter"])
    }
}
