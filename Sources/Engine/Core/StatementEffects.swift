import SQLSyntax

/// Which statements change nothing: what a data directory opened read-only still runs.
/// Session statements count as reads: they change the session, or the in-memory global
/// variables, never the data directory.
enum StatementEffects {
    /// Statements that read and change only the session (and the locked global variables):
    /// they need no turn in the one-statement-at-a-time line, so a long LOAD DATA in another
    /// session does not hold up a client's `SELECT 1` or `SET NAMES`.
    static func onlyTouchesTheSession(_ statement: Statement) -> Bool {
        switch statement {
        case .selectValues, .setVariables, .setNames, .showVariables: return true
        default: return false
        }
    }

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
            .cancelBackup, .cancelRestore, .dropSnapshot, .createJob, .pauseJob, .resumeJob, .dropJob, .executeJob:
            return false
        }
    }
}
