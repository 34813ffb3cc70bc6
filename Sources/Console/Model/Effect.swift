/// Work the reducer asks the app to do; the app feeds results back as actions.
///
/// The dashboard never calls the engine. Every mutating action (dialogs, the SQL console) is a
/// `runSQL` whose text the user saw, executed by the same executor as `snapdeck sql`; its result
/// comes back as `Action.sqlFinished(id:result:)` with the same `id`.
public enum Effect: Sendable, Hashable {
    case runSQL(id: Int, sql: String)
    /// List the snapshots of a repository; answer with `Action.snapshotsLoaded`.
    case loadSnapshots(repository: String)
    /// Read a snapshot's contents; answer with `Action.snapshotDetailLoaded`.
    case loadSnapshotDetail(repository: String, label: String, timestamp: String)
    /// Put text on the clipboard (the terminal layer uses OSC 52).
    case copyToClipboard(String)
    case quit
}
