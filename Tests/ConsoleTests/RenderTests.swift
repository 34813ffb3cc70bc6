import Essentials
import Foundation
import Testing
@testable import Console

@Suite struct RenderTests {
    @Test func backupsAt80x24() {
        let buffer = Fixtures.render(Fixtures.state())
        expectLines(buffer.textLines(), """
             …mp/console-demo │ root │ BE 3/3 │ ● 1 running │ ✗ 1 failed │ 1 repo  15:30:00
             1 Backups  2 Restores 3 Repos 4 Snaps 5 Catalog 6 Console 7 Events 8 Sched
             Backups · 3 jobs · 1 running · sort JobId ▼
             JobId▼ DbName Label      State       Progress     Unfinished TaskErrMsg Elapsed
              11940 telem… weekly     ✗ CANCELLED                         [COMMON_E…     10s
              11939 retail nightly    ● UPLOADING █████░░░ 62% 4: 11403,…              2m00s
              11938 telem… 遥测_first ✓ FINISHED  ███████ 100%                            1s
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             q  Quit  ?  Help  Enter  Detail  /  Filter  c  Cancel job  b  Backup  :  Cmd
            """)
        let blank = Array(repeating: "", count: 16)
        expectLines(buffer.styleMask(), ([
            "HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHHDDDDDDDDDDHHHHHHHHHHHHHHHHHHHH",
            "TTTTTTTTTTT.tttttttttt.ttttttt.ttttttt.ttttttttt.ttttttttt.tttttttt.ttttttt",
            ".BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
            String(repeating: "C", count: 80),
            "SSSSSSSSSSSSSSSSSSSSSSSSSSXXXXXXXXXXXSSSSSSSSSSSSSSSSSSSSSSSSSEEEEEEEEEESSSSSSSS",
            "..........................RRRRRRRRRRR.#####---",
            "..........................FFFFFFFFFFF.#######",
        ] + blank + [
            "KKKhhhhhhKKKhhhhhhKKKKKKKhhhhhhhhKKKhhhhhhhhKKKhhhhhhhhhhhhKKKhhhhhhhhKKKhhhhh",
        ]).joined(separator: "\n"))
        #expect(buffer.cursor == nil, "no text field, no cursor")
    }

    @Test func detailPaneAt120x40() {
        var state = Fixtures.state(width: 120, height: 40)
        Fixtures.press(&state, .down, .enter)
        let buffer = Fixtures.render(state)
        let lines = buffer.textLines()
        expectLines(Array(lines[0...6]), """
             SnapDeck │ /tmp/console-demo │ root │ BE 3/3 │ ● 1 running │ ✗ 1 failed │ 1 repo                              15:30:00
             1 Backups   2 Restores   3 Repositories   4 Snapshots   5 Catalog   6 Console   7 Events   8 Schedules
             Backups · 3 jobs · 1 running · sort JobId ▼
             JobId▼ DbName    Label      State       Progress                 Unfinished      TaskErrMsg          CreateTime Elapsed
              11940 telemetry weekly     ✗ CANCELLED                                          [COMMON_ERROR, msg… 15:20:00       10s
              11939 retail    nightly    ● UPLOADING ██████░░░░ 62% 3.9M/6.2M 4: 11403,11406…                     15:25:31     2m00s
              11938 telemetry 遥测_first ✓ FINISHED  ██████████ 100% 731K                                         15:25:26        1s
            """)
        let pane = lines[17...26].map { String(String($0.prefix(60)).reversed().drop { $0 == " " }.reversed()) }
        expectLines(Array(pane), """
            ┌─ BACKUP job 11939 · retail.nightly ───────────────────────
            │ State      ● UPLOADING
            │ Progress   62% · 3.91 MiB of 6.22 MiB · 250/396 files
            │ Throughput —   ETA —   Elapsed 2m00s
            │
            │ Timeline
            │   ✓ Created            2026-11-26 15:25:31
            │   ✓ Snapshot finished  2026-11-26 15:25:33  +2s
            │   ● Upload finished    now UPLOADING
            │   ◌ Finished           —
            """)
        #expect(lines[29].hasPrefix("│   JobId                11939"))
        #expect(lines[36].hasPrefix("│   UploadFinishedTime   NULL"))
        #expect(lines[37].hasSuffix("1-19/29 PgDn ─┘"))
        let mask = buffer.styleMask()
        expectLines(Array(mask[0...6]), [
            String(repeating: "H", count: 62) + String(repeating: "D", count: 10) + String(repeating: "H", count: 48),
            "TTTTTTTTTTT.tttttttttttt.tttttttttttttttt.ttttttttttttt.ttttttttttt.ttttttttttt.tttttttttt.ttttttttttttt",
            ".BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
            String(repeating: "C", count: 120),
            String(repeating: ".", count: 29) + String(repeating: "X", count: 11) + String(repeating: ".", count: 42) + String(repeating: "E", count: 19),
            // The selected row is reversed, bar included; its state keeps its role.
            String(repeating: "S", count: 29) + String(repeating: "R", count: 11) + String(repeating: "S", count: 80),
            String(repeating: ".", count: 29) + String(repeating: "F", count: 11) + "." + String(repeating: "#", count: 10),
        ].joined(separator: "\n"))
        #expect(mask[18].hasPrefix("b.dddddddddddRRRRRRRRRRR"))
        #expect(mask[36].hasPrefix("b.ddddddddddddddddddddddddddd."), "NULL is dimmed")
        #expect(lines[39].hasSuffix(" y  Copy"), "wide screens show every hint")
    }

    @Test func detailPaneWrapsTheWholeTaskErrMsg() {
        let message = "[11403=upload of 0_0.dat to /tmp/demo/repository failed: backend 10002 is down (injected fault), will retry on 10003]"
        let job = Fixtures.job(id: 7, label: "retrying", state: "UPLOADING", bytesDone: 10, bytesTotal: 100, taskErrMsg: message)
        var state = Fixtures.state(Fixtures.cluster(jobs: [job]))
        Fixtures.press(&state, .enter)
        let buffer = Fixtures.render(state)
        let lines = buffer.textLines()
        #expect(lines[4].contains("● UPLOADING") && lines[4].contains(" 11403=upl"), "the table shows the first task error, truncated")
        #expect(buffer.styleMask()[4].contains("WWWWWWWWWWW"), "a running job with task errors is a warning")
        Fixtures.press(&state, .pageDown)
        let detail = Fixtures.render(state).textLines().joined(separator: "\n")
        #expect(detail.contains("TaskErrMsg"))
        #expect(detail.contains("11403=upload of 0_0.dat to /tmp/demo/repository failed: backend 10002 is"))
        #expect(detail.contains("down (injected fault), will retry on 10003"))
    }

    @Test func cjkLabelsKeepColumnsAligned() {
        let jobs = [
            Fixtures.job(id: 1, label: "每日备份_上海", database: "数据仓库", state: "FINISHED", createdAgo: 10, finishedAgo: 5),
            Fixtures.job(id: 2, label: "nightly", database: "retail", state: "UPLOADING", bytesDone: 1, bytesTotal: 2),
            Fixtures.job(id: 3, label: "ｶﾅ_label", database: "한국어", state: "PENDING"),
        ]
        for (width, height) in [(80, 24), (120, 40)] {
            let buffer = Fixtures.render(Fixtures.state(Fixtures.cluster(jobs: jobs), width: width, height: height))
            let states = (4...6).map { buffer.column(of: ["◌", "●", "✓"][$0 - 4], row: $0) }
            #expect(Set(states).count == 1, "State column at \(states) for \(width)")
            #expect(buffer.textLines().allSatisfy { DisplayWidth.of($0) <= width })
            #expect(buffer.textLines()[6].contains(width == 80 ? "每日备份_…" : "每日备份_上海"))
        }
    }

    @Test func emptyTablesSayWhatToDo() {
        var state = Fixtures.state(ClusterSnapshot(sequence: 1, dataDirectory: "/d", backendsUp: 1, backendsTotal: 1))
        let expectations: [(Key, String)] = [
            (.character("1"), "No backup jobs yet. Press b to back up a database."),
            (.character("2"), "No restore jobs yet. Select a snapshot on the Snapshots tab (4) and press r."),
            (.character("3"), "No repositories. Press n to create one."),
            (.character("4"), "No repository selected: pick one on the Repositories tab (3)."),
            (.character("5"), "No databases. Create one in the Console tab (6): CREATE DATABASE d"),
            (.character("7"), "No events yet."),
        ]
        for (key, text) in expectations {
            Fixtures.press(&state, key)
            let lines = Fixtures.render(state).textLines()
            #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == text }, "\(state.tab): \(lines[4])")
        }
        let waiting = Fixtures.render(AppState(width: 80, height: 24)).textLines()
        #expect(waiting[0].contains("connecting…"))
        #expect(waiting[4].contains("Waiting for the engine…"))
    }

    @Test func aThousandJobsRenderOnlyTheVisibleRows() {
        let jobs = (1...1000).map { Fixtures.job(id: Int64($0), label: "job_\($0)", state: $0 % 7 == 0 ? "CANCELLED" : "FINISHED") }
        var state = Fixtures.state(Fixtures.cluster(jobs: jobs))
        let buffer = Fixtures.render(state)
        #expect(buffer.stats.rowsFormatted == 18)
        #expect(buffer.textLines()[4].hasPrefix("   1000 retail  job_1000 ✓ FINISHED"))
        #expect(buffer.textLines()[2].hasPrefix(" Backups · 1000 jobs"))

        Fixtures.press(&state, .end)
        let end = Fixtures.render(state)
        #expect(end.stats.rowsFormatted == 18)
        #expect(end.textLines()[21].hasPrefix("      1 retail  job_1    ✓ FINISHED"))
        #expect(end.styleMask()[21].hasPrefix("SSSSS"))
        #expect(end.textLines()[20].hasPrefix("      2 retail  job_2    "))

        Fixtures.press(&state, .pageUp, .up)
        let middle = Fixtures.render(state)
        let selectedRow = middle.styleMask().firstIndex { $0.hasPrefix("SSSSS") }!
        #expect(middle.textLines()[selectedRow].contains("job_19 "))
        #expect(middle.stats.rowsFormatted == 18)
    }

    @Test func tooSmallTerminalsSaySo() {
        for (width, height) in [(59, 24), (80, 14)] {
            let lines = Fixtures.render(Fixtures.state(width: width, height: height)).textLines()
            #expect(lines.contains { $0.contains("Terminal too small: \(width)×\(height)") })
            #expect(lines.contains { $0.contains("SnapDeck needs at least 60×15.") })
        }
        let smallest = Fixtures.render(Fixtures.state(width: 60, height: 15)).textLines()
        #expect(smallest[3].hasPrefix(" JobId"), "60×15 is enough for the dashboard")
    }

    @Test func narrowScreensDropLowPriorityHints() {
        let footer = Fixtures.render(Fixtures.state(width: 60, height: 15)).textLines()[14]
        #expect(footer.contains("Quit") && footer.contains("Help") && footer.contains("Detail"))
        #expect(!footer.contains("Copy") && !footer.contains("Pause"))
        #expect(DisplayWidth.of(footer) <= 60)
    }

    @Test func controlCharactersInDataCannotReachTheTerminal() {
        let job = Fixtures.job(id: 1, label: "evil\u{1B}[2J", database: "db\nx", state: "UPLOADING", taskErrMsg: "[1=a\u{7}b]")
        var state = Fixtures.state(Fixtures.cluster(jobs: [job]))
        Fixtures.press(&state, .enter)
        let buffer = Fixtures.render(state)
        for cell in buffer.cells {
            #expect(!cell.character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f })
        }
        #expect(buffer.textLines()[4].contains("evil^[[2J"))
    }

    @Test func noColorKeepsRolesApartWithAttributes() {
        let theme = Theme.fromEnvironment(["NO_COLOR": "1", "LANG": "en_US.UTF-8"])
        #expect(!theme.usesColor)
        #expect(theme.glyphs == .unicode)
        let buffer = Fixtures.render(Fixtures.state(), theme: theme)
        #expect(buffer.textLines() == Fixtures.render(Fixtures.state()).textLines(), "the same text, only styles differ")
        let selected = theme.style(for: buffer[1, 4])
        #expect(selected.foreground == nil && selected.attributes.contains(.reverse))
        let running = theme.style(for: buffer[27, 5])
        let failed = theme.style(for: Cell(role: .failed))
        #expect(running.attributes == .bold)
        #expect(failed.attributes == [.bold, .underline])
        #expect(theme.style(for: Cell(role: .header)).attributes.contains(.reverse))
        #expect(Theme.fromEnvironment(["LANG": "en_US.UTF-8"]).usesColor)
    }

    @Test func asciiLocalesGetAsciiGlyphs() {
        let theme = Theme.fromEnvironment(["LANG": "C"])
        #expect(theme.glyphs == .ascii)
        let jobs = [Fixtures.defaultJobs[1], Fixtures.defaultJobs[2], Fixtures.job(id: 1, label: "ascii", state: "PENDING")]
        var state = Fixtures.state(Fixtures.cluster(jobs: jobs))
        Fixtures.press(&state, .down, .enter)
        let lines = Fixtures.render(state, theme: theme).textLines()
        let text = lines.joined(separator: "\n")
        #expect(text.contains("* UPLOADING") && text.contains("x CANCELLED") && text.contains(". PENDING"))
        let allASCII = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII, "no decoration outside ASCII")
        #expect(lines[0].contains("| BE 3/3 |"))
        #expect(Theme.fromEnvironment(["LC_ALL": "zh_CN.UTF-8", "LANG": "C"]).glyphs == .unicode)
    }

    @Test func headerShowsPausedAndTheActiveFilter() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("Z"), .character("/"))
        Fixtures.type(&state, "tele")
        Fixtures.press(&state, .enter)
        let buffer = Fixtures.render(state)
        let header = buffer.textLines()[0]
        #expect(header.hasSuffix(" PAUSED  /tele  15:30:00"))
        #expect(buffer.styleMask()[0].hasSuffix("PPPPPPPPPPPPPPHHHHHHHHHH"))
        var filtering = state
        Fixtures.press(&filtering, .character("/"))
        let prompt = Fixtures.render(filtering)
        #expect(prompt.textLines()[22] == "/tele")
        #expect(prompt.cursor == CursorPosition(x: 5, y: 22))
    }

    @Test func nonAdminUsersSeeDimmedActions() {
        let buffer = Fixtures.render(Fixtures.state(Fixtures.cluster(isAdmin: false, user: "bob")))
        #expect(buffer.textLines()[0].contains("bob (no ADMIN)"))
        let footer = buffer.textLines()[23]
        let start = footer.range(of: " b  Backup")!.lowerBound.utf16Offset(in: footer)
        let mask = Array(buffer.styleMask()[23])
        #expect(mask[start...(start + 9)].allSatisfy { $0 == "d" })
    }

    @Test func dialogsShowTheirSQLAndErrors() {
        var state = Fixtures.state(Fixtures.cluster(jobs: idleJobs))
        Fixtures.press(&state, .character("b"))
        let lines = Fixtures.render(state).textLines()
        #expect(lines.contains { $0.contains("SQL  BACKUP SNAPSHOT `retail`.`retail_20261126_1530` TO `demo_repo`") })
        #expect(lines.contains { $0.contains("[ Back up ]  [ Cancel ]") })
        Fixtures.press(&state, .tab, .control("u"))
        let invalid = Fixtures.render(state)
        let row = invalid.textLines().firstIndex { $0.contains("✗ Label is empty") }!
        #expect(invalid.styleMask()[row].contains("EEEEEEEEEEEEEEEE"))
        #expect(invalid.cursor != nil, "the focused text field has the cursor")
    }

    @Test func confirmationsNameTheirTargetAndFocusCancel() {
        var state = Fixtures.state()
        Fixtures.press(&state, .down, .character("c"))
        let buffer = Fixtures.render(state)
        let lines = buffer.textLines()
        #expect(lines.contains { $0.contains("Cancel backup job 11939 nightly of database retail (now UPLOADING)?") })
        #expect(lines.contains { $0.contains("CANCEL BACKUP FROM `retail`") })
        let row = lines.firstIndex { $0.contains("[ Cancel ]  [ Cancel job ]") }!
        let mask = buffer.styleMask()[row]
        let cancel = buffer.column(of: "[ Cancel ]", row: row)!
        #expect(Array(mask)[cancel] == "S", "Cancel is the focused button")
        #expect(Array(mask)[buffer.column(of: "[ Cancel job ]", row: row)!] == "D")
    }

    @Test func helpIsGeneratedFromTheKeyMap() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("?"))
        let lines = Fixtures.render(state).textLines()
        #expect(lines[1].contains("Keys · 1-19 of"))
        #expect(lines.contains { $0.contains("k ↑") && $0.contains("Select the previous row") })
    }

    @Test func snapshotsTabShowsCheckResultsAndBreadcrumbs() {
        var state = Fixtures.state()
        state.snapshotCache.checks[Fixtures.nightlyKey] = [
            CheckRow(file: nil, status: "OK", detail: "checked 505 files, 6578197 bytes: no problems"),
        ]
        Fixtures.press(&state, .character("4"))
        let list = Fixtures.render(state).textLines()
        #expect(list[2].hasPrefix(" Snapshots › demo_repo (/tmp/demo/repository)"))
        #expect(list[4].contains("nightly    2026-11-26-15-25-31 OK      retail") && list[4].contains("OK checked 505 files"))
        Fixtures.press(&state, .enter)
        _ = reduce(&state, .snapshotDetailLoaded(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31",
                                                 contents: SnapshotContents.parse(Fixtures.nightlyBrief), error: nil))
        let inside = Fixtures.render(state).textLines()
        #expect(inside[2].hasPrefix(" Snapshots › demo_repo › nightly @ 2026-11-26-15-25-31"))
        #expect(inside.contains { $0.contains("CHECK: no problems") })
        #expect(inside.contains { $0.contains("✓ OK checked 505 files") })
    }

    @Test func catalogShowsSizesAndBackupEstimates() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("5"))
        let lines = Fixtures.render(state).textLines()
        #expect(lines[2].hasPrefix(" Catalog") && lines[2].contains("12.0 MiB in 288 files · backup about 4s at 3.00 MiB/s"))
        #expect(lines[3].contains("Database") && lines[3].contains("Est. backup"))
        #expect(lines[4].contains("retail") && lines[4].contains("8.01 MiB"))
    }
}
