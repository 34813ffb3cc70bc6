/// What one statement returns: rows for queries and SHOW, or an affected-row count and an
/// optional info line for everything else (as the mysql client prints them).
public struct ResultSet: Sendable, Equatable {
    public var columns: [String]
    /// One type per column, in the order of `columns`: `.text` unless the statement knows
    /// better (SELECT from a table, COUNT(*), SELECT without a table).
    public var columnTypes: [ResultColumnType]
    /// Cells as text; nil is SQL NULL.
    public var rows: [[String?]]
    public var affectedRows: Int
    /// Extra lines after `Query OK`, e.g. `Records: 3  Deleted: 0  Skipped: 0  Warnings: 0`.
    public var info: String?

    /// Rows whose columns are all text, as every SHOW returns them.
    public init(columns: [String], rows: [[String?]]) {
        self.init(columns: columns, types: Array(repeating: .text, count: columns.count), rows: rows)
    }

    /// Rows with a type per column; `types` must have one entry per column.
    public init(columns: [String], types: [ResultColumnType], rows: [[String?]]) {
        precondition(types.count == columns.count, "one type per column")
        self.columns = columns
        columnTypes = types
        self.rows = rows
        affectedRows = 0
        info = nil
    }

    public init(affectedRows: Int = 0, info: String? = nil) {
        columns = []
        columnTypes = []
        rows = []
        self.affectedRows = affectedRows
        self.info = info
    }

    /// True for statements that return a table (even an empty one).
    public var hasRows: Bool { !columns.isEmpty }
}
