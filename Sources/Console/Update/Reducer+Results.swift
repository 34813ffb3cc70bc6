/// Results coming back from effects: statements, snapshot lists and snapshot contents.
extension Reducer {
    static func finish(_ state: inout AppState, _ id: Int, _ result: SQLResult) -> [Effect] {
        guard let purpose = state.pendingRequests.removeValue(forKey: id) else { return [] }
        var effects: [Effect] = []
        let ok = result.succeeded
        switch purpose {
        case .console:
            if state.console.running == id { state.console.running = nil }
            state.console.result = result
            state.console.resultCursor = ListCursor(selected: 0)
            state.console.columnOffset = 0
        case .backup(let database, let label), .restore(let database, let label):
            let kind: JobKind = if case .backup = purpose { .backup } else { .restore }
            if ok {
                state.tab = kind == .backup ? .backups : .restores
                state.followJob = FollowJob(kind: kind, database: database, label: label)
                flash(&state, "\(kind.keyword) \(database).\(label) submitted.")
            }
        case .createRepository(let name):
            if ok {
                state.selectedRepository = name
                state.repositoryCursor.selected = name
                flash(&state, "Repository \(name) created.")
            }
        case .cancelJob(let kind, let jobId, let label):
            if ok { flash(&state, "Cancel requested for \(kind.rawValue) job \(jobId) \(label).") }
        case .dropRepository(let name):
            if ok {
                state.snapshotCache.lists[name] = nil
                flash(&state, "Repository \(name) dropped; its files are untouched.")
            }
        case .dropSnapshot(let key):
            if ok {
                flash(&state, "Snapshot \(key.label) (\(key.timestamp)) deleted from \(key.repository).")
                if state.snapshotBrowser.path.first == key.rowKey { state.snapshotBrowser.reset() }
                state.snapshotCache.loadingLists.insert(key.repository)
                effects.append(.loadSnapshots(repository: key.repository))
            }
        case .schedule(let name, let action):
            if ok {
                flash(&state, action.done(name))
                if action == .create {
                    state.tab = .schedules
                    state.followSchedule = name
                }
                if action == .drop, state.scheduleCursor.selected == name { state.scheduleDetailOpen = false }
            }
        case .checkSnapshot(let key):
            state.snapshotCache.checking.remove(key)
            if ok {
                let rows = checkRows(result)
                state.snapshotCache.checks[key] = rows
                let problems = rows.filter { !$0.isOK }
                flash(&state, problems.isEmpty
                    ? "\(key.label): " + (rows.first?.detail ?? "no problems")
                    : "\(key.label): \(problems.count) problem\(problems.count == 1 ? "" : "s") — see the Snapshots tab",
                    problems.isEmpty ? .info : .error)
            }
        }
        // A dialog's statement may carry a secret, and a syntax error quotes the statement.
        let error = result.error.map(SQLText.maskingSecrets)
        if !ok, purpose != .console {
            flash(&state, error ?? "The statement failed.", .error)
        }
        closeModal(&state, id, succeeded: ok, error: error)
        return effects
    }

    /// A dialog or confirmation waiting for this request closes on success and shows the
    /// engine's error on failure, so the user can correct it and run again.
    private static func closeModal(_ state: inout AppState, _ id: Int, succeeded: Bool, error: String?) {
        switch state.modal {
        case .dialog(var dialog) where dialog.form.submitting == id:
            if succeeded {
                state.modal = nil
            } else {
                dialog.form.submitting = nil
                dialog.form.serverError = error
                state.modal = .dialog(dialog)
            }
        case .confirm(var confirm) where confirm.submitting == id:
            if succeeded {
                state.modal = nil
            } else {
                confirm.submitting = nil
                confirm.serverError = error
                state.modal = .confirm(confirm)
            }
        default:
            break
        }
    }

    /// `ADMIN CHECK SNAPSHOT` rows: Snapshot, Timestamp, File, Status, Detail.
    static func checkRows(_ result: SQLResult) -> [CheckRow] {
        result.rows.map { row in
            CheckRow(
                file: result.value("File", in: row),
                status: result.value("Status", in: row) ?? "",
                detail: result.value("Detail", in: row) ?? ""
            )
        }
    }

    static func snapshotsLoaded(_ state: inout AppState, _ repository: String, _ rows: [SnapshotRow], _ error: String?) {
        state.snapshotCache.loadingLists.remove(repository)
        if let error {
            state.snapshotCache.listErrors[repository] = error
            if state.tab == .snapshots, state.selectedRepository == repository { flash(&state, error, .error) }
        } else {
            state.snapshotCache.merge(repository: repository, rows: rows)
        }
    }

    static func detailLoaded(_ state: inout AppState, _ key: SnapshotKey, _ contents: SnapshotContents?, _ error: String?) {
        state.snapshotCache.loadingDetails.remove(key)
        if let contents, error == nil {
            state.snapshotCache.setContents(contents, for: key)
        } else {
            state.snapshotCache.detailErrors[key] = error ?? "The snapshot's details are not in a known format."
        }
        if case .dialog(var dialog)? = state.modal {
            RestoreDialog.contentsArrived(&dialog, state)
            state.modal = .dialog(dialog)
        }
    }
}
