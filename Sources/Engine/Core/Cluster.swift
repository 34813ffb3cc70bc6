import Catalog
import Foundation
import Jobs
import Logging
import Repository
import SQLSyntax
import Storage

/// The embedded cluster of one data directory: catalog, backends and the statement executor.
///
/// Open it with `Cluster.open`; it holds the directory's advisory lock until released.
/// Statements run one at a time (`execute` is serialised); the catalog may be read from any
/// thread through `catalog`.
public final class Cluster: @unchecked Sendable {
    public let layout: DataLayout
    let store: CatalogStore
    public let logger: Logger
    private let directoryLock: DataDirectoryLock
    private let executionLock = NSRecursiveLock()
    /// Wraps every repository's object store; tests use it to inject failures. Set from one
    /// thread while job workers read it, hence the lock.
    public var objectStoreWrapper: (@Sendable (ObjectStore) -> ObjectStore)? {
        get {
            wrapperLock.lock()
            defer { wrapperLock.unlock() }
            return wrapper
        }
        set {
            wrapperLock.lock()
            wrapper = newValue
            wrapperLock.unlock()
        }
    }
    private let wrapperLock = NSLock()
    nonisolated(unsafe) private var wrapper: (@Sendable (ObjectStore) -> ObjectStore)?
    /// Runs backup and restore jobs in the background while this cluster is open.
    public private(set) var scheduler: JobScheduler!
    /// The dashboard's catalog tree, rebuilt only when the catalog changed.
    let catalogTrees = CatalogTrees()
    private let startedLock = NSLock()
    private var startedJobs: [Int64] = []

    init(layout: DataLayout, store: CatalogStore, lock: DataDirectoryLock, logger: Logger) {
        self.layout = layout
        self.store = store
        self.directoryLock = lock
        self.logger = logger
        scheduler = JobScheduler(host: self, database: store.database)
    }

    deinit {
        // `close()` is the orderly way out; here the jobs only stop (see `JobScheduler.stop`).
        scheduler.stop(waiting: false)
    }

    /// Resumes journalled jobs and starts the scheduler (part of opening).
    func startJobs(resuming: Bool) throws(SQLError) {
        do {
            try scheduler.start(resuming: resuming)
        } catch {
            throw SQLError.general("cannot resume jobs: \(error)")
        }
    }

    /// Stops the job scheduler; unfinished jobs stay journalled and resume at the next open.
    public func close() {
        scheduler.stop()
    }

    /// Ids of the jobs submitted through this cluster object (the CLI waits for them).
    public var jobsStartedHere: [Int64] { startedLock.withLock { startedJobs } }

    func noteJobStarted(_ id: Int64) { startedLock.withLock { startedJobs.append(id) } }

    /// Opens the data directory at `path`, creating it with `backends` backends if it does not
    /// exist yet. Fails at once if another process owns it.
    public static func open(path: String, backends: Int = 3) throws(SQLError) -> Cluster {
        try ClusterBootstrap.open(path: path, backends: backends)
    }

    /// Calls `handler` (on the job queue) whenever a job changes: the dashboard's cue to read.
    public func watchJobs(_ handler: @escaping @Sendable () -> Void) {
        scheduler.onChange = handler
    }

    /// A consistent copy of the catalog.
    public var catalog: CatalogState { store.snapshot }

    /// Why the data directory is open read-only (its disk is full), or nil.
    public var readOnlyReason: String? { store.readOnlyReason }

    /// Runs one parsed statement as `session`'s user. `USE` changes `session`.
    public func execute(_ statement: Statement, session: inout Session) throws(SQLError) -> ResultSet {
        executionLock.lock()
        defer { executionLock.unlock() }
        if let reason = store.readOnlyReason, !StatementEffects.onlyReads(statement) {
            throw SQLError.general("Cannot run this statement: \(reason)")
        }
        let context = try ExecutionContext(cluster: self, session: session)
        let result = try dispatch(statement, context)
        if case .use(let database) = statement { session.database = database }
        return result
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
                throw SQLError.syntax(error.message)
            }
            return try execute(statement, session: &session)
        } catch {
            var masked = error
            masked.message = SecretProperties.redact(error.message, secretsOf: sql)
            throw masked
        }
    }

    private func dispatch(_ statement: Statement, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        switch statement {
        case .createDatabase(let name, let ifNotExists): return try createDatabase(name, ifNotExists: ifNotExists, c)
        case .dropDatabase(let name, let ifExists): return try dropDatabase(name, ifExists: ifExists, c)
        case .use(let name): return try useDatabase(name, c)
        case .showDatabases(let like): return showDatabases(like: like, c)
        case .showTables(let database, let like): return try showTables(database: database, like: like, c)
        case .createTable(let create): return try createTable(create, c)
        case .dropTable(let name, let ifExists): return try dropTable(name, ifExists: ifExists, c)
        case .truncateTable(let name): return try truncateTable(name, c)
        case .alterTable(let name, let action): return try alterTable(name, action, c)
        case .showCreateTable(let name): return try showCreateTable(name, c)
        case .describe(let name): return try describe(name, c)
        case .showPartitions(let name): return try showPartitions(name, c)
        case .showTablets(let name): return try showTablets(name, c)
        case .showBackends: return showBackends(c)
        case .insert(let statement): return try insert(statement, c)
        case .loadData(let load): return try loadData(load, c)
        case .select(let statement): return try select(statement, c)
        case .checksumTable(let names): return try checksumTables(names, c)
        case .createUser(let user, _, let password, let ifNotExists):
            return try createUser(user, password: password, ifNotExists: ifNotExists, c)
        case .dropUser(let user, _, let ifExists): return try dropUser(user, ifExists: ifExists, c)
        case .grant(let privileges, let target, let user, _):
            return try changeGrants(privileges, target, user: user, grant: true, c)
        case .revoke(let privileges, let target, let user, _):
            return try changeGrants(privileges, target, user: user, grant: false, c)
        case .showGrants(let user, _): return try showGrants(user: user, c)
        case .adminSetConfig(let properties): return try setConfig(properties, c)
        case .adminShowConfig(let like): return try showConfig(like: like, c)
        case .help(let topic): return help(topic)
        case .showBroker: return ResultSet(columns: ["Name", "Host", "Port", "Alive", "LastStartTime", "LastUpdateTime", "ErrMsg"], rows: [])
        case .createRepository(let create): return try createRepository(create, c)
        case .dropRepository(let name): return try dropRepository(name, c)
        case .showRepositories: return showRepositories(c)
        case .showCreateRepository(let name): return try showCreateRepository(name, c)
        case .backup(let backup): return try submitBackup(backup, c)
        case .showBackup(let show): return try showBackup(show, c)
        case .showSnapshot(let repository, let snapshot, let timestamp):
            return try showSnapshot(repository: repository, snapshot: snapshot, timestamp: timestamp, c)
        case .cancelBackup(let database): return try cancelBackup(database, c)
        case .restore(let restore): return try submitRestore(restore, c)
        case .showRestore(let show): return try showRestore(show, c)
        case .cancelRestore(let database): return try cancelRestore(database, c)
        case .dropSnapshot(let label, let timestamp, let repository):
            return try dropSnapshot(label: label, timestamp: timestamp, repository: repository, c)
        case .adminCheckSnapshot(let label, let timestamp, let repository):
            return try checkSnapshot(label: label, timestamp: timestamp, repository: repository, c)
        }
    }

    /// Runs a catalog change, turning storage failures into SQL errors.
    func write<T>(_ body: (CatalogTransaction) throws -> T) throws(SQLError) -> T {
        do {
            return try store.write(body)
        } catch let error as SQLError {
            throw error
        } catch {
            logger.error("catalog write failed: \(error)")
            if let free = DiskSpace.available(layout.root), free < DiskSpace.fullBelow {
                throw SQLError.general("Nothing was changed: \(DiskSpace.fullMessage(layout.root, free: free))")
            }
            throw SQLError.general("catalog write failed: \(error)")
        }
    }
}

/// The resolved session of one statement: its user record and current database.
struct ExecutionContext {
    let session: Session
    let user: UserRecord
    let catalog: CatalogState

    init(cluster: Cluster, session: Session) throws(SQLError) {
        self.session = session
        catalog = cluster.catalog
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
