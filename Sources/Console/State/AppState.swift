/// Everything the dashboard shows and remembers; changed only by `reduce(_:_:)`.
///
/// Create one with the terminal size, the current time and the local UTC offset (seconds east of
/// Greenwich, used for the clock and suggested labels), then feed actions. Rendering reads it and
/// nothing else; after each `reduce`, `needsFullRedraw` tells the terminal layer to repaint every
/// cell (Ctrl-L).
public struct AppState: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var now: Double
    public var utcOffset: Int
    public var tab: Tab = .backups
    public var cluster = ClusterSnapshot()
    /// False until the engine's first snapshot arrived.
    public var hasSnapshot = false
    public var isPaused = false
    /// The newest snapshot received while paused, applied on resume.
    public var pendingSnapshot: ClusterSnapshot?
    public var backups = JobTableState(kind: .backup)
    public var restores = JobTableState(kind: .restore)
    public var repositoryCursor = ListCursor<String>()
    /// The repository whose snapshots the Snapshots tab shows.
    public var selectedRepository: String?
    public var snapshotBrowser = DrillState()
    /// The Snapshots tab lists each incremental under its base, as a tree (`t`).
    public var snapshotChainView = false
    public var scheduleCursor = ListCursor<String>()
    /// The Schedules tab's pane with every column of the selected schedule is open.
    public var scheduleDetailOpen = false
    /// A schedule the user just created: selected as soon as it is listed.
    public var followSchedule: String?
    public var catalogBrowser = DrillState()
    public var eventCursor = ListCursor<String>()
    public var console = ConsoleState()
    public var snapshotCache = SnapshotCache()
    /// Filter text per tab; a tab without an entry is unfiltered.
    public var filters: [Tab: String] = [:]
    public var modal: Modal?
    public var flash: Flash?
    public var needsFullRedraw = false
    public var nextRequestId = 1
    public var pendingRequests: [Int: RequestPurpose] = [:]
    /// A job the user just submitted: selected as soon as it shows up.
    public var followJob: FollowJob?

    public init(width: Int = 80, height: Int = 24, now: Double = 0, utcOffset: Int = 0) {
        self.width = width
        self.height = height
        self.now = now
        self.utcOffset = utcOffset
    }

    /// Ticks the job order stays frozen after a navigation key, so rows do not move under the
    /// cursor (pg_activity uses 3).
    public static let navigationFreezeTicks = 3

    public var filter: String { filters[tab] ?? "" }

    public func jobTable(_ kind: JobKind) -> JobTableState {
        kind == .backup ? backups : restores
    }

    mutating func updateJobTable(_ kind: JobKind, _ change: (inout JobTableState) -> Void) {
        if kind == .backup { change(&backups) } else { change(&restores) }
    }

    /// The jobs that are not FINISHED or CANCELLED.
    public var activeJobs: [JobRow] { cluster.jobs.filter(\.isActive) }

    public var failedJobCount: Int { cluster.jobs.filter { $0.phase == .cancelled }.count }

    /// The snapshot selected on the Snapshots tab (at any drill depth), if any.
    public var selectedSnapshot: SnapshotKey? {
        guard let repository = selectedRepository else { return nil }
        let rowKey = snapshotBrowser.path.first ?? snapshotBrowser.cursor.selected
        guard let rowKey else { return nil }
        return snapshotCache.entries(of: repository).first { $0.rowKey == rowKey }
    }

    public var layout: Layout { Layout(width: width, height: height) }
}

/// A job the dashboard waits to see, by kind, database and label.
public struct FollowJob: Sendable, Hashable {
    public var kind: JobKind
    public var database: String
    public var label: String
}
