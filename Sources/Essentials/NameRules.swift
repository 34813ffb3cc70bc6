/// The naming rules of SnapDeck's objects, checked by the engine when a statement runs and by
/// the dashboard's dialogs as the user types.
public enum NameRules {
    public static let maxLength = 64

    /// nil when `name` is acceptable as a database, table, column, partition, user or repository
    /// name, otherwise the reason. Such names become folder names, file names and SQL
    /// identifiers: no path tricks, no control characters, a sane length. Doris is stricter
    /// (ASCII only); SnapDeck also allows Unicode letters so CJK names work.
    public static func problem(with name: String) -> String? {
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

    /// The name with control characters escaped, so an error message cannot corrupt a terminal.
    public static func printable(_ name: String) -> String {
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

    /// Doris's label rule, quoted in BACKUP's error message.
    public static let labelPattern = "^[-_A-Za-z0-9\\p{L}]{1,128}$"

    /// ``labelPattern``: ASCII letters and digits, `-`, `_`, and letters of any script, 1 to 128
    /// of them counted in code points.
    public static func isValidLabel(_ label: String) -> Bool {
        let scalars = label.unicodeScalars
        guard (1...128).contains(scalars.count) else { return false }
        return scalars.allSatisfy { s in
            if s.isASCII {
                return s == "-" || s == "_" || ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
            }
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }
    }

    public static func labelProblem(_ label: String) -> String? {
        if label.isEmpty { return "Label is empty" }
        return isValidLabel(label)
            ? nil : "Label format error: \(label) (letters, digits, - and _ only, at most 128)"
    }

    /// Doris's common-name rule for repositories, `^[a-zA-Z][a-zA-Z0-9_]{0,63}$`: Doris's DROP
    /// REPOSITORY checks it, so the dashboard proposes only names Doris could drop again.
    public static func isValidRepositoryName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 64, first.isASCII, first.properties.isAlphabetic else { return false }
        return scalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
