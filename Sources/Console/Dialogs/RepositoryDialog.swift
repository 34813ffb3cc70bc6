/// The `n` dialog: CREATE REPOSITORY on a local path (S3 from the dashboard comes later).
enum RepositoryDialog {
    static let types = ["LOCAL", "S3"]

    static func make(_ state: AppState) -> Dialog {
        Dialog(kind: .repository, form: Form(
            title: "New repository",
            fields: [
                Field(.name, "Name", .text(LineEditor())),
                Field(.type, "Type", .choice(options: types, index: 0)),
                Field(.location, "Location", .text(LineEditor()), placeholder: "/absolute/path or file:///path"),
                Field(.readOnly, "Read only", .toggle(false)),
            ],
            runLabel: "Create"
        ))
    }

    static func check(_ form: Form, _ state: AppState) -> FormCheck {
        var check = FormCheck()
        let name = form.text(.name)
        let type = form.text(.type)
        let location = form.text(.location)
        if name.isEmpty {
            check.errors.append("Repository name is empty")
        } else if !NameRules.isValidRepositoryName(name) {
            check.errors.append("Incorrect repository name '\(name)': a letter, then letters, digits or _ (at most 64)")
        } else if state.cluster.repository(named: name) != nil {
            check.errors.append("Failed to create repository: repository with same name already exist: \(name)")
        }
        if type == "S3" {
            check.errors.append("S3 repositories from the dashboard come later: run CREATE REPOSITORY ... WITH S3 in the Console tab")
        }
        if location.isEmpty {
            check.errors.append("You must specify a location on the repository")
        } else if type == "LOCAL", !(location.hasPrefix("/") || location.hasPrefix("file:///")) {
            check.errors.append("A LOCAL location is an absolute path or file:///path")
        }
        if state.cluster.repositories.contains(where: { $0.location == location }) {
            check.warnings.append("Another repository already uses this location")
        }
        check.notes.append("Two clusters that create a repository with the same name and location share its snapshots.")
        check.sql = "CREATE \(form.isOn(.readOnly) ? "READ ONLY " : "")REPOSITORY \(SQLText.identifier(name)) WITH \(type)"
            + " ON LOCATION \(SQLText.string(location))"
        return check
    }
}
