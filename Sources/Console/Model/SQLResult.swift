/// The outcome of one statement run for the dashboard, shaped like the `snapdeck sql` output.
///
/// A result set has `columns` and `rows` (nil cells are NULL); a statement without rows has a
/// `message` such as `Query OK, 0 rows affected`; a failure has `error` in the mysql client's form
/// `ERROR 1146 (42S02): ...`.
public struct SQLResult: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String?]]
    public var message: String?
    public var error: String?

    public init(columns: [String] = [], rows: [[String?]] = [], message: String? = nil, error: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.message = message
        self.error = error
    }

    public static func failure(_ error: String) -> SQLResult { SQLResult(error: error) }

    /// A statement without rows, worded as the mysql client words it.
    public static func ok(affectedRows: UInt64, info: String?) -> SQLResult {
        SQLResult(message: "Query OK, \(affectedRows) row\(affectedRows == 1 ? "" : "s") affected"
            + (info.map { $0.isEmpty ? "" : ". \($0)" } ?? ""))
    }

    public var succeeded: Bool { error == nil }

    /// A column's value in a row, by column name.
    public func value(_ column: String, in row: [String?]) -> String? {
        guard let index = columns.firstIndex(of: column), index < row.count else { return nil }
        return row[index]
    }
}
