import Essentials

/// The engine's errors for names that break ``NameRules``, with MySQL's error codes.
extension NameRules {
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
}
