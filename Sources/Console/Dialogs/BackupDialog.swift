import Essentials

/// The `b` dialog: BACKUP SNAPSHOT of a database, or of tables and partitions picked from the
/// catalog, to a repository.
enum BackupDialog {
    static func make(_ state: AppState) -> Dialog {
        let databases = state.cluster.catalog.map(\.name)
        // Start from the database the user is looking at, if any.
        let current = state.tab == .catalog ? state.catalogBrowser.path.first ?? state.catalogBrowser.cursor.selected : nil
        let databaseIndex = current.flatMap { databases.firstIndex(of: $0) } ?? 0
        let (repositories, repositoryIndex) = repositoryChoice(state)
        var dialog = Dialog(kind: .backup, form: Form(
            title: "New backup",
            fields: [
                Field(.database, "Database", .choice(options: databases, index: databaseIndex)),
                Field(.label, "Label", .text(LineEditor())),
                Field(.repository, "Repository", .choice(options: repositories, index: repositoryIndex)),
                Field(.objects, "Tables", .list(ObjectPicker(tables: []))),
                Field(.timeout, "Timeout (s)", .text(LineEditor()), placeholder: "86400 (1 day)"),
            ],
            runLabel: "Back up"
        ))
        databaseChanged(&dialog, state)
        return dialog
    }

    /// The repositories a backup can write to first, and the one the user looks at chosen.
    static func repositoryChoice(_ state: AppState) -> (names: [String], index: Int) {
        let names = state.cluster.repositories.filter { !$0.readOnly }.map(\.name)
            + state.cluster.repositories.filter(\.readOnly).map(\.name)
        return (names, state.selectedRepository.flatMap { names.firstIndex(of: $0) } ?? 0)
    }

    /// New database: its tables in the list, and a fresh label unless the user typed one.
    static func databaseChanged(_ dialog: inout Dialog, _ state: AppState) {
        let name = dialog.form.text(.database)
        let tables = state.cluster.database(named: name)?.children ?? []
        dialog.form.set(.objects, .list(ObjectPicker(tables: tables.map { ($0.name, $0.children.map(\.name)) })))
        if dialog.labelIsSuggested {
            dialog.form.setText(.label, name.isEmpty ? "" : suggestedLabel(database: name, state))
        }
    }

    /// `<db>_<yyyyMMdd_HHmm>` in local time; the database part keeps only label characters.
    static func suggestedLabel(database: String, _ state: AppState) -> String {
        let stamp = LocalTime(epoch: state.now, utcOffset: state.utcOffset).labelStamp
        let base = String(database.filter { NameRules.isValidLabel(String($0)) })
        return (base.isEmpty ? "backup" : base) + "_" + stamp
    }

    static func check(_ form: Form, _ state: AppState) -> FormCheck {
        var check = FormCheck()
        let database = form.text(.database)
        let label = form.text(.label)
        let repository = form.text(.repository)
        let timeout = form.text(.timeout)
        let refs = form.picker(.objects)?.refs ?? []

        if state.cluster.catalog.isEmpty {
            check.errors.append("The catalog has no database to back up")
        }
        if let problem = NameRules.labelProblem(label) { check.errors.append(problem) }
        if repository.isEmpty {
            check.errors.append("No repository yet: create one with n on the Repositories tab")
        } else if state.cluster.repository(named: repository)?.readOnly == true {
            check.errors.append("Repository \(repository) is read only")
        } else if state.snapshotCache.lists[repository]?.contains(where: { $0.label == label }) == true {
            check.errors.append("Snapshot with name '\(label)' already exist in repository")
        }
        if let running = state.cluster.jobs.first(where: { $0.database == database && $0.isActive }) {
            check.errors.append(
                "Can only run one backup or restore job of a database at same time , current running: label = \(running.label) jobId = \(running.jobId), to run label = \(label)")
        }
        if let problem = timeoutProblem(timeout) { check.errors.append(problem) }
        if let db = state.cluster.database(named: database) {
            check.notes.append(summary(db, refs, rate: state.cluster.transferRate))
        }

        var properties: [(String, String)] = []
        if !timeout.isEmpty { properties.append(("timeout", timeout)) }
        check.sql = "BACKUP SNAPSHOT \(Quoting.sqlIdentifier(database)).\(Quoting.sqlIdentifier(label)) TO \(Quoting.sqlIdentifier(repository))"
            + ObjectRef.clause(refs) + SQLText.properties(properties)
        return check
    }

    /// Doris's timeout rule for BACKUP and RESTORE, with its error texts.
    static func timeoutProblem(_ timeout: String) -> String? {
        guard !timeout.isEmpty else { return nil }
        guard let seconds = Int(timeout) else { return "Invalid timeout format: \(timeout)" }
        return seconds < 600 ? "timeout must be at least 10 min" : nil
    }

    /// "3 tables, 17 partitions, 6.2 MiB in 396 files; about 7s at 1.0 MiB/s".
    static func summary(_ database: CatalogNode, _ refs: [ObjectRef], rate: Double?) -> String {
        var tables = 0
        var partitions = 0
        var bytes: Int64 = 0
        var files = 0
        for table in database.children {
            let picked: [CatalogNode]
            if refs.isEmpty {
                picked = table.children
            } else if let ref = refs.first(where: { $0.table == table.name }) {
                picked = ref.partitions.map { names in table.children.filter { names.contains($0.name) } } ?? table.children
            } else {
                continue
            }
            tables += 1
            partitions += picked.count
            bytes += picked.reduce(0) { $0 + $1.bytes }
            files += picked.reduce(0) { $0 + $1.files }
        }
        var text = "\(tables) table\(tables == 1 ? "" : "s"), \(partitions) partition\(partitions == 1 ? "" : "s"), "
            + "\(Format.bytes(bytes)) in \(files) file\(files == 1 ? "" : "s")"
        if let estimate = Format.estimate(bytes: bytes, rate: rate) { text += "; " + estimate }
        return text
    }
}
