/// Quoting for the SQL that SnapDeck writes for its users (dialogs, the CLI's `USE`) and for the
/// JSON it prints and stores, escaped the way its own readers (and MySQL's, and any JSON
/// parser's) read them back.
public enum Quoting {
    /// `` `name` `` with any backquote doubled.
    public static func sqlIdentifier(_ name: String) -> String {
        var result = "`"
        for character in name {
            result.append(character)
            if character == "`" { result.append("`") }
        }
        return result + "`"
    }

    /// `"text"` (or `'text'`) with backslash escapes for `\`, the quote and control characters.
    public static func sqlString(_ text: String, quote: Unicode.Scalar = "\"") -> String {
        quoted(text, by: quote) { scalar in
            switch scalar {
            case quote: return "\\" + String(quote)
            case "\u{0}": return "\\0"
            case "\u{1A}": return "\\Z"
            default: return commonEscapes[scalar]
            }
        }
    }

    /// A JSON string literal. U+2028 and U+2029 are escaped too: JSON allows them raw, but
    /// JavaScript before ES2019 reads them as line ends.
    public static func jsonString(_ text: String) -> String {
        quoted(text, by: "\"") { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\u{0C}": return "\\f"
            case "\u{2028}", "\u{2029}": return hexEscape(scalar)
            default: return commonEscapes[scalar] ?? (scalar.value < 0x20 ? hexEscape(scalar) : nil)
            }
        }
    }

    /// The backslash escapes SQL and JSON strings share.
    private static let commonEscapes: [Unicode.Scalar: String] = [
        "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u{8}": "\\b",
    ]

    /// `\uXXXX`
    private static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` between two `quote`s, each scalar replaced by its escape where it has one.
    private static func quoted(_ text: String, by quote: Unicode.Scalar, escape: (Unicode.Scalar) -> String?) -> String {
        var result = String(quote)
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) {
                result += escaped
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + String(quote)
    }
}
