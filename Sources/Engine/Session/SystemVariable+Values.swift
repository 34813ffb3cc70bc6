import Foundation
import SQLSyntax

/// How `SET` turns what a statement gives into the value a variable stores, refusing what the
/// variable cannot take with MySQL's error for it.
extension SystemVariable {
    /// The stored form of `value` (nil for NULL). `DEFAULT` is the caller's to resolve: it
    /// depends on the scope.
    func stored(_ value: VariableValue) throws(SQLError) -> String? {
        let given: String?
        switch value {
        case .literal(.null): given = nil
        case .literal(.number(let text)), .literal(.string(let text)), .word(let text): given = text
        case .literal(.boolean(let flag)): given = flag ? "1" : "0"
        case .literal(.maxValue): given = "MAXVALUE"
        case .default: given = defaultValue
        }
        switch kind {
        case .integer(let range):
            // Doris also takes digits in quotes; anything else is the wrong type, as in MySQL.
            guard let given, let number = Int64(given) else { throw SQLError.wrongVariableType(name) }
            guard range.contains(number) else { throw SQLError.wrongVariableValue(name, given) }
            return String(number)
        case .boolean:
            switch given?.lowercased() {
            case "1", "on", "true": return "true"
            case "0", "off", "false": return "false"
            default: throw SQLError.wrongVariableValue(name, given ?? "NULL")
            }
        case .characterSet(let nullable):
            guard let given else {
                if nullable { return nil }
                throw SQLError.wrongVariableValue(name, "NULL")
            }
            return try Self.characterSet(given)
        default:
            guard let given else { throw SQLError.wrongVariableValue(name, "NULL") }
            return try checkedText(given)
        }
    }

    private func checkedText(_ given: String) throws(SQLError) -> String {
        switch kind {
        case .collation: return try Self.collation(given)
        case .sqlMode: return try SQLModes.normalized(given, variable: name)
        case .isolationLevel:
            let level = given.uppercased().replacingOccurrences(of: " ", with: "-")
            guard Self.isolationLevels.contains(level) else { throw SQLError.wrongVariableValue(name, given) }
            return level
        case .timeZone: return try Self.timeZone(given)
        default: return given
        }
    }

    static let isolationLevels: Set<String> = ["READ-UNCOMMITTED", "READ-COMMITTED", "REPEATABLE-READ", "SERIALIZABLE"]

    /// SnapDeck speaks UTF-8 only: the names MySQL gives it (`utf8` is `utf8mb3`, the 3-byte
    /// form clients still ask for), lower-cased, or ERR 1115 as Doris answers `SET NAMES`.
    static func characterSet(_ name: String) throws(SQLError) -> String {
        let lowered = name.lowercased()
        guard ["utf8mb4", "utf8mb3", "utf8"].contains(lowered) else { throw SQLError.unknownCharacterSet(name) }
        return lowered
    }

    /// A collation of a UTF-8 character set (`utf8mb4_0900_bin`, `utf8mb4_general_ci`,
    /// `utf8_general_ci`, ...), lower-cased; results are compared as Doris compares them
    /// whatever the name says.
    static func collation(_ name: String) throws(SQLError) -> String {
        let lowered = name.lowercased()
        let wellFormed = lowered.unicodeScalars.allSatisfy { $0.isASCIILowercaseLetterOrDigit || $0 == "_" }
        guard wellFormed, collationCharacterSet(lowered) != nil else { throw SQLError.unknownCollation(name) }
        return lowered
    }

    /// The character set a collation belongs to, `utf8mb4` or `utf8mb3` (which `utf8` names).
    static func collationCharacterSet(_ collation: String) -> String? {
        if collation.hasPrefix("utf8mb4_") { return "utf8mb4" }
        if collation.hasPrefix("utf8mb3_") || collation.hasPrefix("utf8_") { return "utf8mb3" }
        return nil
    }

    /// What `SET NAMES charset` without COLLATE sets `collation_connection` to.
    static func defaultCollation(of characterSet: String) -> String {
        characterSet == "utf8mb4" ? "utf8mb4_0900_bin" : "utf8mb3_general_ci"
    }

    /// `SYSTEM`, an offset from UTC between -13:59 and +14:00 (as MySQL takes them), or a zone
    /// name this system knows (`Asia/Shanghai`, `UTC`); ERR 1298 otherwise.
    static func timeZone(_ text: String) throws(SQLError) -> String {
        if text.uppercased() == "SYSTEM" { return "SYSTEM" }
        // The machine's own zone is always good, even under a name the zone database lacks.
        if text == SystemVariables.systemTimeZone { return text }
        if let first = text.first, first == "+" || first == "-" {
            let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
                let hours = Int(parts[0]), let minutes = Int(parts[1]), minutes < 60,
                first == "+" ? hours * 60 + minutes <= 14 * 60 : hours <= 13 {
                return "\(first)\(hours < 10 ? "0" : "")\(hours):\(parts[1])"
            }
            throw SQLError.unknownTimeZone(text)
        }
        guard !text.isEmpty, TimeZone(identifier: text) != nil else { throw SQLError.unknownTimeZone(text) }
        return text
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILowercaseLetterOrDigit: Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
    }
}
