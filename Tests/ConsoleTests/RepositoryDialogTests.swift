import Testing
@testable import Console

@Suite struct RepositoryDialogTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG"
    static let localFields: [FieldID] = [.name, .type, .location, .readOnly]
    static let s3Fields: [FieldID] = [.name, .type, .location, .endpoint, .region, .accessKey, .secretKey, .sessionToken, .pathStyle, .readOnly]

    /// The `n` dialog with Type S3, the focus on Location.
    static func openS3(width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixtures.state(width: width, height: height)
        Fixtures.press(&state, .character("3"), .character("n"), .tab, .right, .tab)
        return state
    }

    /// Every required S3 field filled in; the focus stays on the secret key.
    static func filledS3(width: Int = 80, height: Int = 24) -> AppState {
        var state = openS3(width: width, height: height)
        Fixtures.type(&state, "s3://backups/snapdeck")
        Fixtures.press(&state, .tab)
        Fixtures.type(&state, "http://127.0.0.1:9000")
        Fixtures.press(&state, .tab, .tab)
        Fixtures.type(&state, "AKIDEXAMPLE")
        Fixtures.press(&state, .tab)
        Fixtures.type(&state, secret)
        focus(&state, on: .name)
        Fixtures.type(&state, "archive")
        focus(&state, on: .secretKey)
        return state
    }

    static func focus(_ state: inout AppState, on id: FieldID) {
        for _ in 0..<20 where state.dialog?.form.focusedField?.id != id { Fixtures.press(&state, .tab) }
    }

    /// Every 4-character piece of the secret that appears in `text`.
    static func leaks(of secret: String, in text: String) -> [String] {
        let characters = Array(secret)
        return (0...(characters.count - 4)).map { String(characters[$0..<$0 + 4]) }.filter { text.contains($0) }
    }

    @Test func validatesNameAndLocationAndBuildsCreateRepository() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("3"), .character("n"))
        #expect(state.check?.errors == ["Repository name is empty", "You must specify a location on the repository"])
        Fixtures.type(&state, "1bad")
        #expect(state.check?.errors.first == "Incorrect repository name '1bad': a letter, then letters, digits or _ (at most 64)")
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "demo_repo")
        #expect(state.check?.errors.first == "Failed to create repository: repository with same name already exist: demo_repo")
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "archive")
        Fixtures.press(&state, .tab, .tab)
        Fixtures.type(&state, "relative/path")
        #expect(state.check?.errors == ["A LOCAL location is an absolute path or file:///path"])
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "/srv/backups/\"x\"")
        Fixtures.press(&state, .tab, .character(" "))
        let check = try #require(state.check)
        #expect(check.errors.isEmpty)
        #expect(check.sql == "CREATE READ ONLY REPOSITORY `archive` WITH LOCAL ON LOCATION \"/srv/backups/\\\"x\\\"\"")
        #expect(check.displaySQL == check.sql, "nothing secret to mask")
    }

    @Test func s3FieldsShowAndTakeTheFocusOnlyForS3() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("3"), .character("n"))
        #expect(state.dialog?.form.visibleFields.map(\.id) == Self.localFields)
        #expect(state.dialog?.form[.location]?.placeholder == "/absolute/path or file:///path")

        Fixtures.press(&state, .tab, .right)
        let form = try #require(state.dialog?.form)
        #expect(form.text(.type) == "S3")
        #expect(form.visibleFields.map(\.id) == Self.s3Fields)
        #expect(form[.location]?.placeholder == "s3://bucket/prefix")
        #expect(form[.endpoint]?.placeholder == "http://127.0.0.1:9000")
        #expect(form.text(.region) == "us-east-1")
        #expect(form.isOn(.pathStyle))
        #expect(form.fields.filter(\.isSecret).map(\.id) == [.secretKey, .sessionToken])
        var visited: [FieldID] = []
        for _ in Self.s3Fields.indices {
            if let id = state.dialog?.form.focusedField?.id { visited.append(id) }
            Fixtures.press(&state, .tab)
        }
        #expect(visited == Array(Self.s3Fields[1...]), "Tab walks every S3 field, in order")

        Self.focus(&state, on: .accessKey)
        Fixtures.type(&state, "AKIDEXAMPLE")
        Self.focus(&state, on: .type)
        Fixtures.press(&state, .left)
        #expect(state.dialog?.form.visibleFields.map(\.id) == Self.localFields)
        Fixtures.press(&state, .tab, .tab)
        #expect(state.dialog?.form.focusedField?.id == .readOnly, "Tab skips the hidden S3 fields")
        Fixtures.press(&state, .tab)
        #expect(state.dialog?.form.focus == state.dialog?.form.runIndex)
        Fixtures.press(&state, .tab, .tab, .backTab)
        #expect(state.dialog?.form.focus == state.dialog?.form.cancelIndex, "Shift-Tab from Name wraps past the hidden fields")
        #expect(state.check?.sql.contains("PROPERTIES") == false, "a LOCAL repository sends no S3 properties")
        #expect(state.dialog?.form.text(.accessKey) == "AKIDEXAMPLE", "a hidden field keeps its value")
    }

    @Test func validatesS3FieldsWithDorisTexts() throws {
        var state = Self.openS3()
        #expect(state.check?.errors == [
            "Repository name is empty", "You must specify a location on the repository",
            "AWS_ENDPOINT not found.", "AWS_ACCESS_KEY not found.", "AWS_SECRET_KEY not found.",
        ])
        for location in ["/srv/backups", "s3://", "s3:///prefix", "S3://bucket"] {
            Fixtures.press(&state, .control("u"))
            Fixtures.type(&state, location)
            #expect(state.check?.errors.contains("An S3 location is s3://bucket/prefix") == true, "\(location)")
        }
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "s3://bucket")
        #expect(state.check?.errors.contains { $0.contains("S3 location") } == false)
        Fixtures.press(&state, .tab)
        for endpoint in ["127.0.0.1:9000", "ftp://host", "http://"] {
            Fixtures.press(&state, .control("u"))
            Fixtures.type(&state, endpoint)
            #expect(state.check?.errors.contains("An S3 endpoint is an http:// or https:// URL, like http://127.0.0.1:9000") == true, "\(endpoint)")
            #expect(state.check?.errors.contains("AWS_ENDPOINT not found.") == false)
        }
        Fixtures.press(&state, .control("u"))
        Fixtures.type(&state, "https://s3.us-east-1.amazonaws.com")
        #expect(state.check?.errors.contains { $0.contains("endpoint") } == false)
        Fixtures.press(&state, .tab, .control("u"))
        #expect(state.check?.errors.contains("AWS_REGION not found.") == true)

        let filled = Self.filledS3()
        #expect(filled.check?.errors == [])
    }

    @Test func showsTheSecretMaskedButRunsItAsTyped() throws {
        var state = Self.filledS3()
        let check = try #require(state.check)
        let properties = "\"s3.endpoint\" = \"http://127.0.0.1:9000\", \"s3.region\" = \"us-east-1\", \"s3.access_key\" = \"AKIDEXAMPLE\""
        let start = "CREATE REPOSITORY `archive` WITH S3 ON LOCATION \"s3://backups/snapdeck\" PROPERTIES (\(properties), "
        #expect(check.sql == start + "\"s3.secret_key\" = \"\(Self.secret)\", \"use_path_style\" = \"true\")")
        #expect(check.displaySQL == start + "\"s3.secret_key\" = \"******\", \"use_path_style\" = \"true\")")
        #expect(check.notes.contains("Secrets show as ****** here; Run sends them as typed."))

        Fixtures.press(&state, .tab)
        Fixtures.type(&state, "FQoGZXIvYXdzEJr")
        Fixtures.press(&state, .tab, .character(" "), .tab, .character(" "))
        let withToken = try #require(state.check)
        #expect(withToken.sql == "CREATE READ ONLY REPOSITORY `archive` WITH S3 ON LOCATION \"s3://backups/snapdeck\" PROPERTIES (\(properties), "
            + "\"s3.secret_key\" = \"\(Self.secret)\", \"s3.session_token\" = \"FQoGZXIvYXdzEJr\", \"use_path_style\" = \"false\")")
        #expect(withToken.displaySQL == "CREATE READ ONLY REPOSITORY `archive` WITH S3 ON LOCATION \"s3://backups/snapdeck\" PROPERTIES (\(properties), "
            + "\"s3.secret_key\" = \"******\", \"s3.session_token\" = \"******\", \"use_path_style\" = \"false\")")

        let effects = Fixtures.press(&state, .enter)
        #expect(effects == [.runSQL(id: 1, sql: withToken.sql)], "Run sends the real secret")
        #expect(state.console.history.isEmpty, "a dialog's statement stays out of the console history")
        _ = reduce(&state, .sqlFinished(id: 1, result: SQLResult(message: "Query OK, 0 rows affected")))
        #expect(state.modal == nil)
        #expect(state.flash?.text == "Repository archive created.")
    }

    @Test func maskingSecretsCoversEscapesSpacingAndCutStatements() {
        #expect(SQLText.maskingSecrets("PROPERTIES (\"s3.secret_key\" = \"a\\\"b\\\\c\", \"s3.region\" = \"x\")")
            == "PROPERTIES (\"s3.secret_key\" = \"******\", \"s3.region\" = \"x\")", "escaped quotes stay inside the value")
        #expect(SQLText.maskingSecrets("(\"AWS_SECRET_KEY\"=\"sk\", \"AWS_TOKEN\" =  \"tk\", \"password\" = \"\")")
            == "(\"AWS_SECRET_KEY\"=\"******\", \"AWS_TOKEN\" =  \"******\", \"password\" = \"\")", "an empty secret shows it is missing")
        #expect(SQLText.maskingSecrets("near '\"s3.secret_key\" = \"wJalrXU' at line 1") == "near '\"s3.secret_key\" = \"******",
                "a value cut short is masked to the end")
        #expect(SQLText.maskingSecrets("near '\"s3.secret_key\" = \"wJ\\") == "near '\"s3.secret_key\" = \"******", "even mid-escape")
        let location = "ON LOCATION \"s3://b/\\\"s3.secret_key\\\" = \\\"x\" PROPERTIES (\"s3.access_key\" = \"secret\")"
        #expect(SQLText.maskingSecrets(location) == location, "only a secret property's own value is masked")
    }

    @Test func theDialogDrawsSecretsAsStarsAndNeverTheSecret() throws {
        var state = Self.filledS3()
        Fixtures.press(&state, .end)
        var buffer = Fixtures.render(state)
        var lines = buffer.textLines()
        #expect(Self.leaks(of: Self.secret, in: lines.joined(separator: "\n")) == [])
        let row = try #require(lines.firstIndex { $0.contains("Secret key") })
        let stars = String(repeating: "*", count: Self.secret.count)
        #expect(lines[row].contains(stars + " "))
        let starsAt = try #require(buffer.column(of: stars, row: row))
        #expect(buffer.cursor == CursorPosition(x: starsAt + Self.secret.count, y: row), "the cursor follows the typed length")
        Fixtures.press(&state, .left, .left, .left)
        Fixtures.type(&state, "Q")
        buffer = Fixtures.render(state)
        #expect(buffer.textLines()[row].contains(stars + "* "), "typing in the middle shows one more star")
        #expect(buffer.cursor == CursorPosition(x: starsAt + Self.secret.count - 2, y: row))
        #expect(state.dialog?.form.text(.secretKey) == "wJalrXUtnFEMI/K7MDQENG")

        var large = Self.filledS3(width: 120, height: 40)
        lines = Fixtures.render(large).textLines()
        #expect(lines.contains { $0.contains("\"******\",") }, "the SQL shows the secret masked")
        #expect(Self.leaks(of: Self.secret, in: lines.joined(separator: "\n")) == [])

        // A syntax error quotes up to 80 characters of the statement, here cut inside the secret.
        let echo = "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
            + "version for the right syntax to use near '\"s3.secret_key\" = \"wJalrXUtnFEM' at line 1"
        #expect(Fixtures.press(&large, .enter).count == 1)
        _ = reduce(&large, .sqlFinished(id: 1, result: .failure(echo)))
        #expect(large.dialog?.form.serverError?.hasSuffix("near '\"s3.secret_key\" = \"******") == true)
        #expect(large.flash?.level == .error)
        var shown = Fixtures.render(large).textLines().joined(separator: "\n")
        for tab in ["6", "7"] {
            Fixtures.press(&large, .escape, .character(Character(tab)))
            shown += Fixtures.render(large).textLines().joined(separator: "\n")
        }
        #expect(large.tab == .events)
        #expect(Self.leaks(of: Self.secret, in: shown) == [], "nor in the error, the flash, the Console or the Events tab")
    }
}
