import Essentials
import Foundation

/// The `n` dialog: CREATE REPOSITORY on a local path or in an S3 bucket.
///
/// The S3 fields (endpoint, region, credentials, path style) are hidden unless Type is S3, and
/// keep what was typed while hidden. The secret key and session token are drawn as `*` and the
/// SQL shows them as `******`; Run sends them as typed.
enum RepositoryDialog {
    static let types = ["LOCAL", "S3"]
    static let s3Fields: [FieldID] = [.endpoint, .region, .accessKey, .secretKey, .sessionToken, .pathStyle]

    static func make(_ state: AppState) -> Dialog {
        var dialog = Dialog(kind: .repository, form: Form(
            title: "New repository",
            fields: [
                Field(.name, "Name", .text(LineEditor())),
                Field(.type, "Type", .choice(options: types, index: 0)),
                Field(.location, "Location", .text(LineEditor())),
                Field(.endpoint, "Endpoint", .text(LineEditor()), placeholder: "http://127.0.0.1:9000"),
                Field(.region, "Region", .text(LineEditor("us-east-1"))),
                Field(.accessKey, "Access key", .text(LineEditor())),
                Field(.secretKey, "Secret key", .text(LineEditor()), isSecret: true),
                Field(.sessionToken, "Session token", .text(LineEditor()), placeholder: "optional", isSecret: true),
                Field(.pathStyle, "Path style", .toggle(true)),
                Field(.readOnly, "Read only", .toggle(false)),
            ],
            runLabel: "Create"
        ))
        typeChanged(&dialog)
        return dialog
    }

    /// The S3 fields only for S3, and the location format the type expects.
    static func typeChanged(_ dialog: inout Dialog) {
        let isS3 = dialog.form.text(.type) == "S3"
        dialog.form.setHidden(!isS3, s3Fields)
        dialog.form.setPlaceholder(.location, isS3 ? "s3://bucket/prefix" : "/absolute/path or file:///path")
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
        if location.isEmpty {
            check.errors.append("You must specify a location on the repository")
        } else if let problem = locationProblem(location, type: type) {
            check.errors.append(problem)
        }
        var properties: [(String, String)] = []
        if type == "S3" {
            check.errors += s3Problems(form)
            properties = s3Properties(form)
        }
        if state.cluster.repositories.contains(where: { $0.location == location }) {
            check.warnings.append("Another repository already uses this location")
        }
        check.notes.append("Two clusters that create a repository with the same name and location share its snapshots.")
        if type == "S3" { check.notes.append("Secrets show as \(SQLText.secretMask) here; Run sends them as typed.") }
        check.sql = "CREATE \(form.isOn(.readOnly) ? "READ ONLY " : "")REPOSITORY \(Quoting.sqlIdentifier(name)) WITH \(type)"
            + " ON LOCATION \(Quoting.sqlString(location))" + SQLText.properties(properties)
        return check
    }

    static func locationProblem(_ location: String, type: String) -> String? {
        if type == "S3" {
            let bucket = location.hasPrefix("s3://") ? location.dropFirst(5).prefix { $0 != "/" } : ""
            return bucket.isEmpty ? "An S3 location is s3://bucket/prefix" : nil
        }
        return location.hasPrefix("/") || location.hasPrefix("file:///") ? nil : "A LOCAL location is an absolute path or file:///path"
    }

    /// In field order, with Doris's texts for a missing property.
    static func s3Problems(_ form: Form) -> [String] {
        var problems: [String] = []
        let endpoint = form.text(.endpoint)
        if endpoint.isEmpty {
            problems.append("AWS_ENDPOINT not found.")
        } else if !isHTTPURL(endpoint) {
            problems.append("An S3 endpoint is an http:// or https:// URL, like http://127.0.0.1:9000")
        }
        let required: [(FieldID, String)] = [(.region, "AWS_REGION"), (.accessKey, "AWS_ACCESS_KEY"), (.secretKey, "AWS_SECRET_KEY")]
        for (id, property) in required where form.text(id).isEmpty {
            problems.append("\(property) not found.")
        }
        return problems
    }

    static func isHTTPURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        return URLComponents(string: text)?.host.map { !$0.isEmpty } ?? false
    }

    /// In the order Doris's examples write them; the session token only when given.
    static func s3Properties(_ form: Form) -> [(String, String)] {
        var properties = [
            ("s3.endpoint", form.text(.endpoint)), ("s3.region", form.text(.region)),
            ("s3.access_key", form.text(.accessKey)), ("s3.secret_key", form.text(.secretKey)),
        ]
        let token = form.text(.sessionToken)
        if !token.isEmpty { properties.append(("s3.session_token", token)) }
        properties.append(("use_path_style", form.text(.pathStyle)))
        return properties
    }
}
