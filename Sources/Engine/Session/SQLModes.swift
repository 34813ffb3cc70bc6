import Foundation

/// Doris's SQL modes: the names `SET sql_mode` takes and the form it stores them in.
///
/// SnapDeck records the mode for clients that read it back; its parser does not change with it.
enum SQLModes {
    static let names: Set<String> = [
        "REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE", "NOT_USED",
        "ONLY_FULL_GROUP_BY", "NO_UNSIGNED_SUBTRACTION", "NO_DIR_IN_CREATE", "ANSI",
        "NO_AUTO_VALUE_ON_ZERO", "NO_BACKSLASH_ESCAPES", "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES",
        "NO_ZERO_IN_DATE", "NO_ZERO_DATE", "INVALID_DATES", "ERROR_FOR_DIVISION_BY_ZERO",
        "TRADITIONAL", "HIGH_NOT_PRECEDENCE", "NO_ENGINE_SUBSTITUTION", "PAD_CHAR_TO_FULL_LENGTH",
        "TIME_TRUNCATE_FRACTIONAL",
    ]

    /// The modes a combination mode switches on besides itself.
    static let combinations: [String: [String]] = [
        "ANSI": ["REAL_AS_FLOAT", "PIPES_AS_CONCAT", "ANSI_QUOTES", "IGNORE_SPACE", "ONLY_FULL_GROUP_BY"],
        "TRADITIONAL": [
            "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_IN_DATE", "NO_ZERO_DATE",
            "ERROR_FOR_DIVISION_BY_ZERO", "NO_ENGINE_SUBSTITUTION",
        ],
    ]

    /// A comma-separated list of modes in any case, as stored: upper-cased, combinations
    /// expanded, each once, in alphabetical order (as Doris lists them). The empty list is
    /// the default. An unknown name fails with ERR 1231 naming it.
    static func normalized(_ text: String, variable: String) throws(SQLError) -> String {
        var modes: Set<String> = []
        for part in text.split(separator: ",") {
            let mode = part.trimmingCharacters(in: .whitespaces).uppercased()
            if mode.isEmpty { continue }
            guard names.contains(mode) else { throw SQLError.wrongVariableValue(variable, String(part)) }
            modes.insert(mode)
            modes.formUnion(combinations[mode] ?? [])
        }
        return modes.sorted().joined(separator: ",")
    }
}
