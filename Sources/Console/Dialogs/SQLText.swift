import Foundation

/// Quoting for the SQL the dialogs build: identifiers in backquotes, strings in double quotes,
/// escaped the way SnapDeck's lexer (and MySQL's) reads them back; and the same SQL with its
/// secrets masked, for the screen.
public enum SQLText {
    public static let secretMask = "******"

    /// `` `name` `` with any backquote doubled.
    public static func identifier(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// `"text"` with backslash escapes for `\`, `"` and control characters.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0}": result += "\\0"
            case "\u{8}": result += "\\b"
            case "\u{1A}": result += "\\Z"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `PROPERTIES ("k" = "v", ...)`, or nothing when empty.
    static func properties(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        return " PROPERTIES (" + pairs.map { string($0.0) + " = " + string($0.1) }.joined(separator: ", ") + ")"
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
