import Foundation

/// One backup schedule, a row of `SELECT * FROM jobs("type"="backup")`: Doris's jobs() columns
/// (Name, Status, RecurringStrategy, ExecuteSql, Comment, …) and SnapDeck's LastRunTime,
/// LastResult and NextRunTime. `cells` keeps every column in the server's order for the detail
/// pane, so columns a server adds are shown rather than lost.
public struct ScheduleRow: Sendable, Hashable {
    public var name: String
    /// `RUNNING`, `PAUSED`, `FINISHED` (Doris's words).
    public var status: String
    /// `EVERY 1 DAY STARTS 2026-12-03 02:00:00`, as the server words it.
    public var recurringStrategy: String
    /// The statement each run executes.
    public var executeSql: String
    public var comment: String
    public var lastRunTime: String
    public var lastResult: String
    public var nextRunTime: String
    public var cells: [JobCell]

    public init(
        name: String, status: String, recurringStrategy: String = "", executeSql: String = "", comment: String = "",
        lastRunTime: String = "", lastResult: String = "", nextRunTime: String = "", cells: [JobCell] = []
    ) {
        self.name = name
        self.status = status
        self.recurringStrategy = recurringStrategy
        self.executeSql = executeSql
        self.comment = comment
        self.lastRunTime = lastRunTime
        self.lastResult = lastResult
        self.nextRunTime = nextRunTime
        self.cells = cells
    }

    public var isPaused: Bool { status.uppercased() == "PAUSED" }

    /// The interval of a recurring schedule (`1 DAY` of `EVERY 1 DAY STARTS …`): the next run
    /// says when. A one-time schedule (`AT …`) keeps its words.
    public var every: String {
        let upper = recurringStrategy.uppercased()
        guard upper.hasPrefix("EVERY ") else { return recurringStrategy }
        let end = [" STARTS", " ENDS"].compactMap { upper.range(of: $0)?.lowerBound }.min() ?? recurringStrategy.endIndex
        return String(recurringStrategy[recurringStrategy.index(recurringStrategy.startIndex, offsetBy: 6)..<end])
    }

    /// Whether the last run failed, by the words servers use for it.
    public var lastRunFailed: Bool {
        let result = lastResult.uppercased()
        return ["FAIL", "ERROR", "CANCEL"].contains { result.contains($0) }
    }

    /// The statement that lists schedules, on every server that has them.
    public static let listStatement = #"SELECT * FROM jobs("type"="backup")"#

    /// Reads a jobs() result by column name (any case, any order); a server's extra columns are
    /// kept in `cells`. Fails, naming what is missing, when the result has no Name or Status column.
    public static func rows(columns: [String], rows: [[String?]]) throws(SourceFailure) -> [ScheduleRow] {
        var index: [String: Int] = [:]
        for (position, column) in columns.enumerated() where index[column.lowercased()] == nil {
            index[column.lowercased()] = position
        }
        for required in ["Name", "Status"] where index[required.lowercased()] == nil {
            throw SourceFailure("\(listStatement) answered without a `\(required)` column (got \(columns.joined(separator: ", "))).")
        }
        return rows.compactMap { row in
            func value(_ column: String) -> String {
                guard let position = index[column.lowercased()], position < row.count else { return "" }
                return present(row[position]) ?? ""
            }
            let name = value("Name")
            guard !name.isEmpty else { return nil }
            return ScheduleRow(
                name: name, status: value("Status"), recurringStrategy: value("RecurringStrategy"),
                executeSql: value("ExecuteSql"), comment: value("Comment"), lastRunTime: value("LastRunTime"),
                lastResult: value("LastResult"), nextRunTime: value("NextRunTime"),
                cells: columns.enumerated().map { JobCell(column: $0.element, value: $0.offset < row.count ? row[$0.offset] : nil) })
        }
    }

    /// SQL NULL and the texts servers print for it.
    private static func present(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return ["", "NULL", "\\N"].contains(trimmed.uppercased()) ? nil : trimmed
    }
}
