import Essentials
import Foundation

/// The `r` dialog: RESTORE SNAPSHOT from the selected snapshot into a database, all of it or
/// picked tables and partitions, optionally under new names.
///
/// It reads the snapshot's contents (loaded on demand) and the catalog to say, before anything
/// runs, which existing tables and partitions the restore would overwrite; overwriting needs the
/// database name typed into the Confirm field.
enum RestoreDialog {
    static func make(_ key: SnapshotKey, _ state: AppState) -> Dialog {
        let contents = state.snapshotCache.contents(key)
        let database = contents?.database ?? state.snapshotCache.row(key)?.database ?? ""
        let replication = min(3, max(1, state.cluster.backendsTotal))
        return Dialog(kind: .restore(key), form: Form(
            title: "Restore snapshot",
            facts: [("Snapshot", "\(key.label) @ \(key.timestamp)"), ("Repository", key.repository)],
            fields: [
                Field(.targetDatabase, "Into database", .text(LineEditor(database))),
                Field(.objects, "Tables", .list(picker(contents))),
                Field(.aliases, "Rename", .text(LineEditor()), placeholder: "table AS new_name, ..."),
                Field(.timestamp, "backup_timestamp", .text(LineEditor(key.timestamp))),
                Field(.replication, "replication_num", .text(LineEditor(String(replication)))),
                Field(.reserveDynamicPartition, "Keep dynamic partitions", .toggle(false)),
                Field(.timeout, "Timeout (s)", .text(LineEditor()), placeholder: "86400 (1 day)"),
                Field(.confirmation, "Confirm", .text(LineEditor()), placeholder: "type the database name if asked"),
            ],
            runLabel: "Restore"
        ))
    }

    static func picker(_ contents: SnapshotContents?) -> ObjectPicker {
        ObjectPicker(tables: (contents?.tables ?? []).map { ($0.name, $0.partitions.map(\.name)) })
    }

    /// Fills the table list once the snapshot's contents arrive.
    static func contentsArrived(_ dialog: inout Dialog, _ state: AppState) {
        guard case .restore(let key) = dialog.kind, dialog.form.picker(.objects)?.items.isEmpty == true,
              let contents = state.snapshotCache.contents(key)
        else { return }
        dialog.form.set(.objects, .list(picker(contents)))
        if dialog.form.text(.targetDatabase).isEmpty, let database = contents.database {
            dialog.form.setText(.targetDatabase, database)
        }
    }

    static func check(_ form: Form, _ key: SnapshotKey, _ state: AppState) -> FormCheck {
        var check = FormCheck()
        let database = form.text(.targetDatabase)
        let timestamp = form.text(.timestamp)
        let replication = form.text(.replication)
        let timeout = form.text(.timeout)
        let contents = state.snapshotCache.contents(key)

        if database.isEmpty {
            check.errors.append("No database selected")
        } else if state.cluster.database(named: database) == nil {
            check.errors.append("Unknown database '\(database)'")
        }
        if let running = state.cluster.jobs.first(where: { $0.database == database && $0.isActive }) {
            check.errors.append(
                "Can only run one backup or restore job of a database at same time , current running: label = \(running.label) jobId = \(running.jobId), to run label = \(key.label)")
        }
        if timestamp.isEmpty {
            check.errors.append("Missing backup_timestamp property")
        } else if let row = state.snapshotCache.row(key), !row.timestamps.contains(timestamp) {
            check.warnings.append("\(key.label) has no backup at \(timestamp) (it has \(row.timestamps.joined(separator: ", ")))")
        }
        if let n = Int(replication.trimmingCharacters(in: .whitespaces)), n > 0 {
            if state.hasSnapshot, n > state.cluster.backendsTotal {
                check.errors.append("replication_num \(n) needs \(n) backends; the cluster has \(state.cluster.backendsTotal)")
            }
        } else {
            check.errors.append("Invalid replication num format: \(replication)")
        }
        if let problem = BackupDialog.timeoutProblem(timeout) { check.errors.append(problem) }

        var refs = form.picker(.objects)?.refs ?? []
        let aliases = parseAliases(form.text(.aliases), label: key.label, contents: contents, errors: &check.errors)
        if !aliases.isEmpty {
            // AS only exists inside ON (...): renaming while restoring everything lists everything.
            if refs.isEmpty, let contents {
                refs = contents.tables.map { ObjectRef(table: $0.name, partitions: nil) }
            } else if refs.isEmpty {
                check.errors.append("The snapshot's contents are still loading: tables cannot be renamed yet")
            }
            for i in refs.indices { refs[i].alias = aliases[refs[i].table] }
            for table in aliases.keys.sorted() where !refs.contains(where: { $0.table == table }) {
                check.errors.append("Table \(table) is renamed but not ticked for restore")
            }
        }

        if let error = state.snapshotCache.detailErrors[key] {
            check.warnings.append("Snapshot contents unavailable (\(error)): cannot tell what would be overwritten")
        } else if contents == nil {
            check.notes.append("Loading the snapshot's contents…")
        }
        if let contents, let target = state.cluster.database(named: database) {
            let hits = overwrites(contents: contents, refs: refs, target: target)
            if !hits.isEmpty {
                check.warnings.append("This restore OVERWRITES existing data in \(database):")
                check.warnings += hits.map { "  \($0.table): \($0.partitions.joined(separator: ", "))" }
                if form.text(.confirmation) != database {
                    check.errors.append("Type \(database) in Confirm to overwrite \(hits.count) table\(hits.count == 1 ? "" : "s")")
                }
            } else {
                check.notes.append("Nothing existing is overwritten: tables and partitions are created new.")
            }
        }

        var properties = [("backup_timestamp", timestamp), ("replication_num", replication)]
        if form.isOn(.reserveDynamicPartition) { properties.append(("reserve_dynamic_partition_enable", "true")) }
        if !timeout.isEmpty { properties.append(("timeout", timeout)) }
        check.sql = "RESTORE SNAPSHOT \(Quoting.sqlIdentifier(database)).\(Quoting.sqlIdentifier(key.label)) FROM \(Quoting.sqlIdentifier(key.repository))"
            + ObjectRef.clause(refs) + SQLText.properties(properties)
        return check
    }

    /// `orders AS orders_old, customers AS c2` → [table: alias], with Doris's error texts.
    static func parseAliases(_ text: String, label: String, contents: SnapshotContents?, errors: inout [String]) -> [String: String] {
        var result: [String: String] = [:]
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let words = entry.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count == 3, words[1].uppercased() == "AS" else {
                errors.append("Rename '\(entry)' should look like: table AS new_name")
                continue
            }
            let (table, alias) = (words[0].trimmingCharacters(in: ["`"]), words[2].trimmingCharacters(in: ["`"]))
            if let contents, contents.table(named: table) == nil {
                errors.append("Table \(table) does not exist in snapshot \(label)")
            }
            if result[table] != nil {
                errors.append("Duplicated table: \(table)")
            } else if result.values.contains(alias) || (contents?.tables.contains { $0.name == alias && $0.name != table } ?? false) {
                errors.append("Duplicated alias name: \(alias)")
            }
            result[table] = alias
        }
        return result
    }

    /// Existing tables whose partitions the restore replaces, with those partitions.
    static func overwrites(contents: SnapshotContents, refs: [ObjectRef], target: CatalogNode) -> [(table: String, partitions: [String])] {
        let restored: [(target: String, partitions: [String])] = refs.isEmpty
            ? contents.tables.map { ($0.name, $0.partitions.map(\.name)) }
            : refs.compactMap { ref in
                guard let table = contents.table(named: ref.table) else { return nil }
                return (ref.alias ?? ref.table, ref.partitions ?? table.partitions.map(\.name))
            }
        return restored.compactMap { entry in
            guard let existing = target.child(named: entry.target) else { return nil }
            let hit = entry.partitions.filter { existing.child(named: $0) != nil }
            return hit.isEmpty ? nil : (entry.target, hit)
        }
    }
}
