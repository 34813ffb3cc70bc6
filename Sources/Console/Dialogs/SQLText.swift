import Essentials
import Foundation

/// The PROPERTIES clause of the SQL the dialogs build (quoted by ``Quoting``), and that SQL
/// with its secrets masked, for the screen.
public enum SQLText {
    public static let secretMask = "******"

    /// `PROPERTIES ("k" = "v", ...)`, or nothing when empty.
    static func properties(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        return " PROPERTIES (" + pairs.map { Quoting.sqlString($0.0) + " = " + Quoting.sqlString($0.1) }.joined(separator: ", ") + ")"
    }

    /// `sql` with the value of every secret property (`"s3.secret_key" = "…"`) replaced by
    /// `******`; an empty one stays `""`, so the SQL shows it is missing. A value cut short is
    /// masked to the end, since the engine's syntax errors quote at most 80 characters of the
    /// statement (`near '…'`).
    public static func maskingSecrets(_ sql: String) -> String {
        ["\"", "'"].reduce(sql) { text, quote in maskingSecrets(text, quotedBy: quote) }
    }

    /// `'key' = 'value` (or with double quotes): the value runs to its closing quote, or to the
    /// end of a statement cut short.
    private static func maskingSecrets(_ sql: String, quotedBy q: String) -> String {
        // The pattern is a constant, so building it cannot fail at run time.
        guard let property = try? Regex("(\(q)[^\(q)\\\\]*\(q))(\\s*=\\s*)\(q)((?:\\\\.?|[^\(q)\\\\])*)") else { return sql }
        return sql.replacing(property) { match in
            guard let key = match.output[1].substring, let equals = match.output[2].substring,
                  let value = match.output[3].substring, isSecret(key), !value.isEmpty else { return String(match.output[0].substring ?? "") }
            return "\(key)\(equals)\(q)\(secretMask)"
        }
    }

    /// The engine's rule for secret property names: Console cannot import the engine.
    static func isSecret(_ key: Substring) -> Bool {
        let key = key.lowercased()
        return ["secret", "password", "token", "account_key"].contains { key.contains($0) }
    }
}
