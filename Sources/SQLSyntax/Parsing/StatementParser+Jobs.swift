/// Watching and managing backup/restore jobs and snapshots: SHOW BACKUP/RESTORE/SNAPSHOT,
/// CANCEL, DROP SNAPSHOT, ADMIN CHECK SNAPSHOT.
extension StatementParser {
    /// `SHOW [FULL] BACKUP` or `SHOW [FULL|BRIEF] RESTORE`, then `[FROM|IN db]
    /// [WHERE ... | LIKE "p"]`.
    mutating func showJobs() throws(SyntaxError) -> Statement {
        var detail = ShowJobs.Detail.standard
        if accept("FULL") {
            detail = .full
        } else if accept("BRIEF") {
            detail = .brief
        }
        let kindToken = current
        let kind = try expectOne(of: ["BACKUP", "RESTORE"])
        if detail == .brief, kind == "BACKUP" { throw error(at: kindToken) }
        var jobs = ShowJobs(detail: detail, database: try optionalDatabaseClause())
        if at("WHERE") {
            jobs.filter = try optionalWhere()
        } else if let pattern = try optionalLike() {
            jobs.filter = [.like(column: "Label", pattern: pattern, negated: false)]
        }
        return kind == "BACKUP" ? .showBackup(jobs) : .showRestore(jobs)
    }

    /// `SHOW SNAPSHOT ON repo [WHERE SNAPSHOT = "x" [AND TIMESTAMP = "ts"]]`, the two conditions
    /// in either order. Whether TIMESTAMP alone is allowed is the engine's call (Doris rejects it
    /// with a semantic error, not a syntax error).
    mutating func showSnapshot() throws(SyntaxError) -> Statement {
        try expect("SNAPSHOT", "ON")
        let repository = try identifier()
        var snapshot: String?
        var timestamp: String?
        if accept("WHERE") {
            repeat {
                if snapshot == nil, accept("SNAPSHOT") {
                    try expectSymbol("=")
                    snapshot = try stringLiteral()
                } else if timestamp == nil, accept("TIMESTAMP") {
                    try expectSymbol("=")
                    timestamp = try stringLiteral()
                } else {
                    throw unexpected
                }
            } while accept("AND")
        }
        return .showSnapshot(repository: repository, snapshot: snapshot, timestamp: timestamp)
    }

    /// `CANCEL BACKUP|RESTORE [FROM|IN db]`
    mutating func cancelJob() throws(SyntaxError) -> Statement {
        try expect("CANCEL")
        let kind = try expectOne(of: ["BACKUP", "RESTORE"])
        let database = try optionalDatabaseClause()
        return kind == "BACKUP" ? .cancelBackup(database: database) : .cancelRestore(database: database)
    }

    /// `DROP SNAPSHOT label [TIMESTAMP "ts"] ON repo [FORCE]`
    mutating func dropSnapshot() throws(SyntaxError) -> Statement {
        try expect("SNAPSHOT")
        let (label, timestamp, repository) = try snapshotLocation()
        return .dropSnapshot(label: label, timestamp: timestamp, repository: repository, force: accept("FORCE"))
    }

    /// `ADMIN CHECK SNAPSHOT label ON repo [TIMESTAMP "ts"]`
    mutating func adminCheckSnapshot() throws(SyntaxError) -> Statement {
        try expect("CHECK", "SNAPSHOT")
        let (label, timestamp, repository) = try snapshotLocation()
        return .adminCheckSnapshot(label: label, timestamp: timestamp, repository: repository)
    }

    /// `label` followed by `ON repo` and an optional `TIMESTAMP "ts"`, in either order.
    private mutating func snapshotLocation() throws(SyntaxError) -> (
        label: String, timestamp: String?, repository: String
    ) {
        let label = try identifier()
        var timestamp: String?
        var repository: String?
        while true {
            if repository == nil, accept("ON") {
                repository = try identifier()
            } else if timestamp == nil, accept("TIMESTAMP") {
                timestamp = try stringLiteral()
            } else {
                break
            }
        }
        guard let repository else { throw unexpected }
        return (label, timestamp, repository)
    }
}
