/// Why a `runSQL` was issued, so its result lands in the right place (the console grid, a dialog,
/// a flash message, the snapshot check cache).
public enum RequestPurpose: Sendable, Hashable {
    case console
    case backup(database: String, label: String)
    case restore(database: String, label: String)
    case createRepository(name: String)
    case cancelJob(kind: JobKind, jobId: Int64, label: String)
    case dropRepository(name: String)
    case dropSnapshot(SnapshotKey)
    case checkSnapshot(SnapshotKey)
    case schedule(name: String, action: ScheduleAction)
}
