/// The key bindings: the single source for dispatch, the footer hints and the `?` help overlay.
public struct KeyMap: Sendable, Hashable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The command bound to `key` in the first of `contexts` that binds it.
    public func command(for key: Key, in contexts: [InputContext]) -> Command? {
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.command
            }
        }
        return nil
    }

    /// Footer hints for `contexts`, most important first, one per command.
    public func hints(for contexts: [InputContext]) -> [KeyBinding] {
        var seen: Set<Command> = []
        var result: [KeyBinding] = []
        for context in contexts {
            for binding in bindings where binding.context == context && binding.hint != nil {
                if seen.insert(binding.command).inserted { result.append(binding) }
            }
        }
        return result.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }.map(\.element)
    }

    public func bindings(in context: InputContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    public static let standard = KeyMap(bindings: browsing + actions + tabSpecific + console + editing + modal)

    private static let browsing: [KeyBinding] = [
        KeyBinding([.control("l")], .redraw, .always, "Redraw the whole screen"),
        KeyBinding([.character("k"), .up], .moveUp, .browse, "Select the previous row"),
        KeyBinding([.character("j"), .down], .moveDown, .browse, "Select the next row"),
        KeyBinding([.pageUp], .pageUp, .browse, "Page up"),
        KeyBinding([.pageDown], .pageDown, .browse, "Page down"),
        KeyBinding([.character("g"), .home], .top, .browse, "Select the first row"),
        KeyBinding([.character("G"), .end], .bottom, .browse, "Select the last row"),
        KeyBinding([.tab], .nextTab, .browse, "Next tab"),
        KeyBinding([.backTab], .previousTab, .browse, "Previous tab"),
    ] + Tab.allCases.map { tab in
        KeyBinding([.character(Character(String(tab.rawValue)))], .showTab(tab), .browse, "Show the \(tab.title) tab")
    } + [
        KeyBinding([.escape], .back, .browse, "Close the pane, go up a level, or clear the filter"),
        KeyBinding([.character("/")], .filter, .browse, "Filter the rows of this table (Esc clears)", hint: "Filter", priority: 3),
        KeyBinding([.character(":")], .palette, .browse, "Command palette: backup, restore, tab …, quit", hint: "Cmd", priority: 6),
        KeyBinding([.character("?")], .help, .browse, "This help", hint: "Help", priority: 1),
        KeyBinding([.character("<")], .sortPrevious, .browse, "Sort (the Backups and Restores tables)"),
        KeyBinding([.character(">")], .sortNext, .browse, "Sort (the Backups and Restores tables)"),
        KeyBinding([.character("Z")], .pause, .browse, "Pause live updates (order and values freeze)", hint: "Pause", priority: 9),
        KeyBinding([.character("y")], .copy, .browse, "Copy the selected row's main value", hint: "Copy", priority: 10),
        KeyBinding([.character("q")], .quit, .browse, "Quit (asks first while local jobs run)", hint: "Quit", priority: 0),
    ]

    private static let actions: [KeyBinding] = [
        KeyBinding([.character("b")], .newBackup, .browse, "New backup", hint: "Backup", priority: 5),
        KeyBinding([.character("n")], .newRepository, .repositories, "New repository", hint: "New repo", priority: 4),
        KeyBinding([.character("c")], .cancelJob, .jobs, "Cancel the selected job", hint: "Cancel job", priority: 4),
        KeyBinding([.character("r")], .restore, .snapshots, "Restore the selected snapshot", hint: "Restore", priority: 4),
        KeyBinding([.character("D")], .drop, .repositories, "Drop the selected repository", hint: "Drop", priority: 7),
        KeyBinding([.character("D")], .drop, .snapshots, "Drop the selected snapshot", hint: "Drop", priority: 7),
        KeyBinding([.character("v")], .verify, .snapshots, "Verify the selected snapshot (ADMIN CHECK SNAPSHOT)", hint: "Verify", priority: 5),
        KeyBinding([.character("t")], .toggleChain, .snapshots, "Chain view: each incremental snapshot under its base, as a tree",
                   hint: "Chain", priority: 6),
        KeyBinding([.character("n")], .newSchedule, .schedules, "New backup schedule (CREATE JOB … ON SCHEDULE)", hint: "New", priority: 4),
        KeyBinding([.character("p")], .pauseSchedule, .schedules, "Pause or resume the selected schedule", hint: "Pause", priority: 4),
        KeyBinding([.character("x")], .runSchedule, .schedules, "Run the selected schedule now (EXECUTE JOB)", hint: "Run now", priority: 5),
        KeyBinding([.character("d"), .character("D")], .drop, .schedules, "Drop the selected schedule (DROP JOB)", hint: "Drop", priority: 6),
        // Elsewhere these keys explain where they work instead of doing nothing.
        KeyBinding([.character("n")], .newRepository, .browse, "New repository"),
        KeyBinding([.character("c")], .cancelJob, .browse, "Cancel a job (on the Backups and Restores tabs)"),
        KeyBinding([.character("r")], .restore, .browse, "Restore (from a snapshot on the Snapshots tab)"),
        KeyBinding([.character("D")], .drop, .browse, "Drop (a repository or a snapshot)"),
        KeyBinding([.character("v")], .verify, .browse, "Verify (a snapshot on the Snapshots tab)"),
        KeyBinding([.character("t")], .toggleChain, .browse, "Chain view (of the Snapshots tab)"),
        KeyBinding([.character("p")], .pauseSchedule, .browse, "Pause or resume (a schedule on the Schedules tab)"),
        KeyBinding([.character("x")], .runSchedule, .browse, "Run now (a schedule on the Schedules tab)"),
    ]

    private static let tabSpecific: [KeyBinding] = [
        KeyBinding([.enter], .open, .jobs, "Open the job's detail pane", hint: "Detail", priority: 2),
        KeyBinding([.character("<")], .sortPrevious, .jobs, "Sort by the previous column"),
        KeyBinding([.character(">")], .sortNext, .jobs, "Sort by the next column", hint: "Sort", priority: 8),
        KeyBinding([.pageUp], .pageUp, .detail, "Scroll the detail pane up"),
        KeyBinding([.pageDown], .pageDown, .detail, "Scroll the detail pane down"),
        KeyBinding([.escape], .back, .detail, "Close the detail pane", hint: "Close", priority: 2),
        KeyBinding([.enter, .right, .character("l")], .open, .repositories, "Browse the repository's snapshots", hint: "Snapshots", priority: 2),
        KeyBinding([.enter, .right, .character("l")], .open, .snapshots, "Open: snapshot contents, then tables, partitions, tablets", hint: "Open", priority: 2),
        KeyBinding([.left, .character("h"), .backspace], .back, .snapshots, "Up one level", hint: "Up", priority: 3),
        KeyBinding([.enter, .right, .character("l")], .open, .catalog, "Open: database, table, partition", hint: "Open", priority: 2),
        KeyBinding([.left, .character("h"), .backspace], .back, .catalog, "Up one level", hint: "Up", priority: 3),
        KeyBinding([.enter], .open, .schedules, "Open the pane with every column of the schedule", hint: "Detail", priority: 2),
    ]

    private static let console: [KeyBinding] = [
        KeyBinding([.enter], .runStatement, .consolePrompt, "Run the statement", hint: "Run", priority: 1),
        KeyBinding([.up], .historyPrevious, .consolePrompt, "Previous statement in the history", hint: "History", priority: 3),
        KeyBinding([.down], .historyNext, .consolePrompt, "Next statement in the history"),
        KeyBinding([.pageUp], .pageUp, .consolePrompt, "Scroll the results up"),
        KeyBinding([.pageDown], .pageDown, .consolePrompt, "Scroll the results down", hint: "Scroll", priority: 5),
        KeyBinding([.tab], .nextTab, .consolePrompt, "Next tab"),
        KeyBinding([.backTab], .previousTab, .consolePrompt, "Previous tab"),
        KeyBinding([.escape], .focusResults, .consolePrompt, "Leave the prompt (then 1–8, q and the table keys work)", hint: "Leave", priority: 2),
        KeyBinding([.character("i"), .enter], .focusPrompt, .consoleResults, "Back to the SQL prompt", hint: "Prompt", priority: 1),
        KeyBinding([.character("h"), .left], .scrollLeft, .consoleResults, "Scroll the result columns left"),
        KeyBinding([.character("l"), .right], .scrollRight, .consoleResults, "Scroll the result columns right", hint: "Columns", priority: 4),
    ]

    private static let editing: [KeyBinding] = [
        KeyBinding([.left], .cursorLeft, .lineEdit, "Cursor left"),
        KeyBinding([.right], .cursorRight, .lineEdit, "Cursor right"),
        KeyBinding([.home, .control("a")], .lineStart, .lineEdit, "Start of the line"),
        KeyBinding([.end, .control("e")], .lineEnd, .lineEdit, "End of the line"),
        KeyBinding([.backspace], .deleteBackward, .lineEdit, "Delete the character before the cursor"),
        KeyBinding([.delete, .control("d")], .deleteForward, .lineEdit, "Delete the character under the cursor"),
        KeyBinding([.control("k")], .killToEnd, .lineEdit, "Delete to the end of the line"),
        KeyBinding([.control("u")], .killToStart, .lineEdit, "Delete to the start of the line"),
        KeyBinding([.control("w")], .deleteWord, .lineEdit, "Delete the word before the cursor"),
    ]

    private static let modal: [KeyBinding] = [
        KeyBinding([.tab], .nextField, .dialog, "Next field", hint: "Next", priority: 3),
        KeyBinding([.backTab], .previousField, .dialog, "Previous field"),
        KeyBinding([.down], .moveDown, .dialog, "Next field, or next row in a list"),
        KeyBinding([.up], .moveUp, .dialog, "Previous field, or previous row in a list"),
        KeyBinding([.left], .choicePrevious, .dialog, "Previous choice; in a list, collapse"),
        KeyBinding([.right], .choiceNext, .dialog, "Next choice; in a list, expand"),
        KeyBinding([.character(" ")], .toggle, .dialog, "Tick or untick; switch a yes/no field", hint: "Tick", priority: 4),
        KeyBinding([.enter], .submit, .dialog, "Run the SQL shown (or press the focused button)", hint: "Run", priority: 1),
        KeyBinding([.escape], .dismiss, .dialog, "Close without running anything", hint: "Close", priority: 2),
        KeyBinding([.character("y")], .confirm, .confirm, "Confirm", hint: "Yes", priority: 2),
        KeyBinding([.character("n"), .escape], .reject, .confirm, "Cancel (the default)", hint: "No", priority: 1),
        KeyBinding([.tab, .left, .right], .nextField, .confirm, "Move between the buttons"),
        KeyBinding([.enter], .submit, .confirm, "Press the focused button", hint: "Choose", priority: 3),
        KeyBinding([.enter], .submit, .prompt, "Apply the filter or run the command", hint: "Apply", priority: 1),
        KeyBinding([.escape], .dismiss, .prompt, "Cancel (a filter is cleared)", hint: "Cancel", priority: 2),
        KeyBinding([.tab], .nextField, .prompt, "Complete the command name", hint: "Complete", priority: 3),
        KeyBinding([.up], .moveUp, .prompt, "Previous suggestion"),
        KeyBinding([.down], .moveDown, .prompt, "Next suggestion"),
        KeyBinding([.character("k"), .up], .moveUp, .help, "Scroll up"),
        KeyBinding([.character("j"), .down], .moveDown, .help, "Scroll down"),
        KeyBinding([.pageUp], .pageUp, .help, "Page up"),
        KeyBinding([.pageDown], .pageDown, .help, "Page down"),
        KeyBinding([.escape, .character("?"), .character("q")], .dismiss, .help, "Close the help", hint: "Close", priority: 1),
    ]
}
