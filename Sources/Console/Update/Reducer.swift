/// Applies one action to the state and returns the effects the app must run. Pure: the time
/// comes from `.tick`, the cluster from `.snapshot`, results from `.sqlFinished`.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    Reducer.reduce(&state, action)
}

/// The reducer, split by concern across `Reducer+*.swift`.
enum Reducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        state.needsFullRedraw = false
        var effects: [Effect] = []
        switch action {
        case .key(let key):
            effects = handleKey(&state, key)
        case .resized(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
        case .tick(let now):
            tick(&state, now)
        case .snapshot(let snapshot):
            effects = receive(&state, snapshot)
        case .sqlFinished(let id, let result):
            effects = finish(&state, id, result)
        case .snapshotsLoaded(let repository, let rows, let error):
            snapshotsLoaded(&state, repository, rows, error)
        case .snapshotDetailLoaded(let repository, let label, let timestamp, let contents, let error):
            detailLoaded(&state, SnapshotKey(repository: repository, label: label, timestamp: timestamp), contents, error)
        }
        settle(&state)
        return effects
    }

    static func tick(_ state: inout AppState, _ now: Double) {
        state.now = now
        if let flash = state.flash, flash.expiresAt <= now { state.flash = nil }
        for kind in JobKind.allCases {
            state.updateJobTable(kind) { if $0.freezeTicks > 0 { $0.freezeTicks -= 1 } }
        }
    }

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.modal {
        case .help(let scroll):
            return helpKey(&state, key, scroll)
        case .dialog(let dialog):
            return dialogKey(&state, key, dialog)
        case .confirm(let confirm):
            return confirmKey(&state, key, confirm)
        case .prompt(let prompt):
            return promptKey(&state, key, prompt)
        case nil:
            if state.tab == .console, state.console.focus == .prompt {
                return consoleKey(&state, key)
            }
            return browseKey(&state, key)
        }
    }

    /// After every action: thawed tables get their new order, and every cursor points at an
    /// existing row that is on screen.
    static func settle(_ state: inout AppState) {
        for kind in JobKind.allCases {
            let frozen = isFrozen(state, kind)
            let filter = state.filters[kind == .backup ? .backups : .restores] ?? ""
            let now = state.now
            var follow = state.followJob
            state.updateJobTable(kind) { table in
                if table.isStale, !frozen { rebuildOrder(&table, filter: filter, now: now) }
                if let wanted = follow, wanted.kind == kind,
                   let id = table.order.first(where: { table.rows[$0]?.label == wanted.label && table.rows[$0]?.database == wanted.database }) {
                    table.cursor.selected = id
                    follow = nil
                }
            }
            state.followJob = follow
            let viewport = jobViewport(state, kind)
            state.updateJobTable(kind) { $0.cursor.settle(in: $0.order, viewport: viewport) }
        }
        let viewport = listViewport(state)
        switch state.tab {
        case .repositories: state.repositoryCursor.settle(in: state.repositoryTable().keys, viewport: viewport)
        case .snapshots: state.snapshotBrowser.cursor.settle(in: state.snapshotTable().keys, viewport: snapshotViewport(state))
        case .catalog: state.catalogBrowser.cursor.settle(in: state.catalogTable().keys, viewport: viewport)
        case .events: state.eventCursor.settle(in: state.eventTable().keys, viewport: viewport)
        case .schedules:
            let keys = state.scheduleTable().keys
            if let wanted = state.followSchedule, keys.contains(wanted) {
                state.scheduleCursor.selected = wanted
                state.followSchedule = nil
            }
            state.scheduleCursor.settle(in: keys, viewport: scheduleViewport(state))
        case .console:
            // Index-keyed: no key array, since a result can have many rows.
            let rows = state.console.result?.rows.count ?? 0
            let selected = min(max(0, state.console.resultCursor.selected ?? 0), max(0, rows - 1))
            state.console.resultCursor.selected = rows == 0 ? nil : selected
            state.console.resultCursor.scroll(toShow: selected, count: rows, viewport: consoleViewport(state))
        default: break
        }
    }

    /// Order holds while paused, for a few ticks after navigation, and while a modal is open.
    static func isFrozen(_ state: AppState, _ kind: JobKind) -> Bool {
        state.isPaused || state.jobTable(kind).freezeTicks > 0 || state.modal != nil
    }

    static func jobViewport(_ state: AppState, _ kind: JobKind) -> Int {
        Layout.rows(in: state.layout.jobAreas(detailOpen: state.jobTable(kind).detail != nil).table)
    }

    static func listViewport(_ state: AppState) -> Int {
        Layout.rows(in: state.layout.body)
    }

    static func snapshotViewport(_ state: AppState) -> Int {
        Layout.rows(in: state.layout.snapshotAreas(checkRows: state.snapshotCheckRows.count).list)
    }

    static func scheduleViewport(_ state: AppState) -> Int {
        Layout.rows(in: state.layout.jobAreas(detailOpen: state.scheduleDetailOpen).table)
    }

    static func consoleViewport(_ state: AppState) -> Int {
        Layout.rows(in: state.layout.consoleGrid)
    }

    static func flash(_ state: inout AppState, _ text: String, _ level: Level = .info) {
        state.flash = Flash(text, level: level, now: state.now)
    }

    /// A fresh request id, remembered with what its result is for.
    static func request(_ state: inout AppState, _ purpose: RequestPurpose, _ sql: String) -> Effect {
        let id = state.nextRequestId
        state.nextRequestId += 1
        state.pendingRequests[id] = purpose
        return .runSQL(id: id, sql: sql)
    }
}
