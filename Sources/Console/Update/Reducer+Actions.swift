import Foundation

/// The action keys (`b r n c D v`, the Schedules tab's `n p x d`) and `y`: each explains itself
/// when it cannot run.
extension Reducer {
    static func startAction(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .newBackup:
            guard !state.cluster.catalog.isEmpty else {
                flash(&state, "Nothing to back up: the catalog has no databases.", .warning)
                return []
            }
            state.modal = .dialog(BackupDialog.make(state))
        case .newRepository:
            state.modal = .dialog(RepositoryDialog.make(state))
        case .restore:
            guard state.tab == .snapshots, let key = state.selectedSnapshot else {
                flash(&state, "Restore starts from a snapshot: select one on the Snapshots tab (4).", .warning)
                return []
            }
            state.modal = .dialog(RestoreDialog.make(key, state))
            return loadDetailIfNeeded(&state, key)
        case .cancelJob:
            guard let kind = state.tab.jobKind else {
                flash(&state, "Select a job on the Backups (1) or Restores (2) tab to cancel it.", .warning)
                return []
            }
            guard let job = state.jobTable(kind).selectedJob else {
                flash(&state, "No job selected.", .warning)
                return []
            }
            guard job.isActive, !state.jobTable(kind).retired.contains(job.jobId) else {
                flash(&state, "Job \(job.jobId) \(job.label) is \(job.state): nothing to cancel.", .warning)
                return []
            }
            state.modal = .confirm(.cancelJob(job))
        case .drop:
            if state.tab == .repositories, let name = state.repositoryCursor.selected, let repository = state.cluster.repository(named: name) {
                var confirm = ConfirmState.dropRepository(repository, snapshots: state.snapshotCache.lists[name]?.count)
                if !state.activeJobs.isEmpty {
                    confirm.lines.append("Jobs are running: if one uses this repository, the drop is refused.")
                }
                state.modal = .confirm(confirm)
            } else if state.tab == .snapshots, let key = state.selectedSnapshot {
                state.modal = .confirm(.dropSnapshot(key))
            } else if state.tab == .schedules {
                return scheduleAction(.drop, &state)
            } else {
                flash(&state, "Select a repository (3), a snapshot (4) or a schedule (8) to drop.", .warning)
            }
        case .verify:
            guard state.tab == .snapshots, let key = state.selectedSnapshot else {
                flash(&state, "Select a snapshot on the Snapshots tab (4) to verify it.", .warning)
                return []
            }
            state.modal = .confirm(.verify(key))
        case .newSchedule:
            guard !state.cluster.catalog.isEmpty else {
                flash(&state, "Nothing to schedule: the catalog has no databases.", .warning)
                return []
            }
            state.modal = .dialog(ScheduleDialog.make(state))
        case .pauseSchedule:
            return scheduleAction(.pause, &state)
        case .runSchedule:
            return scheduleAction(.runNow, &state)
        default:
            break
        }
        return []
    }

    /// Pause (or resume, when paused), run now or drop: the confirmation with its statement.
    private static func scheduleAction(_ action: ScheduleAction, _ state: inout AppState) -> [Effect] {
        guard state.tab == .schedules, let name = state.scheduleCursor.selected, let schedule = state.cluster.schedule(named: name) else {
            flash(&state, "Select a schedule on the Schedules tab (8) first.", .warning)
            return []
        }
        var action = action
        if action == .pause, schedule.isPaused { action = .resume }
        state.modal = .confirm(.schedule(schedule, action))
        return []
    }

    /// `t`: the Snapshots tab's list as chains of incrementals under their bases, or flat again.
    static func toggleChain(_ state: inout AppState) {
        guard state.tab == .snapshots, state.snapshotBrowser.depth == 0 else {
            flash(&state, "The chain view is the Snapshots tab's list (4): press t there.")
            return
        }
        state.snapshotChainView.toggle()
        flash(&state, state.snapshotChainView
            ? "Chain view: each incremental under its base. t: flat list."
            : "Flat list, newest first. t: chain view.")
    }

    /// `y`: the selected row's most useful text, for pasting into a ticket or a shell.
    static func copy(_ state: inout AppState) -> [Effect] {
        let text: String?
        switch state.tab {
        case .backups, .restores:
            let table = state.jobTable(state.tab.jobKind!)
            if let job = table.selectedJob {
                text = table.detail != nil
                    ? job.cells.map { "\($0.column): \($0.value ?? "NULL")" }.joined(separator: "\n")
                    : [String(job.jobId), job.label, job.database, job.state, job.taskErrMsg].joined(separator: "\t")
            } else {
                text = nil
            }
        case .repositories:
            text = state.repositoryCursor.selected.flatMap { state.cluster.repository(named: $0) }.map { "\($0.name)\t\($0.location)" }
        case .snapshots:
            text = state.snapshotBrowser.depth == 0
                ? state.selectedSnapshot.map { "\($0.label)\t\($0.timestamp)" }
                : state.snapshotBrowser.cursor.selected
        case .catalog:
            text = state.catalogBrowser.cursor.selected
        case .console:
            if let result = state.console.result, let index = state.console.resultCursor.selected, index < result.rows.count {
                text = result.rows[index].map { $0 ?? "NULL" }.joined(separator: "\t")
            } else {
                text = state.console.result?.error ?? state.console.result?.message
            }
        case .events:
            text = state.eventTable().rows.first { $0.key == state.eventCursor.selected }?.copyText
        case .schedules:
            text = state.scheduleCursor.selected.flatMap { state.cluster.schedule(named: $0) }.map { schedule in
                state.scheduleDetailOpen
                    ? schedule.cells.map { "\($0.column): \($0.value ?? "NULL")" }.joined(separator: "\n")
                    : schedule.name + "\t" + schedule.executeSql
            }
        }
        guard let text, !text.isEmpty else {
            flash(&state, "Nothing selected to copy.")
            return []
        }
        flash(&state, "Copied: " + text.replacingOccurrences(of: "\n", with: " "))
        return [.copyToClipboard(text)]
    }
}
