import Console

/// Why reading the cluster over SQL failed, sorted by what the operator can do about it, with a
/// message in words for them.
public struct SourceProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The user lacks a privilege (ADMIN, LOAD on the database, …): grant it or log in as another user.
        case missingPrivilege
        /// The server has no BACKUP / RESTORE statements at all (MySQL, MariaDB).
        case noBackupRestore
        /// The server answered with a table SnapDeck cannot read (a required column is missing).
        case unexpectedTable
        /// No connection, or it broke or timed out.
        case unreachable
        /// Any other server error.
        case serverError
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// What the dashboard shows when a read fails.
    public var failure: SourceFailure { SourceFailure(message) }

    /// A result that lacks columns the reading needs, e.g. a `SHOW BACKUP` without `State`.
    public static func unexpectedTable(statement: String, missing: [String], columns: [String]) -> SourceProblem {
        let names = missing.map { "`\($0)`" }.joined(separator: " or ")
        let got = columns.isEmpty ? "no result set" : "columns " + columns.joined(separator: ", ")
        return SourceProblem(
            kind: .unexpectedTable,
            message: "\(statement) answered without a \(names) column (got \(got)); "
                + "this server's \(statement) is not a form SnapDeck can read.")
    }
}
