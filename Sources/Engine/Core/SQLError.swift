/// A statement's failure as a client sees it: `ERROR <code> (<sqlstate>): <message>`.
///
/// Codes and states are MySQL's where MySQL has one, 1105/HY000 otherwise (as Doris does).
/// Messages are Doris's wording without its `errCode = 2, detailMessage = ` prefix.
public struct SQLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var sqlState: String
    public var message: String

    public init(code: Int = 1105, sqlState: String = "HY000", _ message: String) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    public var description: String { "ERROR \(code) (\(sqlState)): \(message)" }

    public static func general(_ message: String) -> SQLError { SQLError(message) }

    public static func unknownDatabase(_ name: String) -> SQLError {
        SQLError(code: 1049, sqlState: "42000", "Unknown database '\(name)'")
    }
    public static func databaseExists(_ name: String) -> SQLError {
        SQLError(code: 1007, sqlState: "HY000", "Can't create database '\(name)'; database exists")
    }
    public static func noDatabaseSelected() -> SQLError {
        SQLError(code: 1046, sqlState: "3D000", "No database selected")
    }
    public static func unknownTable(_ database: String, _ table: String) -> SQLError {
        SQLError(code: 1146, sqlState: "42S02", "Table '\(database).\(table)' doesn't exist")
    }
    public static func tableExists(_ name: String) -> SQLError {
        SQLError(code: 1050, sqlState: "42S01", "Table '\(name)' already exists")
    }
    public static func unknownColumn(_ name: String, in place: String = "field list") -> SQLError {
        SQLError(code: 1054, sqlState: "42S22", "Unknown column '\(name)' in '\(place)'")
    }
    public static func unknownPartition(_ partition: String, table: String) -> SQLError {
        SQLError(code: 1735, sqlState: "HY000", "Unknown partition '\(partition)' in table '\(table)'")
    }
    public static func syntax(_ message: String) -> SQLError {
        SQLError(code: 1064, sqlState: "42000", message)
    }
    /// A global privilege is missing.
    public static func needPrivilege(_ privilege: String) -> SQLError {
        SQLError(
            code: 1227, sqlState: "42000",
            "Access denied; you need (at least one of) the (\(privilege)) privilege(s) for this operation")
    }
    /// A database privilege is missing.
    public static func databaseAccessDenied(user: String, database: String) -> SQLError {
        SQLError(code: 1044, sqlState: "42000", "Access denied for user '\(user)'@'%' to database '\(database)'")
    }
    public static func unknownUser(_ user: String) -> SQLError {
        SQLError(code: 1045, sqlState: "28000", "Access denied for user '\(user)'@'%' (using password: NO)")
    }
}
