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
    public var transferRate: Double?

    public init(
        sequence: Int = 0, dataDirectory: String = "", user: String = "root", isAdmin: Bool = true, backendsUp: Int = 0,
        backendsTotal: Int = 0, jobs: [JobRow] = [], repositories: [RepositoryRow] = [], catalog: [CatalogNode] = [],
        snapshots: [String: [SnapshotRow]] = [:], events: [EventRow] = [], transferRate: Double? = nil
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
        self.transferRate = transferRate
    }

    public func database(named name: String) -> CatalogNode? {
        catalog.first { $0.name == name }
    }

    public func repository(named name: String) -> RepositoryRow? {
        repositories.first { $0.name == name }
    }
}
