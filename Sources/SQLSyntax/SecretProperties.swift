import Foundation

/// What counts as a secret in a statement, and how to keep secrets out of what is shown.
///
/// A property is secret when its name says so (`AWS_SECRET_KEY`, `s3.secret_key`,
/// `s3.session_token`, `password`, ...); so is the password of `IDENTIFIED BY`. Everything that
/// shows statements or errors (SHOW CREATE REPOSITORY, error messages, the dashboard, the shell
/// history) masks them as `******`.
public enum SecretProperties {
    public static let mask = "******"

    public static func isSecret(_ key: String) -> Bool {
        let k = key.lowercased()
        return k.contains("secret") || k.contains("password") || k.contains("token") || k.contains("account_key")
    }

    /// The secret values written in `sql`: the string after a secret property's name (with or
    /// without the `=`, so a malformed statement is covered too) and `IDENTIFIED BY` passwords.
    public static func values(in sql: String) -> [String] {
        let tokens = Lexer.scan(Array(sql.unicodeScalars)).tokens
        var found: [String] = []
        for (i, token) in tokens.enumerated() {
            let secretFollows: Bool
            switch token.kind {
            case .string(let key): secretFollows = isSecret(key)
            case .word: secretFollows = token.keyword == "BY" && i > 0 && tokens[i - 1].keyword == "IDENTIFIED"
            default: secretFollows = false
            }
            guard secretFollows else { continue }
            var j = i + 1
            if j < tokens.count, case .symbol("=") = tokens[j].kind { j += 1 }
            if j < tokens.count, case .string(let value) = tokens[j].kind, !value.isEmpty { found.append(value) }
        }
        return found
    }

    /// `text` (an error message, say) with every secret of `sql` masked, including one cut
    /// short where `text` quotes only the start of the statement's remainder.
    public static func redact(_ text: String, secretsOf sql: String) -> String {
        var out = text
        for secret in values(in: sql).sorted(by: { $0.count > $1.count }) {
            out = out.replacingOccurrences(of: secret, with: mask)
            var length = secret.count - 1
            while length >= 4 {
                let start = String(secret.prefix(length))
                if out.contains(start) { out = out.replacingOccurrences(of: start, with: mask) }
                length -= 1
            }
        }
        return out
    }
}
