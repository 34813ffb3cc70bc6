/// Keys outside any modal: table navigation, tabs, and the commands of the key map.
extension Reducer {
    static func browseKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let command = KeyMap.standard.command(for: key, in: state.inputContexts) else {
            if let ch = key.character, ch != " " {
                flash(&state, "\(ch): nothing to do here. Press ? for the keys.")
            }
            return []
        }
        return run(command, &state)
    }

    /// Runs a command in browse mode (keys and the command palette both come here).
    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        if command.isAdminAction, !state.cluster.isAdmin {
            flash(&state, "Only ADMIN users can \(actionName(command)): \(state.cluster.user) has no ADMIN_PRIV.", .warning)
            return []
        }
        switch command {
        case .moveUp: navigate(&state) { $0 - 1 }
        case .moveDown: navigate(&state) { $0 + 1 }
        case .pageUp: return page(&state, up: true)
        case .pageDown: return page(&state, up: false)
        case .top: navigate(&state) { _ in 0 }
        case .bottom: navigate(&state) { _ in Int.max / 2 }
        case .open: return open(&state)
        case .back: back(&state)
        case .nextTab: return show(state.tab.next, &state)
        case .previousTab: return show(state.tab.previous, &state)
        case .showTab(let tab): return show(tab, &state)
        case .filter:
            guard state.tab.isFilterable else {
                flash(&state, "The console has nothing to filter.")
                return []
            }
            state.modal = .prompt(PromptState(kind: .filter, text: state.filter, previousFilter: state.filter))
        case .palette: state.modal = .prompt(PromptState(kind: .command))
        case .help: state.modal = .help(scroll: 0)
        case .sortPrevious: sort(&state, by: -1)
        case .sortNext: sort(&state, by: 1)
        case .pause: return togglePause(&state)
        case .copy: return copy(&state)
        case .redraw: state.needsFullRedraw = true
        case .quit:
            let running = state.activeJobs
            // A server's jobs go on without the dashboard: only the embedded cluster stops them.
            if running.isEmpty || state.cluster.connection != nil { return [.quit] }
            state.modal = .confirm(.quit(running: running))
        case .newBackup, .restore, .newRepository, .cancelJob, .drop, .verify, .newSchedule, .pauseSchedule, .runSchedule:
            return startAction(command, &state)
        case .toggleChain: toggleChain(&state)
        case .focusPrompt: state.console.focus = .prompt
        case .scrollLeft: state.console.columnOffset = max(0, state.console.columnOffset - 1)
        case .scrollRight:
            let columns = state.console.result?.columns.count ?? 0
            state.console.columnOffset = min(max(0, columns - 1), state.console.columnOffset + 1)
        default: break
        }
        return []
    }

    static func actionName(_ command: Command) -> String {
        switch command {
        case .newBackup: "run BACKUP"
        case .restore: "run RESTORE"
        case .newRepository: "create repositories"
        case .cancelJob: "cancel jobs"
        case .drop: "drop repositories or snapshots"
        case .verify: "verify snapshots (ADMIN CHECK SNAPSHOT)"
        case .newSchedule: "create schedules"
        case .pauseSchedule: "pause or resume schedules"
        case .runSchedule: "run schedules"
        default: "do that"
        }
    }

    static func show(_ tab: Tab, _ state: inout AppState) -> [Effect] {
        state.tab = tab
        if tab == .console { state.console.focus = .prompt }
        return tab == .snapshots ? loadSnapshotsIfNeeded(&state) : []
    }

    /// Moves the current list's selection to `target(currentIndex)`.
    static func navigate(_ state: inout AppState, _ target: (Int) -> Int) {
        switch state.tab {
        case .backups, .restores:
            let kind = state.tab.jobKind!
            let viewport = jobViewport(state, kind)
            state.updateJobTable(kind) { table in
                let current = table.cursor.settle(in: table.order, viewport: viewport) ?? 0
                table.cursor.select(index: target(current), in: table.order, viewport: viewport)
                // The rows stay where they are while the user is moving among them.
                table.freezeTicks = AppState.navigationFreezeTicks
            }
        case .repositories:
            move(&state.repositoryCursor, state.repositoryTable().keys, listViewport(state), target)
        case .snapshots:
            move(&state.snapshotBrowser.cursor, state.snapshotTable().keys, snapshotViewport(state), target)
        case .catalog:
            move(&state.catalogBrowser.cursor, state.catalogTable().keys, listViewport(state), target)
        case .events:
            move(&state.eventCursor, state.eventTable().keys, listViewport(state), target)
        case .schedules:
            move(&state.scheduleCursor, state.scheduleTable().keys, scheduleViewport(state), target)
        case .console:
            let rows = state.console.result?.rows.count ?? 0
            guard rows > 0 else { return }
            let next = min(max(0, target(state.console.resultCursor.selected ?? 0)), rows - 1)
            state.console.resultCursor.selected = next
            state.console.resultCursor.scroll(toShow: next, count: rows, viewport: consoleViewport(state))
        }
    }

    private static func move<K>(_ cursor: inout ListCursor<K>, _ keys: [K], _ viewport: Int, _ target: (Int) -> Int) {
        let current = cursor.settle(in: keys, viewport: viewport) ?? 0
        cursor.select(index: target(current), in: keys, viewport: viewport)
    }

    static func page(_ state: inout AppState, up: Bool) -> [Effect] {
        if let kind = state.tab.jobKind, state.jobTable(kind).detail != nil {
            let pane = state.layout.jobAreas(detailOpen: true).detail ?? Rect(x: 0, y: 0, width: 0, height: 0)
            let step = max(1, pane.height - 3)
            let table = state.jobTable(kind)
            let lines = table.selectedJob.map {
                JobDetailView.content($0, retired: false, now: state.now, width: pane.width - 4, glyphs: .unicode).count
            } ?? 0
            let limit = max(0, lines - (pane.height - 2))
            state.updateJobTable(kind) { table in
                let scroll = table.detail?.scroll ?? 0
                table.detail?.scroll = min(limit, max(0, scroll + (up ? -step : step)))
            }
            return []
        }
        let rows: Int
        switch state.tab {
        case .backups, .restores: rows = jobViewport(state, state.tab.jobKind!)
        case .snapshots: rows = snapshotViewport(state)
        case .schedules: rows = scheduleViewport(state)
        case .console: rows = consoleViewport(state)
        default: rows = listViewport(state)
        }
        navigate(&state) { up ? $0 - max(1, rows - 1) : $0 + max(1, rows - 1) }
        return []
    }

    static func open(_ state: inout AppState) -> [Effect] {
        switch state.tab {
        case .backups, .restores:
            let kind = state.tab.jobKind!
            guard state.jobTable(kind).selectedJob != nil else { return [] }
            state.updateJobTable(kind) { $0.detail = DetailPane() }
        case .repositories:
            guard let name = state.repositoryCursor.selected else { return [] }
            state.selectedRepository = name
            state.snapshotBrowser.reset()
            state.tab = .snapshots
            // Always re-list: the user asked to look, and another cluster may have written since.
            state.snapshotCache.loadingLists.insert(name)
            return [.loadSnapshots(repository: name)]
        case .snapshots:
            return openSnapshotLevel(&state)
        case .catalog:
            guard state.catalogBrowser.depth < 3, let name = state.catalogBrowser.cursor.selected else {
                flash(&state, "Tablets are the finest level of the catalog.")
                return []
            }
            state.catalogBrowser.push(name)
        case .console: state.console.focus = .prompt
        case .events: break
        case .schedules: state.scheduleDetailOpen = state.scheduleCursor.selected != nil
        }
        return []
    }

    static func openSnapshotLevel(_ state: inout AppState) -> [Effect] {
        guard let selected = state.snapshotBrowser.cursor.selected else { return [] }
        if state.snapshotBrowser.depth >= 4 {
            flash(&state, "Files are the finest level of a snapshot.")
            return []
        }
        if state.snapshotBrowser.depth == 3, state.snapshotTable().rows.first(where: { $0.key == selected }) == nil { return [] }
        state.snapshotBrowser.push(selected)
        guard state.snapshotBrowser.depth == 1, let key = state.selectedSnapshot else { return [] }
        return loadDetailIfNeeded(&state, key)
    }

    static func loadDetailIfNeeded(_ state: inout AppState, _ key: SnapshotKey) -> [Effect] {
        guard state.snapshotCache.contents(key) == nil, !state.snapshotCache.loadingDetails.contains(key) else { return [] }
        state.snapshotCache.loadingDetails.insert(key)
        state.snapshotCache.detailErrors[key] = nil
        return [.loadSnapshotDetail(repository: key.repository, label: key.label, timestamp: key.timestamp)]
    }

    static func back(_ state: inout AppState) {
        if let kind = state.tab.jobKind, state.jobTable(kind).detail != nil {
            state.updateJobTable(kind) { $0.detail = nil }
        } else if state.tab == .schedules, state.scheduleDetailOpen {
            state.scheduleDetailOpen = false
        } else if state.tab == .snapshots, state.snapshotBrowser.depth > 0 {
            state.snapshotBrowser.pop()
        } else if state.tab == .catalog, state.catalogBrowser.depth > 0 {
            state.catalogBrowser.pop()
        } else if !state.filter.isEmpty {
            setFilter(&state, "")
        }
    }

    static func sort(_ state: inout AppState, by step: Int) {
        guard let kind = state.tab.jobKind else {
            flash(&state, "Sorting applies to the Backups and Restores tables.")
            return
        }
        let filter = state.filter
        let now = state.now
        state.updateJobTable(kind) { table in
            table.sort = table.sort.shifted(by: step)
            rebuildOrder(&table, filter: filter, now: now)
        }
        let sort = state.jobTable(kind).sort
        flash(&state, "Sorted by \(sort.column.rawValue) \(sort.descending ? "descending" : "ascending").")
    }

    static func togglePause(_ state: inout AppState) -> [Effect] {
        state.isPaused.toggle()
        var effects: [Effect] = []
        if !state.isPaused, let pending = state.pendingSnapshot {
            state.pendingSnapshot = nil
            effects = apply(&state, pending)
        }
        flash(&state, state.isPaused ? "Paused: rows and values hold still. Z resumes." : "Live updates resumed.")
        return effects
    }

    static func setFilter(_ state: inout AppState, _ text: String) {
        state.filters[state.tab] = text.isEmpty ? nil : text
        if let kind = state.tab.jobKind {
            let now = state.now
            state.updateJobTable(kind) { rebuildOrder(&$0, filter: text, now: now) }
        }
    }
}
