import SQLSyntax

/// Which statements change nothing: what a data directory opened read-only still runs.
enum StatementEffects {
    static func onlyReads(_ statement: Statement) -> Bool {
        switch statement {
        case .use, .showDatabases, .showTables, .showCreateTable, .describe, .showPartitions, .showTablets, .showBackends,
            .select, .checksumTable, .showGrants, .adminShowConfig, .help, .showRepositories, .showCreateRepository,
            .showBackup, .showRestore, .showSnapshot, .showBroker, .adminCheckSnapshot:
            return true
        case .createDatabase, .dropDatabase, .createTable, .dropTable, .truncateTable, .alterTable, .insert, .loadData,
            .createUser, .dropUser, .grant, .revoke, .adminSetConfig, .createRepository, .dropRepository, .backup, .restore,
            .cancelBackup, .cancelRestore, .dropSnapshot:
            return false
        }
    }
}
