/// Everything that can happen to the dashboard: input, time, engine publications and effect results.
public enum Action: Sendable, Hashable {
    case key(Key)
    case resized(width: Int, height: Int)
    /// The clock: seconds since 1970. Also ages flash messages and ends the navigation freeze.
    case tick(now: Double)
    case snapshot(ClusterSnapshot)
    case sqlFinished(id: Int, result: SQLResult)
    /// Answer to `Effect.loadSnapshots`; `error` when the repository could not be listed.
    case snapshotsLoaded(repository: String, rows: [SnapshotRow], error: String?)
    /// Answer to `Effect.loadSnapshotDetail`: the details JSON, or an error.
    case snapshotDetailLoaded(repository: String, label: String, timestamp: String, contents: SnapshotContents?, error: String?)
}
