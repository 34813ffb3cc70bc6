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

    func dropSnapshot(label: String, timestamp: String?, repository name: String, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let (repository, store) = try repositoryStore(name, c)
        if repository.readOnly { throw SQLError.general("Repository \(repository.name) is read only") }
        if scheduler.labelsInUse(repository: repository.id).contains(label) {
            throw SQLError.general("Snapshot \(label) is used by a running backup or restore job; cancel it first")
        }
        let prefix = RepositoryPaths(repositoryName: repository.name).snapshotDirectory(label: label) + "/"
        let objects: [ObjectInfo]
        do {
            objects = try store.list(prefix: prefix)
        } catch {
            throw SQLError.general("Failed to list snapshot in repo: \(repository.name), err: \(error.message)")
        }
        guard !objects.isEmpty else {
            // Writes a crash cut off are not listed, but they are this label's: they go too.
            do {
                try store.discardIncompleteWrites(prefix: prefix)
            } catch {
                logger.warning("cannot discard unfinished writes of snapshot \(label) in repository \(repository.name): \(error.message)")
            }
            throw SQLError.general("Snapshot \(label) does not exist in repository \(repository.name)")
        }
        let infos = objects.filter { $0.key.dropFirst(prefix.count).hasPrefix("__info_") }
        let chosen = timestamp.map { ts in infos.filter { $0.key.dropFirst(prefix.count).hasPrefix("__info_\(ts).") } } ?? infos
        if let timestamp, chosen.isEmpty {
            throw SQLError.general("Snapshot \(label) has no timestamp \(timestamp) in repository \(repository.name)")
        }
        let rest = infos.count > chosen.count ? [] : objects.filter { o in !chosen.contains { $0.key == o.key } }
        do {
            // The commit markers go first, so a half-deleted snapshot never looks complete.
            try store.delete(chosen.map(\.key))
            try store.delete(rest.map(\.key))
            if !rest.isEmpty { try store.discardIncompleteWrites(prefix: prefix) }
        } catch {
            throw SQLError.general("Failed to drop snapshot \(label): \(error.message)")
        }
        logger.info("dropped snapshot \(label) from \(repository.name): \(chosen.count + rest.count) files")
        return ResultSet(affectedRows: chosen.count + rest.count, info: "Removed \(chosen.count + rest.count) files of snapshot \(label)")
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
