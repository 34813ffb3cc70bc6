import Foundation

/// The `:` command palette: named commands, matched by prefix, that run the same code as keys.
enum Palette {
    struct Entry: Sendable, Hashable {
        var name: String
        var argument: String
        var help: String
    }

    static let entries: [Entry] = [
        Entry(name: "backup", argument: "", help: "New backup dialog"),
        Entry(name: "restore", argument: "", help: "Restore the selected snapshot"),
        Entry(name: "repository", argument: "", help: "New repository dialog"),
        Entry(name: "cancel", argument: "", help: "Cancel the selected job"),
        Entry(name: "drop", argument: "", help: "Drop the selected repository, snapshot or schedule"),
        Entry(name: "schedule", argument: "", help: "New backup schedule dialog"),
        Entry(name: "verify", argument: "", help: "Verify the selected snapshot"),
        Entry(name: "tab", argument: "<name>", help: "Show a tab: backups, restores, repositories, snapshots, catalog, console, events, schedules"),
        Entry(name: "snapshots", argument: "[repository]", help: "Snapshots of a repository"),
        Entry(name: "filter", argument: "<text>", help: "Filter the current table (no text clears)"),
        Entry(name: "sort", argument: "<column>", help: "Sort jobs by JobId, DbName, Label, State, Progress, CreateTime or Elapsed"),
        Entry(name: "sql", argument: "<statement>", help: "Run a statement in the console"),
        Entry(name: "pause", argument: "", help: "Pause or resume live updates"),
        Entry(name: "help", argument: "", help: "Show the keys"),
        Entry(name: "redraw", argument: "", help: "Redraw the whole screen"),
        Entry(name: "quit", argument: "", help: "Quit (asks first while local jobs run)"),
    ] + Tab.allCases.filter { $0 != .snapshots }.map {
        Entry(name: $0.title.lowercased(), argument: "", help: "Show the \($0.title) tab")
    }

    /// Short forms people type, k9s style.
    static let aliases = ["q": "quit", "q!": "quit", "repo": "repository", "repos": "repositories", "snap": "snapshots", "bk": "backup"]

    /// Entries whose name starts with the first word typed, in list order.
    static func suggestions(for text: String) -> [Entry] {
        let word = text.split(separator: " ", maxSplits: 1).first.map { String($0).lowercased() } ?? ""
        return entries.filter { word.isEmpty || $0.name.hasPrefix(word) }
    }

    /// Runs a palette line; unknown commands flash a hint.
    static func run(_ line: String, _ state: inout AppState) -> [Effect] {
        let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard let typed = parts.first?.lowercased() else { return [] }
        let word = aliases[typed] ?? typed
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let exact = entries.first { $0.name == word }
        let prefixed = entries.filter { $0.name.hasPrefix(word) }
        guard let entry = exact ?? (prefixed.count == 1 ? prefixed[0] : nil) else {
            Reducer.flash(&state, prefixed.isEmpty
                ? "Unknown command \(word). Try: " + entries.prefix(6).map(\.name).joined(separator: ", ") + ", …"
                : "\(word) could be " + prefixed.map(\.name).joined(separator: ", "), .warning)
            return []
        }
        switch entry.name {
        case "backup": return Reducer.run(.newBackup, &state)
        case "restore": return Reducer.run(.restore, &state)
        case "repository": return Reducer.run(.newRepository, &state)
        case "cancel": return Reducer.run(.cancelJob, &state)
        case "drop": return Reducer.run(.drop, &state)
        case "schedule": return Reducer.run(.newSchedule, &state)
        case "verify": return Reducer.run(.verify, &state)
        case "pause": return Reducer.run(.pause, &state)
        case "help": return Reducer.run(.help, &state)
        case "redraw": return Reducer.run(.redraw, &state)
        case "quit": return Reducer.run(.quit, &state)
        case "filter":
            Reducer.setFilter(&state, argument)
            return []
        case "tab":
            guard let tab = Tab.named(argument) else {
                Reducer.flash(&state, "No tab called \(argument).", .warning)
                return []
            }
            return Reducer.run(.showTab(tab), &state)
        case "snapshots":
            if !argument.isEmpty {
                guard state.cluster.repository(named: argument) != nil else {
                    Reducer.flash(&state, "Repository \(argument) does not exist", .warning)
                    return []
                }
                state.selectedRepository = argument
                state.repositoryCursor.selected = argument
                state.snapshotBrowser.reset()
            }
            return Reducer.run(.showTab(.snapshots), &state)
        case "sort":
            return sort(argument, &state)
        case "sql":
            state.tab = .console
            state.console.focus = .prompt
            state.console.editor = LineEditor(argument)
            return argument.isEmpty ? [] : Reducer.consoleKey(&state, .enter)
        default:
            return Tab.named(entry.name).map { Reducer.run(.showTab($0), &state) } ?? []
        }
    }

    private static func sort(_ argument: String, _ state: inout AppState) -> [Effect] {
        guard let kind = state.tab.jobKind else {
            Reducer.flash(&state, "Sorting applies to the Backups and Restores tables.")
            return []
        }
        guard let column = JobSort.Column.allCases.first(where: { $0.rawValue.lowercased().hasPrefix(argument.lowercased()) && !argument.isEmpty }) else {
            Reducer.flash(&state, "Sort by one of: " + JobSort.Column.allCases.map(\.rawValue).joined(separator: ", "), .warning)
            return []
        }
        let filter = state.filter
        let now = state.now
        state.updateJobTable(kind) { table in
            table.sort = table.sort.column == column
                ? JobSort(column: column, descending: !table.sort.descending) : JobSort(column: column, descending: column.prefersDescending)
            Reducer.rebuildOrder(&table, filter: filter, now: now)
        }
        return []
    }
}
