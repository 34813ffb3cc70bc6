import Foundation

/// The naming rules dialogs check as the user types, with the engine's own error texts where
/// it has one.
public enum NameRules {
    /// Doris's label rule `^[-_A-Za-z0-9\p{L}]{1,128}$`: ASCII letters and digits, `-`, `_`, and
    /// letters of any script, counted in code points.
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

    /// Doris's common-name rule for repositories, `^[a-zA-Z][a-zA-Z0-9_]{0,63}$` (DROP checks it).
    public static func isValidRepositoryName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 64, first.isASCII, first.properties.isAlphabetic else { return false }
        return scalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// A positive whole number, or nil.
    static func positiveInteger(_ text: String) -> Int? {
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n > 0 else { return nil }
        return n
    }
}
