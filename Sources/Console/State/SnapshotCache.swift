/// What the dashboard has learnt about repositories' snapshots: lists, contents and checks.
///
/// Filled from `ClusterSnapshot.snapshots`, `.snapshotsLoaded`, `.snapshotDetailLoaded` and
/// `ADMIN CHECK SNAPSHOT` results; kept across cluster snapshots that do not mention a repository.
public struct SnapshotCache: Sendable, Hashable {
    public var lists: [String: [SnapshotRow]] = [:]
    public var listErrors: [String: String] = [:]
    public var loadingLists: Set<String> = []
    /// The details JSON per snapshot; set through `setDetails` so the parsed form stays in step.
    public private(set) var details: [SnapshotKey: String] = [:]
    /// Parsed once when the details arrive: rendering reads them on every frame.
    private var parsed: [SnapshotKey: SnapshotContents] = [:]
    public var detailErrors: [SnapshotKey: String] = [:]
    public var loadingDetails: Set<SnapshotKey> = []
    public var checks: [SnapshotKey: [CheckRow]] = [:]
    public var checking: Set<SnapshotKey> = []

    public init() {}

    /// One entry per label and timestamp, newest first.
    public func entries(of repository: String) -> [SnapshotKey] {
        (lists[repository] ?? []).flatMap { row in
            row.timestamps.map { SnapshotKey(repository: repository, label: row.label, timestamp: $0) }
        }.sorted { ($0.timestamp, $0.label) > ($1.timestamp, $1.label) }
    }

    public func row(_ key: SnapshotKey) -> SnapshotRow? {
        lists[key.repository]?.first { $0.label == key.label }
    }

    public func contents(_ key: SnapshotKey) -> SnapshotContents? {
        parsed[key]
    }

    mutating func setDetails(_ json: String, for key: SnapshotKey) {
        details[key] = json
        parsed[key] = SnapshotContents.parse(json)
    }

    mutating func merge(repository: String, rows: [SnapshotRow]) {
        lists[repository] = rows
        listErrors[repository] = nil
        loadingLists.remove(repository)
        for row in rows {
            for timestamp in row.timestamps {
                let key = SnapshotKey(repository: repository, label: row.label, timestamp: timestamp)
                if let details = row.details, timestamp == row.latestTimestamp {
                    setDetails(details, for: key)
                }
                if let check = row.check { checks[key] = check }
            }
        }
    }
}
