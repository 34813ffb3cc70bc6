/// The job table's sort: a column and a direction.
public struct JobSort: Sendable, Hashable {
    /// Columns a job table can sort by, in `<` / `>` order.
    public enum Column: String, Sendable, Hashable, CaseIterable {
        case jobId = "JobId"
        case database = "DbName"
        case label = "Label"
        case state = "State"
        case progress = "Progress"
        case createTime = "CreateTime"
        case elapsed = "Elapsed"

        /// Newest, biggest and longest first are what an operator looks for.
        var prefersDescending: Bool {
            switch self {
            case .jobId, .createTime, .elapsed: true
            default: false
            }
        }
    }

    public var column: Column
    public var descending: Bool

    public init(column: Column, descending: Bool) {
        self.column = column
        self.descending = descending
    }

    /// The next (or previous) column with its preferred direction.
    public func shifted(by step: Int) -> JobSort {
        let all = Column.allCases
        let index = (all.firstIndex(of: column)! + step + all.count) % all.count
        return JobSort(column: all[index], descending: all[index].prefersDescending)
    }
}
