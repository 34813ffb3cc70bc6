/// Where the dashboard reads a cluster and runs its statements.
///
/// The dashboard knows nothing else of a cluster. The embedded source reads the engine's typed,
/// privilege-checked API; a remote one can be fed entirely from SQL (`SHOW DATABASES`,
/// `SHOW [FULL] BACKUP` / `RESTORE` per database, `SHOW REPOSITORIES`, `SHOW SNAPSHOT`,
/// `SHOW BACKENDS`, `SHOW TABLES` …): a `JobRow` needs only SHOW's cells (see
/// `JobRow.init(kind:columns:values:)`); bytes, ETA and tablet-level snapshot contents are extras a source
/// fills when it has them. Completions may run on any queue; the app hops to the main queue.
/// What a source returns is already limited to what its user may see.
public protocol ClusterSource: AnyObject, Sendable {
    /// The cluster's state now. `sequence` and `events` are the dashboard's to fill
    /// (`EventFeed`); a failure keeps the last picture on screen.
    func read(completion: @escaping @Sendable (Result<ClusterSnapshot, SourceFailure>) -> Void)
    /// Runs every statement of `script` (as `snapdeck sql` would) and answers with the last
    /// result or the first error.
    func run(_ script: String, completion: @escaping @Sendable (SQLResult) -> Void)
    /// The labels of a repository (`SHOW SNAPSHOT ON repo`).
    func listSnapshots(repository: String, completion: @escaping @Sendable (Result<[SnapshotRow], SourceFailure>) -> Void)
    /// What one snapshot holds.
    func snapshotContents(
        repository: String, label: String, timestamp: String,
        completion: @escaping @Sendable (Result<SnapshotContents, SourceFailure>) -> Void)
    /// Calls `handler` (on any queue) whenever the source learns that its state changed, so the
    /// dashboard reads again; a source that cannot tell calls it on its own polling rhythm.
    func watchChanges(_ handler: @escaping @Sendable () -> Void)
    /// Ends the session (the embedded source lets running jobs reach a journalled state).
    func close()
    /// What the operator looks at now: a source that pays for each read (a remote server) reads
    /// only what this needs. Called on the main queue whenever it changes.
    func focus(_ focus: SourceFocus)
}

extension ClusterSource {
    /// The embedded cluster reads everything at once and cheaply: focus changes nothing.
    public func focus(_ focus: SourceFocus) {}
}

/// The visible tab, and whether the catalog's tables and partitions are needed (the Catalog tab,
/// or a dialog that picks tables).
public struct SourceFocus: Sendable, Hashable {
    public var tab: Tab
    public var needsCatalog: Bool

    public init(tab: Tab, needsCatalog: Bool) {
        self.tab = tab
        self.needsCatalog = needsCatalog
    }

    public init(_ state: AppState) {
        self.init(tab: state.tab, needsCatalog: state.tab == .catalog || state.modal != nil)
    }
}

/// Why a source could not answer, in words for the operator (e.g. a missing privilege).
public struct SourceFailure: Error, Sendable, Hashable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
