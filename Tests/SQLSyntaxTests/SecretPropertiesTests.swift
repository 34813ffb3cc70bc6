import SQLSyntax
import Testing

@Suite struct SecretPropertiesTests {
    @Test func findsSecretValuesInEitherSpellingAndPasswords() {
        let sql = """
            CREATE REPOSITORY r WITH S3 ON LOCATION "s3://b/p" PROPERTIES ("AWS_SECRET_KEY" = "k1", 's3.session_token' = 't2',
            "s3.access_key" = "visible", "AWS_TOKEN" "t3")
            """
        #expect(SecretProperties.values(in: sql) == ["k1", "t2", "t3"])
        #expect(SecretProperties.values(in: "CREATE USER u IDENTIFIED BY 'pw1'") == ["pw1"])
        #expect(SecretProperties.values(in: "SELECT 'secret' = 'x'").isEmpty == false)
        #expect(SecretProperties.values(in: "SHOW REPOSITORIES").isEmpty)
    }

    /// Every way a statement gives a password, or the hash that stands for one.
    @Test func findsPasswordsAndHashesOfEveryForm() {
        let hash = "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7"
        for (sql, secret) in [
            ("CREATE USER u IDENTIFIED BY PASSWORD '\(hash)'", hash),
            ("CREATE USER u IDENTIFIED 'forgot-by'", "forgot-by"),
            ("ALTER USER 'u'@'%' IDENTIFIED BY 'pw3'", "pw3"),
            ("ALTER USER u IDENTIFIED BY PASSWORD '\(hash)'", hash),
            ("SET PASSWORD = PASSWORD('pw4')", "pw4"),
            ("set password for 'u'@'h' = password(\"pw5\")", "pw5"),
            ("SET PASSWORD FOR 'u'@'host' = '\(hash)'", hash),
            ("SET PASSWORD = '\(hash)'", hash),
        ] {
            #expect(SecretProperties.values(in: sql) == [secret], "\(sql)")
        }
        #expect(SecretProperties.values(in: "SET NAMES utf8mb4").isEmpty)
        #expect(SecretProperties.values(in: "SET sql_mode = 'ANSI'").isEmpty)
    }

    /// A syntax error that quotes a password in any of its forms shows it masked.
    @Test func passwordsInSyntaxErrorsAreMasked() {
        for (sql, near) in [
            ("SET PASSWORD FOR = PASSWORD('hunter2')", "= PASSWORD('******')"),
            ("SET PASSWORD FOR u@ = '*14E65567ABDB5135D0CFD9A70B3032C179A49EE7'", "= '******'"),
            ("ALTER USER IDENTIFIED BY 'hunter2'", "BY '******'"),
            ("CREATE USER u IDENTIFIED 'hunter2'", "'******'"),
            ("SET PASSWORD = PASSWORD('hunter2') x", "x"),
        ] {
            let message = SecretProperties.redact(syntaxError(sql)?.message ?? "", secretsOf: sql)
            #expect(message == SyntaxError(near: near, line: 1).message, "\(sql)")
        }
    }

    /// A statement whose syntax error is reported at its first property, and that error's
    /// message with the secret redacted.
    private func redactedError(secret: String, filler: Int = 1) -> (sql: String, message: String) {
        let sql = "CREATE REPOSITORY r WITH S3 ON LOCATION 's3://b/p' PROPERTIES ('x' '"
            + String(repeating: "a", count: filler) + "', 'AWS_SECRET_KEY' = '\(secret)')"
        let message = syntaxError(sql)?.message ?? ""
        return (sql, SecretProperties.redact(message, secretsOf: sql))
    }

    @Test func redactsWholeAndCutSecrets() {
        let sql = "PROPERTIES ('s3.secret_key' = 'abcdefgh12345')"
        #expect(SecretProperties.redact("near 'abcdefgh12345')'", secretsOf: sql) == "near '******')'")
        #expect(SecretProperties.redact("nothing here", secretsOf: sql) == "nothing here")
        // The quoted text is cut at 80 characters: 53 `a`s put the cut after `'abc`.
        let cut = redactedError(secret: "abcdefgh12345", filler: 53)
        #expect(syntaxError(cut.sql)?.message.hasSuffix("= 'abc' at line 1") == true)
        #expect(cut.message.hasSuffix("= '******' at line 1"), "\(cut.message)")
        let cutAfterOne = redactedError(secret: "abcdefgh12345", filler: 55)
        #expect(cutAfterOne.message.hasSuffix("= '******' at line 1"), "\(cutAfterOne.message)")
    }

    /// Masking every `e` of a message told the secret was `e`; masking prefixes of four or more
    /// characters anywhere hid `error` for a secret that starts with it; a secret that is a word
    /// of the message's own wording (`an`, `SQL`) showed as a hole in it.
    @Test func shortSecretsMaskOnlyWholeOccurrences() {
        for secret in ["e", "an", "errors", "your-key", "SQL", "a"] {
            let (sql, message) = redactedError(secret: secret)
            let near = secret == "a" ? "'******', 'AWS_SECRET_KEY' = '******')" : "'a', 'AWS_SECRET_KEY' = '******')"
            #expect(message == SyntaxError(near: near, line: 1).message, "\(sql)")
        }
        let sql = "PROPERTIES ('AWS_SECRET_KEY' = 'e')"
        #expect(SecretProperties.redact("Unknown column 'bee' in 'e'", secretsOf: sql) == "Unknown column 'bee' in '******'")
        #expect(SecretProperties.redact("key=e; e.g. \"e\" e", secretsOf: sql) == "key=******; ******.g. \"******\" ******")
        #expect(SecretProperties.redact("ee", secretsOf: sql) == "ee")
    }

    /// A syntax error quotes the source, where a secret may be spelled with escapes, or run to
    /// the end of the statement when its quote is never closed.
    @Test func secretsAreMaskedAsTheSourceSpellsThem() {
        let start = "CREATE REPOSITORY r WITH S3 ON LOCATION 's3://b/p' PROPERTIES ("
        for (sql, near) in [
            (start + #"'AWS_SECRET_KEY' 'Top\'Secret-123', 'x')"#, "'******', 'x')"),
            (start + "'AWS_SECRET_KEY' = 'Top Secret-123  \n", "'******"),
            (start + "\"s3.secret_key\" = \"Top Secret-123 ", "\"******"),
            (start + #"'password' "Top\\Key\"" 'x')"#, "\"******\" 'x')"),
        ] {
            let message = SecretProperties.redact(syntaxError(sql)?.message ?? "", secretsOf: sql)
            #expect(message == SyntaxError(near: near, line: 1).message, "\(sql)")
        }
        #expect(SecretProperties.values(in: start + "'AWS_SECRET_KEY' = 'unclosed").isEmpty)
    }

    /// A long secret in a long message, both one character repeated: a plain search compares
    /// the secret at every position (over two minutes through `snapdeck sql` for such an
    /// input). The answer is what is checked here.
    @Test func longRunsOfOneCharacter() {
        let secret = String(repeating: "x", count: 50_000)
        let location = String(repeating: "x", count: 200_000)
        let sql = "CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(location)' PROPERTIES ('password' = '\(secret)')"
        // The location is a longer word that holds the secret, so it stays; a copy of the secret is masked.
        let message = "got '\(location)', '\(secret)' and \(secret)x"
        #expect(SecretProperties.redact(message, secretsOf: sql) == "got '\(location)', '******' and \(secret)x")
    }
}
