/// One parsed SQL statement: the typed form every engine entry point consumes.
///
/// The parser produces these from text; nothing else in the project builds SQL meaning from
/// strings. Cases mirror the statements of SPEC §3.3 and §4.1.
public enum Statement: Sendable, Equatable {
    // Databases and tables
    case createDatabase(name: String, ifNotExists: Bool)
    case dropDatabase(name: String, ifExists: Bool)
    case use(database: String)
    case showDatabases(like: String?)
    case showTables(database: String?, like: String?)
    case createTable(CreateTable)
    case dropTable(TableName, ifExists: Bool)
    case truncateTable(TableName)
    case alterTable(TableName, AlterTableAction)
    case showCreateTable(TableName)
    case describe(TableName)
    case showPartitions(TableName)
    case showTablets(TableName)
    case showBackends

    // Data
    case insert(Insert)
    case loadData(LoadData)
    case select(Select)
    /// A SELECT without a table (`SELECT @@version_comment LIMIT 1`, `SELECT DATABASE()`).
    case selectValues(ValueSelect)
    case checksumTable([TableName])

    // Session (what MySQL clients send after connecting)
    case setVariables([VariableAssignment])
    /// `SET NAMES charset [COLLATE collation]`; nil stands for `DEFAULT`.
    case setNames(charset: String?, collation: String?)
    case showVariables(scope: VariableScope, filter: [Predicate])

    // Users and privileges
    case createUser(user: String, host: String, password: PasswordSpec?, ifNotExists: Bool)
    case alterUser(user: String, host: String, password: PasswordSpec, ifExists: Bool)
    /// `SET PASSWORD [FOR user] = ...`; `user` is nil for the session's own.
    case setPassword(user: String?, host: String?, password: PasswordSpec)
    case dropUser(user: String, host: String, ifExists: Bool)
    case grant(privileges: [Privilege], target: GrantTarget, user: String, host: String)
    case revoke(privileges: [Privilege], target: GrantTarget, user: String, host: String)
    case showGrants(user: String?, host: String?)

    // Administration
    case adminSetConfig([Property])
    case adminShowConfig(like: String?)
    case help(topic: String)

    // Repositories, backup and restore (SPEC §4.1)
    case createRepository(CreateRepository)
    case dropRepository(name: String)
    case showRepositories
    case showCreateRepository(name: String)
    case backup(BackupRestore)
    case restore(BackupRestore)
    case showBackup(ShowJobs)
    case showRestore(ShowJobs)
    case showSnapshot(repository: String, snapshot: String?, timestamp: String?)
    case cancelBackup(database: String?)
    case cancelRestore(database: String?)
    case showBroker
    /// `FORCE` drops a base of incremental snapshots, keeping the files they read.
    case dropSnapshot(label: String, timestamp: String?, repository: String, force: Bool = false)
    case adminCheckSnapshot(label: String, timestamp: String?, repository: String)

    // Schedules (Doris's job scheduler; SnapDeck's jobs run backups)
    case createJob(CreateJob)
    /// `PAUSE JOB WHERE jobname = 'n'`
    case pauseJob(name: String)
    /// `RESUME JOB WHERE jobname = 'n'`
    case resumeJob(name: String)
    /// `DROP JOB [IF EXISTS] WHERE jobname = 'n'`
    case dropJob(name: String, ifExists: Bool)
    /// `EXECUTE JOB WHERE jobname = 'n'`: SnapDeck's run-now extension.
    case executeJob(name: String)
}

/// A possibly database-qualified table name (`db.t` or `t`).
public struct TableName: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var database: String?
    public var name: String
    public init(database: String? = nil, name: String) {
        self.database = database
        self.name = name
    }
    public var description: String { database.map { "\($0).\(name)" } ?? name }
}

/// A `"key" = "value"` pair from a PROPERTIES clause or `ADMIN SET FRONTEND CONFIG`.
public struct Property: Sendable, Equatable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// A literal value as written; numbers keep their text so the engine converts them per column
/// type without losing DECIMAL precision.
public enum Literal: Sendable, Equatable, Hashable {
    case null
    case number(String)
    case string(String)
    case boolean(Bool)
    /// `MAXVALUE` in a range partition bound.
    case maxValue
}
