import Essentials
import Foundation

/// The Schedules tab's `n` dialog: a recurring BACKUP in Doris's job-scheduler syntax,
/// `CREATE JOB name ON SCHEDULE EVERY n UNIT [STARTS '…'] DO BACKUP SNAPSHOT db.prefix_{ts} TO
/// repo [PROPERTIES (…)]`; each run's label is the prefix and the run's timestamp.
enum ScheduleDialog {
    static let units = ["MINUTE", "HOUR", "DAY", "WEEK"]
    static let types = ["incremental", "full"]
    /// The retention units BACKUP's `ttl` takes.
    static let ttlUnits = ["HOUR", "DAY", "WEEK", "MONTH"]

    static func make(_ state: AppState) -> Dialog {
        let databases = state.cluster.catalog.map(\.name)
        let (repositories, repositoryIndex) = BackupDialog.repositoryChoice(state)
        var dialog = Dialog(kind: .schedule, form: Form(
            title: "New backup schedule",
            fields: [
                Field(.name, "Schedule name", .text(LineEditor())),
                Field(.database, "Database", .choice(options: databases, index: 0)),
                Field(.repository, "Repository", .choice(options: repositories, index: repositoryIndex)),
                Field(.every, "Every", .text(LineEditor("1"))),
                Field(.unit, "Unit", .choice(options: units, index: units.firstIndex(of: "DAY")!)),
                Field(.starts, "Starts", .text(LineEditor(nextNight(state))), placeholder: "now (or yyyy-MM-dd HH:mm:ss)"),
                Field(.backupType, "Type", .choice(options: types, index: 0)),
                Field(.ttl, "Keep for (TTL)", .text(LineEditor()), placeholder: "until dropped (or e.g. 7 DAY)"),
                Field(.labelPrefix, "Label prefix", .text(LineEditor())),
            ],
            runLabel: "Create"
        ))
        databaseChanged(&dialog, state)
        return dialog
    }

    /// A new database renews the suggested schedule name and label prefix, unless the user typed them.
    static func databaseChanged(_ dialog: inout Dialog, _ state: AppState) {
        let database = String(dialog.form.text(.database).filter { NameRules.isValidLabel(String($0)) })
        let stem = (database.isEmpty ? "backup" : database) + "_nightly"
        // The first name no schedule has yet: stem, stem_2, stem_3 …
        var suggestion = stem
        var number = 2
        while state.cluster.schedule(named: suggestion) != nil {
            suggestion = "\(stem)_\(number)"
            number += 1
        }
        if dialog.nameIsSuggested { dialog.form.setText(.name, suggestion) }
        if dialog.labelIsSuggested { dialog.form.setText(.labelPrefix, suggestion) }
    }

    /// The next 02:00:00 local time: the quiet hour nightly backups usually take.
    static func nextNight(_ state: AppState) -> String {
        let now = LocalTime(epoch: state.now, utcOffset: state.utcOffset)
        let secondsToday = now.hour * 3600 + now.minute * 60 + now.second
        let wait = (2 * 3600 - secondsToday + 86400) % 86400
        return LocalTime(epoch: state.now + Double(wait == 0 ? 86400 : wait), utcOffset: state.utcOffset).date + " 02:00:00"
    }

    static func check(_ form: Form, _ state: AppState) -> FormCheck {
        var check = FormCheck()
        let name = form.text(.name)
        let database = form.text(.database)
        let repository = form.text(.repository)
        let every = form.text(.every)
        let starts = form.text(.starts)
        let ttl = normalizedTTL(form.text(.ttl))
        let prefix = form.text(.labelPrefix)

        if let problem = NameRules.problem(with: name) {
            check.errors.append("Invalid schedule name: \(problem)")
        } else if state.cluster.schedule(named: name) != nil {
            check.errors.append("A schedule named \(name) already exists")
        }
        if database.isEmpty { check.errors.append("The catalog has no database to back up") }
        if repository.isEmpty {
            check.errors.append("No repository yet: create one with n on the Repositories tab")
        } else if state.cluster.repository(named: repository)?.readOnly == true {
            check.errors.append("Repository \(repository) is read only")
        }
        if Int(every).map({ $0 < 1 }) ?? true { check.errors.append("Every must be a whole number of at least 1, not '\(every)'") }
        if !starts.isEmpty, !isDateTime(starts) { check.errors.append("Starts must be yyyy-MM-dd HH:mm:ss, not '\(starts)'") }
        if let ttl, ttl.isEmpty {
            check.errors.append("TTL must be a number and HOUR, DAY, WEEK or MONTH, like 7 DAY")
        }
        if let problem = NameRules.labelProblem(prefix) { check.errors.append(problem.replacingOccurrences(of: "Label", with: "Label prefix")) }
        if form.text(.backupType) == "incremental" {
            check.notes.append("Each run uploads only the files its base (the latest finished snapshot of the database) lacks.")
        }
        if let ttl, !ttl.isEmpty {
            check.notes.append("Snapshots older than \(ttl) are dropped in the background; files that later snapshots still read stay.")
        }

        var properties: [(String, String)] = []
        if form.text(.backupType) == "incremental" { properties.append(("type", "incremental")) }
        if let ttl, !ttl.isEmpty { properties.append(("ttl", ttl)) }
        check.sql = "CREATE JOB \(Quoting.sqlIdentifier(name)) ON SCHEDULE EVERY \(every) \(form.text(.unit))"
            + (starts.isEmpty ? "" : " STARTS \(Quoting.sqlString(starts, quote: "'"))")
            + " DO BACKUP SNAPSHOT \(Quoting.sqlIdentifier(database)).\(prefix)_{ts} TO \(Quoting.sqlIdentifier(repository))"
            + SQLText.properties(properties)
        return check
    }

    /// `7 day` → `7 DAY`; nil for an empty field (no retention), "" for one that is not a TTL.
    static func normalizedTTL(_ text: String) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard !words.isEmpty else { return nil }
        guard words.count == 2, let amount = Int(words[0]), amount > 0 else { return "" }
        var unit = words[1].uppercased()
        if unit.hasSuffix("S") { unit.removeLast() }
        return ttlUnits.contains(unit) ? "\(amount) \(unit)" : ""
    }

    private static func isDateTime(_ text: String) -> Bool {
        let pattern = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/
        return text.wholeMatch(of: pattern) != nil
    }
}
