import SQLSyntax

/// Which statements change nothing: what a data directory opened read-only still runs.
/// Session statements count as reads: they change the session, or the in-memory global
/// variables, never the data directory.
enum StatementEffects {
    static func onlyReads(_ statement: Statement) -> Bool {
        switch statement {
        case .selectValues, .setVariables, .setNames, .showVariables:
            return true
        case .use, .showDatabases, .showTables, .showCreateTable, .describe, .showPartitions, .showTablets, .showBackends,
            .select, .checksumTable, .showGrants, .adminShowConfig, .help, .showRepositories, .showCreateRepository,
            .showBackup, .showRestore, .showSnapshot, .showBroker, .adminCheckSnapshot:
            return true
        case .createDatabase, .dropDatabase, .createTable, .dropTable, .truncateTable, .alterTable, .insert, .loadData,
            .createUser, .alterUser, .setPassword, .dropUser, .grant, .revoke, .adminSetConfig, .createRepository, .dropRepository, .backup, .restore,
            .cancelBackup, .cancelRestore, .dropSnapshot:
            return false
        }
    }
}
