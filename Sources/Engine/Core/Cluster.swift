import Catalog
import Foundation
import Jobs
import Logging
import Repository
import SQLSyntax
import Storage

/// The embedded cluster of one data directory: the facade the CLI, the dashboard and tests
/// use. It runs statements (each through its statement family), offers the typed read API
/// (`reader(as:)`) and owns the job engine's lifetime.
///
/// Open it with `Cluster.open`; the directory stays locked until the cluster and its running
/// tasks are gone. Statements run one at a time (`execute` is serialised); the catalog may be
/// read from any thread through `catalog`.
public final class Cluster: @unchecked Sendable {
    let services: ClusterServices
    private let executionLock = NSRecursiveLock()
    let background = BackgroundWork()

    init(services: ClusterServices) {
        self.services = services
    }

    deinit {
        // `close()` is the orderly way out; here the jobs only stop (see `JobScheduler.stop`).
        background.stop()
        services.scheduler.stop(waiting: false)
    }

    /// Resumes journalled jobs and starts the scheduler (part of opening).
    func startJobs(resuming: Bool) throws(SQLError) {
        do {
            try services.scheduler.start(resuming: resuming)
        } catch {
            throw SQLError.general("cannot resume jobs: \(error)")
        }
    }

    /// Stops the background work and the job scheduler; unfinished jobs stay journalled and
    /// resume at the next open, schedules fire again at the next start of background work.
    public func close() {
        background.stop()
        services.scheduler.stop()
    }

    /// Opens the data directory at `path`, creating it with `backends` backends if it does not
    /// exist yet. Fails at once if another process owns it.
    public static func open(path: String, backends: Int = 3) throws(SQLError) -> Cluster {
        try ClusterBootstrap.open(path: path, backends: backends)
    }

    public var layout: DataLayout { services.layout }
    /// This cluster's identity: the owner recorded in the snapshots it backs up.
    public var clusterId: String { services.clusterId }
    public var logger: Logger { services.logger }
    /// The job engine; tests drive its clock and faults.
    public var scheduler: JobScheduler { services.scheduler }
    /// A consistent copy of the catalog.
    public var catalog: CatalogState { services.catalog }
    /// Why the data directory is open read-only (its disk is full), or nil.
    public var readOnlyReason: String? { services.store.readOnlyReason }
    /// Ids of the jobs submitted through this cluster object (the CLI waits for them).
    public var jobsStartedHere: [Int64] { services.jobsStartedHere }

    /// Wraps every repository's object store; tests use it to inject failures.
    public var objectStoreWrapper: (@Sendable (ObjectStore) -> ObjectStore)? {
        get { services.objectStoreWrapper }
        set { services.objectStoreWrapper = newValue }
    }

    /// The retention sweep (`SnapshotRetention`): drops the expired snapshots this cluster owns,
    /// dependents before bases, and finishes interrupted drops; returns `repo/label` of each
    /// dropped. Runs between statements, like one. Whatever runs in the background (a ticker
    /// about once a minute) calls this.
    public func expireSnapshots() throws(SQLError) -> [String] {
        executionLock.lock()
        defer { executionLock.unlock() }
        return try SnapshotRetention(services: services).sweep()
    }

    /// Paths (relative to the data directory) recorded for deletion and not yet deleted: empty
    /// once every dropped or uncommitted file is gone.
    public func recordedGarbage() throws -> [String] {
        try services.store.garbagePaths()
    }

    /// Calls `handler` (on the job queue) whenever a job changes: the dashboard's cue to read.
    public func watchJobs(_ handler: @escaping @Sendable () -> Void) {
        services.scheduler.onChange = handler
    }

    /// A session as `user` that starts from the cluster's global variables, so that what
    /// `SET GLOBAL` changed applies to it: one per MySQL-protocol connection (with the id its
    /// handshake sent and the client's host), one per `snapdeck sql` run.
    public func makeSession(user: String = "root", database: String? = nil, connectionId: Int = 0, host: String = "localhost") -> Session {
        Session(user: user, database: database, connectionId: connectionId, host: host,
                variables: services.globalVariables.sessionDefaults)
    }

    /// Runs one parsed statement as `session`'s user. `USE`, `SET` and `SET NAMES` change
    /// `session`.
    public func execute(_ statement: Statement, session: inout Session) throws(SQLError) -> ResultSet {
        let waitsItsTurn = !Self.runsAtOnce(statement)
        if waitsItsTurn { executionLock.lock() }
        defer { if waitsItsTurn { executionLock.unlock() } }
        if let reason = readOnlyReason, !StatementEffects.onlyReads(statement) {
            throw SQLError.general("Cannot run this statement: \(reason)")
        }
        let context = try ExecutionContext(catalog: catalog, session: session)
        let result = try StatementRouter(services: services).run(statement, context, session: &session)
        if case .use(let database) = statement { session.database = database }
        return result
    }

    /// Runs `body` in the one-statement-at-a-time line (background work that changes what
    /// statements read, such as a turn of the schedules).
    func withStatementTurn<T>(_ body: () throws(SQLError) -> T) throws(SQLError) -> T {
        executionLock.lock()
        defer { executionLock.unlock() }
        return try body()
    }

    /// True for statements that touch only the session (`SELECT 1`, `SET`, `SHOW VARIABLES`):
    /// they run without waiting for another session's statement, reading the catalog's
    /// consistent copy, so a server may answer them on its I/O thread.
    public static func runsAtOnce(_ statement: Statement) -> Bool {
        StatementEffects.onlyTouchesTheSession(statement)
    }

    /// Parses and runs one statement's text.
    /// Errors never carry a secret of the statement: a syntax error quotes the text near the
    /// problem, which may be a secret key's value.
    public func execute(_ sql: String, session: inout Session) throws(SQLError) -> ResultSet {
        do throws(SQLError) {
            let statement: Statement
            do {
                statement = try Parser.parse(sql)
            } catch {
                // 1235 is MySQL's ER_NOT_SUPPORTED_YET.
                throw error.isUnsupported ? SQLError(code: 1235, sqlState: "42000", error.message) : SQLError.syntax(error.message)
            }
            return try execute(statement, session: &session)
        } catch {
            throw Self.masked(error, secretsOf: sql)
        }
    }

    /// Runs a statement already parsed from `text` (a server parses to decide where to run
    /// it); errors are masked as `execute(_ sql:)` masks them.
    public func execute(_ statement: Statement, parsedFrom text: String, session: inout Session) throws(SQLError) -> ResultSet {
        do throws(SQLError) {
            return try execute(statement, session: &session)
        } catch {
            throw Self.masked(error, secretsOf: text)
        }
    }

    private static func masked(_ error: SQLError, secretsOf text: String) -> SQLError {
        var masked = error
        masked.message = SecretProperties.redact(error.message, secretsOf: text)
        return masked
    }
}

/// The resolved session of one statement: its user record and current database.
struct ExecutionContext {
    let session: Session
    let user: UserRecord
    let catalog: CatalogState

    init(catalog: CatalogState, session: Session) throws(SQLError) {
        self.session = session
        self.catalog = catalog
        guard let user = catalog.users[session.user] else { throw SQLError.unknownUser(session.user) }
        self.user = user
    }

    /// The database a statement names, or the session's; errors when neither exists.
    func database(_ explicit: String?) throws(SQLError) -> DatabaseRecord {
        guard let name = explicit ?? session.database else { throw SQLError.noDatabaseSelected() }
        guard let database = catalog.database(named: name) else { throw SQLError.unknownDatabase(name) }
        return database
    }

    /// The table a statement names, with its database.
    func table(_ name: TableName) throws(SQLError) -> (DatabaseRecord, TableRecord) {
        let database = try database(name.database)
        guard let table = catalog.table(named: name.name, in: database.id) else {
            throw SQLError.unknownTable(database.name, name.name)
        }
        return (database, table)
    }

    /// The table a SHOW or DESC names, if the user may see its database.
    func visibleTable(_ name: TableName) throws(SQLError) -> (DatabaseRecord, TableRecord) {
        let (database, table) = try self.table(name)
        guard user.canSee(database: database.name) else {
            throw SQLError.databaseAccessDenied(user: user.name, database: database.name)
        }
        return (database, table)
    }

    func requireAdmin() throws(SQLError) {
        guard user.isAdmin else { throw SQLError.needPrivilege("ADMIN") }
    }

    func require(_ privilege: Privilege, on database: String) throws(SQLError) {
        guard user.has(privilege, on: database) else {
            throw SQLError.databaseAccessDenied(user: user.name, database: database)
        }
    }
}
