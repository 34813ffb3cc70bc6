/// Everything the dashboard shows about the cluster at one moment, published by the engine.
///
/// Snapshots are whole values: the reducer swaps the old one out. `sequence` grows with every
/// publication, and an older sequence than the one shown is ignored (late delivery). `events` are in
/// the order they happened; the Events tab shows them newest first. `snapshots` may hold any
/// repositories the app listed; `.snapshotsLoaded` actions add to the same cache.
/// `transferRate` (bytes per second for the whole cluster, e.g. the rate limit times the backends)
/// feeds the catalog's backup-time estimate; nil shows no estimate.
public struct ClusterSnapshot: Sendable, Hashable {
    public var sequence: Int
    public var dataDirectory: String
    public var user: String
    public var isAdmin: Bool
    public var backendsUp: Int
    public var backendsTotal: Int
    public var jobs: [JobRow]
    public var repositories: [RepositoryRow]
    public var catalog: [CatalogNode]
    public var snapshots: [String: [SnapshotRow]]
    public var events: [EventRow]
    /// Backup schedules (`jobs("type"="backup")`), in the server's order.
    public var schedules: [ScheduleRow]
    /// The id of the cluster shown, when the source knows it: snapshots it owns say "this cluster".
    public var clusterId: String?
    public var transferRate: Double?
    /// Set by a remote source: the server, and whether the picture is live or the last one known.
    public var connection: ConnectionStatus?
    /// Why a part could not be read, in words for the operator (e.g. a missing privilege); the
    /// tab shows this instead of an empty table.
    public var unavailable: [ClusterPart: String]

    public init(
        sequence: Int = 0, dataDirectory: String = "", user: String = "root", isAdmin: Bool = true, backendsUp: Int = 0,
        backendsTotal: Int = 0, jobs: [JobRow] = [], repositories: [RepositoryRow] = [], catalog: [CatalogNode] = [],
        snapshots: [String: [SnapshotRow]] = [:], events: [EventRow] = [], schedules: [ScheduleRow] = [], clusterId: String? = nil,
        transferRate: Double? = nil, connection: ConnectionStatus? = nil, unavailable: [ClusterPart: String] = [:]
    ) {
        self.sequence = sequence
        self.dataDirectory = dataDirectory
        self.user = user
        self.isAdmin = isAdmin
        self.backendsUp = backendsUp
        self.backendsTotal = backendsTotal
        self.jobs = jobs
        self.repositories = repositories
        self.catalog = catalog
        self.snapshots = snapshots
        self.events = events
        self.schedules = schedules
        self.clusterId = clusterId
        self.transferRate = transferRate
        self.connection = connection
        self.unavailable = unavailable
    }

    public func database(named name: String) -> CatalogNode? {
        catalog.first { $0.name == name }
    }

    public func schedule(named name: String) -> ScheduleRow? {
        schedules.first { $0.name == name }
    }

    public func repository(named name: String) -> RepositoryRow? {
        repositories.first { $0.name == name }
    }
}
