import Catalog
import Foundation
import Jobs
import Repository
import SQLSyntax
import Storage

/// DROP SNAPSHOT and ADMIN CHECK SNAPSHOT: SnapDeck's care for what a repository holds
/// (Doris has neither).
struct SnapshotCareStatements: StatementFamily {
    let services: ClusterServices

    func dropSnapshot(label: String, timestamp: String?, repository name: String, force: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let (repository, store) = try repositoryStore(name, c)
        if repository.readOnly { throw SQLError.general("Repository \(repository.name) is read only") }
        let outcome: SnapshotDropOutcome
        do {
            outcome = try dropper(store, repository)
                .drop(label: label, timestamp: timestamp, force: force, labelsInUse: scheduler.labelsInUse(repository: repository.id))
        } catch {
            if let problem = error.cleanupProblem {
                logger.warning("cannot discard unfinished writes of snapshot \(label) in repository \(repository.name): \(problem)")
            }
            throw SQLError.general(error.message)
        }
        log(outcome, repository: repository.name)
        var info = "Removed \(outcome.removed) files of snapshot \(label)"
        if outcome.kept > 0 { info += "; kept \(outcome.kept) files that snapshots \(outcome.keptFor.joined(separator: ", ")) read" }
        return ResultSet(affectedRows: outcome.removed, info: info)
    }

    /// The dropper of `repository`. While `fault_pause_drop_after` names a step (fault injection
    /// for the crash tests), each drop holds after it, polling the knob, until the knob changes
    /// or the process is killed.
    func dropper(_ store: ObjectStore, _ repository: RepositoryRecord, verifiedInfos: VerifiedInfoCache? = nil) -> SnapshotDropper {
        let services = services
        let held = { @Sendable (step: SnapshotDropStep) in services.configString("fault_pause_drop_after") == step.rawValue }
        return SnapshotDropper(store: store, repositoryName: repository.name, verifiedInfos: verifiedInfos) { step, label in
            guard held(step) else { return }
            services.logger.warning("fault injection: the drop of snapshot \(label) from \(repository.name) holds after step \(step.rawValue) (fault_pause_drop_after)")
            while held(step) { usleep(50_000) }
        }
    }

    /// Logs a drop and the marked folders it finished on the way.
    func log(_ outcome: SnapshotDropOutcome, repository: String, reason: String = "dropped") {
        let kept = outcome.kept > 0 ? ", kept \(outcome.kept) files for \(outcome.keptFor.joined(separator: ", "))" : ""
        logger.info("\(reason) snapshot \(outcome.label) from \(repository): \(outcome.removed) files\(kept)")
        for finished in outcome.finished {
            logger.info("finished dropping snapshot \(finished.label) from \(repository): \(finished.removed) files")
        }
        for problem in outcome.notFinished {
            logger.warning("repository \(repository): \(problem.message)")
        }
    }

    func checkSnapshot(label: String, timestamp: String?, repository name: String, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let (repository, store) = try repositoryStore(name, c)
        let browser = SnapshotBrowser(store: store, repositoryName: repository.name)
        let summary = browser.summary(label: label)
        let timestamps = timestamp.map { [$0] } ?? summary.timestamps.filter { !$0.hasPrefix("Invalid") }
        let columns = ["Snapshot", "Timestamp", "File", "Status", "Detail"]
        guard !timestamps.isEmpty else {
            return ResultSet(columns: columns, rows: [[label, nil, nil, "DAMAGED", summary.status]])
        }
        var rows: [[String?]] = []
        for ts in timestamps {
            rows += SnapshotChecker(store: store, repositoryName: repository.name, scratch: layout.temporaryDirectory)
                .check(label: label, timestamp: ts).map { row in [label, ts, row.file, row.status, row.detail] }
        }
        return ResultSet(columns: columns, rows: rows)
    }

    private func repositoryStore(_ name: String, _ c: ExecutionContext) throws(SQLError) -> (RepositoryRecord, ObjectStore) {
        guard let repository = c.catalog.repository(named: name) else { throw SQLError.general("Repository \(name) does not exist") }
        do {
            return (repository, try objectStore(for: repository))
        } catch {
            throw SQLError.general(error.message)
        }
    }
}
