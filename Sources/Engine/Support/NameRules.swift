/// Rules for names that become folder names, file names or SQL identifiers: no path tricks,
/// no control characters, a sane length. Doris is stricter (ASCII only); SnapDeck also allows
/// Unicode letters so CJK names work.
enum NameRules {
    static let maxLength = 64

    /// nil when `name` is acceptable, otherwise the reason.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.count > maxLength { return "it is longer than \(maxLength) characters" }
        if name.contains("/") || name.contains("\\") { return "it contains a path separator" }
        if name.contains("..") { return "it contains '..'" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            return "it contains a control character"
        }
        if name.hasPrefix(".") || name.hasPrefix(" ") || name.hasSuffix(" ") {
            return "it starts with '.' or has leading or trailing spaces"
        }
        return nil
    }

    static func checkDatabase(_ name: String) throws(SQLError) {
        if let p = problem(with: name) {
            throw SQLError(code: 1102, sqlState: "42000", "Incorrect database name '\(printable(name))': \(p)")
        }
    }

    static func checkTable(_ name: String) throws(SQLError) {
        if let p = problem(with: name) {
            throw SQLError(code: 1103, sqlState: "42000", "Incorrect table name '\(printable(name))': \(p)")
        }
    }

    static func checkColumn(_ name: String) throws(SQLError) {
        if let p = problem(with: name) {
            throw SQLError(code: 1166, sqlState: "42000", "Incorrect column name '\(printable(name))': \(p)")
        }
    }

    static func checkPartition(_ name: String) throws(SQLError) {
        if let p = problem(with: name) {
            throw SQLError.general("Incorrect partition name '\(printable(name))': \(p)")
        }
    }

    /// The name with control characters escaped, so an error message cannot corrupt a terminal.
    static func printable(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7f {
                out += "\\x" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// SQL `LIKE` patterns (`%` any run, `_` one character, `\` escapes). Case-insensitive by
/// default, as MySQL's SHOW ... LIKE and its default collation are.
struct LikePattern {
    private let pattern: [Character]
    private let caseSensitive: Bool

    init(_ text: String, caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
        pattern = Array(caseSensitive ? text : text.lowercased())
    }

    func matches(_ text: String) -> Bool {
        let t = Array(caseSensitive ? text : text.lowercased())
        var memo: [Int: Bool] = [:]
        func match(_ p: Int, _ s: Int) -> Bool {
            let key = p * (t.count + 1) + s
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = s == t.count
            } else if pattern[p] == "%" {
                result = match(p + 1, s) || (s < t.count && match(p, s + 1))
            } else if pattern[p] == "\\", p + 1 < pattern.count {
                result = s < t.count && t[s] == pattern[p + 1] && match(p + 2, s + 1)
            } else if s < t.count, pattern[p] == "_" || pattern[p] == t[s] {
                result = match(p + 1, s + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
