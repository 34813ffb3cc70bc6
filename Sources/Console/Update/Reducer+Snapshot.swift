import Foundation

/// Engine snapshots: applying them, and the job tables' filtered and sorted order.
extension Reducer {
    static func receive(_ state: inout AppState, _ snapshot: ClusterSnapshot) -> [Effect] {
        // A late delivery must not roll the screen back.
        if state.hasSnapshot, snapshot.sequence < state.cluster.sequence { return [] }
        if state.isPaused {
            if snapshot.sequence >= (state.pendingSnapshot?.sequence ?? Int.min) { state.pendingSnapshot = snapshot }
            return []
        }
        return apply(&state, snapshot)
    }

    static func apply(_ state: inout AppState, _ snapshot: ClusterSnapshot) -> [Effect] {
        let first = !state.hasSnapshot
        state.cluster = snapshot
        state.hasSnapshot = true
        for kind in JobKind.allCases {
            let incoming = Dictionary(snapshot.jobs.filter { $0.kind == kind }.map { ($0.jobId, $0) }, uniquingKeysWith: { $1 })
            let frozen = isFrozen(state, kind)
            state.updateJobTable(kind) { table in
                if frozen {
                    // Keep the order; vanished rows stay (greyed), new rows wait for the thaw.
                    let shown = Set(table.order)
                    table.retired = shown.subtracting(incoming.keys)
                    var rows = incoming
                    for id in table.retired { rows[id] = table.rows[id] }
                    table.rows = rows
                    table.waiting = incoming.keys.filter { !shown.contains($0) }.count
                } else {
                    table.rows = incoming
                }
                table.isStale = true
            }
        }
        for (repository, rows) in snapshot.snapshots {
            state.snapshotCache.merge(repository: repository, rows: rows)
        }
        if let selected = state.selectedRepository, snapshot.repository(named: selected) == nil {
            state.selectedRepository = nil
            state.snapshotBrowser.reset()
        }
        if state.selectedRepository == nil, let repository = snapshot.repositories.first?.name {
            state.selectedRepository = repository
        }
        if case .dialog(var dialog)? = state.modal {
            RestoreDialog.contentsArrived(&dialog, state)
            state.modal = .dialog(dialog)
        }
        if first, state.tab == .snapshots { return loadSnapshotsIfNeeded(&state) }
        return []
    }

    static func rebuildOrder(_ table: inout JobTableState, filter: String, now: Double) {
        for id in table.retired { table.rows[id] = nil }
        table.retired = []
        table.waiting = 0
        table.isStale = false
        let sort = table.sort
        let rows = table.rows.values.filter { filter.isEmpty || matches($0, filter) }
        table.order = rows.sorted { a, b in
            let order = compare(a, b, sort.column, now: now)
            if order != .orderedSame { return sort.descending ? order == .orderedDescending : order == .orderedAscending }
            return a.jobId > b.jobId
        }.map(\.jobId)
    }

    /// Case-insensitive match on what the table shows.
    static func matches(_ job: JobRow, _ filter: String) -> Bool {
        [String(job.jobId), job.label, job.database, job.state, job.taskErrMsg, job.unfinishedTasks, job.status]
            .contains { $0.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    private static func compare(_ a: JobRow, _ b: JobRow, _ column: JobSort.Column, now: Double) -> ComparisonResult {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> ComparisonResult {
            x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame
        }
        switch column {
        case .jobId: return cmp(a.jobId, b.jobId)
        case .database: return cmp(a.database, b.database)
        case .label: return cmp(a.label, b.label)
        case .state:
            let rank = cmp(stateRank(a.phase), stateRank(b.phase))
            return rank == .orderedSame ? cmp(a.state, b.state) : rank
        case .progress: return cmp(a.fraction ?? -1, b.fraction ?? -1)
        case .createTime: return cmp(a.createTime, b.createTime)
        case .elapsed: return cmp(JobText.elapsed(a, now: now) ?? -1, JobText.elapsed(b, now: now) ?? -1)
        }
    }

    /// Running work first, then queued, then failures, then the finished.
    private static func stateRank(_ phase: JobPhase) -> Int {
        switch phase {
        case .running: 0
        case .pending: 1
        case .cancelled: 2
        case .finished: 3
        }
    }

    static func loadSnapshotsIfNeeded(_ state: inout AppState) -> [Effect] {
        guard let repository = state.selectedRepository, state.snapshotCache.lists[repository] == nil,
              !state.snapshotCache.loadingLists.contains(repository)
        else { return [] }
        state.snapshotCache.loadingLists.insert(repository)
        return [.loadSnapshots(repository: repository)]
    }
}
