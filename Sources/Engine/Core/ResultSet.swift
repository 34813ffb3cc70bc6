/// What one statement returns: rows for queries and SHOW, or an affected-row count and an
/// optional info line for everything else (as the mysql client prints them).
public struct ResultSet: Sendable, Equatable {
    public var columns: [String]
    /// Cells as text; nil is SQL NULL.
    public var rows: [[String?]]
    public var affectedRows: Int
    /// Extra lines after `Query OK`, e.g. `Records: 3  Deleted: 0  Skipped: 0  Warnings: 0`.
    public var info: String?

    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
        affectedRows = 0
        info = nil
    }

    public init(affectedRows: Int = 0, info: String? = nil) {
        columns = []
        rows = []
        self.affectedRows = affectedRows
        self.info = info
    }

    /// True for statements that return a table (even an empty one).
    public var hasRows: Bool { !columns.isEmpty }
}

/// Who runs statements and in which database; `USE` changes it.
public struct Session: Sendable, Equatable {
    public var user: String
    public var database: String?
    public init(user: String = "root", database: String? = nil) {
        self.user = user
        self.database = database
    }
}
