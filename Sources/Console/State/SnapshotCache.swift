/// What the dashboard has learnt about repositories' snapshots: lists, contents and checks.
///
/// Filled from `ClusterSnapshot.snapshots`, `.snapshotsLoaded`, `.snapshotDetailLoaded` and
/// `ADMIN CHECK SNAPSHOT` results; kept across cluster snapshots that do not mention a repository.
public struct SnapshotCache: Sendable, Hashable {
    public var lists: [String: [SnapshotRow]] = [:]
    public var listErrors: [String: String] = [:]
    public var loadingLists: Set<String> = []
    /// What each snapshot holds, once a source said.
    private var contentsByKey: [SnapshotKey: SnapshotContents] = [:]
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
        contentsByKey[key]
    }

    mutating func setContents(_ contents: SnapshotContents, for key: SnapshotKey) {
        contentsByKey[key] = contents
        detailErrors[key] = nil
    }

    mutating func merge(repository: String, rows: [SnapshotRow]) {
        lists[repository] = rows
        listErrors[repository] = nil
        loadingLists.remove(repository)
        for row in rows {
            for timestamp in row.timestamps {
                let key = SnapshotKey(repository: repository, label: row.label, timestamp: timestamp)
                // A row may carry SHOW SNAPSHOT's details JSON (the Doris brief) for its newest timestamp.
                if let details = row.details, timestamp == row.latestTimestamp {
                    if let contents = SnapshotContents.parse(details) {
                        setContents(contents, for: key)
                    } else {
                        detailErrors[key] = "The snapshot's details are not in a known format."
                    }
                }
                if let check = row.check { checks[key] = check }
            }
        }
    }
}
