/// The Backups or Restores table: rows by job id, their display order, selection, sort and freeze.
///
/// `order` is computed in the reducer (filter + sort) so rendering only touches the visible rows.
/// While the table is frozen (the user navigated in the last few ticks, a dialog is open),
/// snapshots still update row values, but the order holds: new jobs wait and jobs that vanished
/// stay, greyed, until the table thaws.
public struct JobTableState: Sendable, Hashable {
    public var kind: JobKind
    public var rows: [Int64: JobRow] = [:]
    public var order: [Int64] = []
    public var cursor = ListCursor<Int64>()
    public var sort: JobSort
    /// Ticks left before a reorder is allowed again.
    public var freezeTicks = 0
    /// The order no longer matches the rows; rebuilt as soon as the table thaws.
    public var isStale = false
    /// Jobs no longer in the engine's snapshot, still shown (greyed) while frozen.
    public var retired: Set<Int64> = []
    /// Jobs that arrived while frozen, not yet shown.
    public var waiting = 0
    /// The detail pane, when open.
    public var detail: DetailPane?

    public init(kind: JobKind) {
        self.kind = kind
        sort = JobSort(column: .jobId, descending: true)
    }

    public var selectedJob: JobRow? {
        cursor.selected.flatMap { rows[$0] }
    }
}

/// The open detail pane of a job table and how far it is scrolled.
public struct DetailPane: Sendable, Hashable {
    public var scroll = 0

    public init(scroll: Int = 0) {
        self.scroll = scroll
    }
}
