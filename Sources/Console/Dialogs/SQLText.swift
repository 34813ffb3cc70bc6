import Foundation

/// Quoting for the SQL the dialogs build: identifiers in backquotes, strings in double quotes,
/// escaped the way SnapDeck's lexer (and MySQL's) reads them back.
public enum SQLText {
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
}
