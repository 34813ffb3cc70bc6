import Catalog
import SQLSyntax

/// Sends each statement to the family that runs it. Session statements (SET, SET NAMES,
/// SET PASSWORD) may change `session`.
struct StatementRouter {
    let services: ClusterServices

    func run(_ statement: Statement, _ c: ExecutionContext, session: inout Session) throws(SQLError) -> ResultSet {
        let services = self.services
        switch statement {
        case .createDatabase(let name, let ifNotExists): return try DatabaseStatements(services: services).createDatabase(name, ifNotExists: ifNotExists, c)
        case .dropDatabase(let name, let ifExists): return try DatabaseStatements(services: services).dropDatabase(name, ifExists: ifExists, c)
        case .use(let name): return try DatabaseStatements(services: services).useDatabase(name, c)
        case .showDatabases(let like): return DatabaseStatements(services: services).showDatabases(like: like, c)
        case .showTables(let database, let like): return try DatabaseStatements(services: services).showTables(database: database, like: like, c)
        case .createTable(let create): return try TableStatements(services: services).createTable(create, c)
        case .dropTable(let name, let ifExists): return try TableStatements(services: services).dropTable(name, ifExists: ifExists, c)
        case .truncateTable(let name): return try TableStatements(services: services).truncateTable(name, c)
        case .alterTable(let name, let action): return try TableStatements(services: services).alterTable(name, action, c)
        case .showCreateTable(let name): return try TableShowStatements(services: services).showCreateTable(name, c)
        case .describe(let name): return try TableShowStatements(services: services).describe(name, c)
        case .showPartitions(let name): return try StorageStatements(services: services).showPartitions(name, c)
        case .showTablets(let name): return try StorageStatements(services: services).showTablets(name, c)
        case .showBackends: return StorageStatements(services: services).showBackends(c)
        case .insert(let statement): return try LoadStatements(services: services).insert(statement, c)
        case .loadData(let load): return try LoadStatements(services: services).loadData(load, c)
        case .select(let statement):
            if let function = statement.function { return try ScheduleTables(services: services).select(statement, from: function, c) }
            return try QueryStatements(services: services).select(statement, c)
        case .checksumTable(let names): return try QueryStatements(services: services).checksumTables(names, c)
        case .selectValues(let query): return try ValueSelectStatements(services: services).select(query, c)
        case .setVariables(let assignments): return try SessionStatements(services: services).set(assignments, c, session: &session)
        case .setNames(let charset, let collation):
            return try SessionStatements(services: services).setNames(charset: charset, collation: collation, session: &session)
        case .showVariables(let scope, let filter):
            return try SessionStatements(services: services).showVariables(scope: scope, filter: filter, session: session)
        case .createUser(let user, _, let password, let ifNotExists):
            return try UserStatements(services: services).createUser(user, password: password, ifNotExists: ifNotExists, c)
        case .alterUser(let user, _, let password, let ifExists):
            return try UserStatements(services: services).changePassword(of: user, to: password, ifExists: ifExists, alter: true, c)
        case .setPassword(let user, _, let password):
            return try UserStatements(services: services).changePassword(of: user ?? c.user.name, to: password, ifExists: false, alter: false, c)
        case .dropUser(let user, _, let ifExists): return try UserStatements(services: services).dropUser(user, ifExists: ifExists, c)
        case .grant(let privileges, let target, let user, _):
            return try UserStatements(services: services).changeGrants(privileges, target, user: user, grant: true, c)
        case .revoke(let privileges, let target, let user, _):
            return try UserStatements(services: services).changeGrants(privileges, target, user: user, grant: false, c)
        case .showGrants(let user, _): return try UserStatements(services: services).showGrants(user: user, c)
        case .adminSetConfig(let properties): return try AdminStatements(services: services).setConfig(properties, c)
        case .adminShowConfig(let like): return try AdminStatements(services: services).showConfig(like: like, c)
        case .help(let topic): return AdminStatements(services: services).help(topic)
        case .showBroker: return ResultSet(columns: ["Name", "Host", "Port", "Alive", "LastStartTime", "LastUpdateTime", "ErrMsg"], rows: [])
        case .createRepository(let create): return try RepositoryStatements(services: services).createRepository(create, c)
        case .dropRepository(let name): return try RepositoryStatements(services: services).dropRepository(name, c)
        case .showRepositories: return RepositoryStatements(services: services).showRepositories(c)
        case .showCreateRepository(let name): return try RepositoryStatements(services: services).showCreateRepository(name, c)
        case .backup(let backup): return try BackupStatements(services: services).submitBackup(backup, c)
        case .showBackup(let show): return try BackupStatements(services: services).showBackup(show, c)
        case .showSnapshot(let repository, let snapshot, let timestamp):
            return try BackupStatements(services: services).showSnapshot(repository: repository, snapshot: snapshot, timestamp: timestamp, c)
        case .cancelBackup(let database): return try BackupStatements(services: services).cancelBackup(database, c)
        case .restore(let restore): return try RestoreStatements(services: services).submitRestore(restore, c)
        case .showRestore(let show): return try RestoreStatements(services: services).showRestore(show, c)
        case .cancelRestore(let database): return try RestoreStatements(services: services).cancelRestore(database, c)
        case .dropSnapshot(let label, let timestamp, let repository, let force):
            return try SnapshotCareStatements(services: services).dropSnapshot(
                label: label, timestamp: timestamp, repository: repository, force: force, c)
        case .adminCheckSnapshot(let label, let timestamp, let repository):
            return try SnapshotCareStatements(services: services).checkSnapshot(label: label, timestamp: timestamp, repository: repository, c)
        case .createJob(let create): return try ScheduleStatements(services: services).createJob(create, c)
        case .pauseJob(let name): return try ScheduleStatements(services: services).pauseJob(name, c)
        case .resumeJob(let name): return try ScheduleStatements(services: services).resumeJob(name, c)
        case .dropJob(let name, let ifExists): return try ScheduleStatements(services: services).dropJob(name, ifExists: ifExists, c)
        case .executeJob(let name): return try ScheduleStatements(services: services).executeJob(name, c)
        }
    }
}
