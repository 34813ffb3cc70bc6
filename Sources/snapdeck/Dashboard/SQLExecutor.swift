import Console
import Dispatch
import Engine
import Essentials
import Foundation
import Repository
import SQLSyntax

/// Runs the dashboard's SQL through the same executor as `snapdeck sql`, one statement at a
/// time on a queue of its own (a LOAD or a SHOW over a large repository must not freeze the
/// screen), and hands results back as `SQLResult`s.
final class SQLExecutor: @unchecked Sendable {
    private let cluster: Cluster
    private let queue = DispatchQueue(label: "snapdeck.dashboard.sql")
    private var session: Session

    init(cluster: Cluster, user: String) {
        self.cluster = cluster
        session = Session(user: user)
    }

    func run(_ script: String, completion: @escaping @Sendable (SQLResult) -> Void) {
        queue.async { [self] in
            let result = execute(script)
            DispatchQueue.main.async { completion(result) }
        }
    }

    func snapshots(of repository: String, completion: @escaping @Sendable ([SnapshotRow], String?) -> Void) {
        queue.async { [self] in
            let result = execute("SHOW SNAPSHOT ON " + Quoting.sqlIdentifier(repository))
            let rows = result.rows.map { row in
                SnapshotRow(repository: repository, label: row[0] ?? "",
                            timestamps: (row[1] ?? "").split(separator: "\n").map(String.init), status: row[2] ?? "")
            }
            DispatchQueue.main.async { completion(rows, result.error) }
        }
    }

    /// The snapshot's whole `__info` document (tables → partitions → tablets → files), so the
    /// Snapshots tab can drill down to files; SHOW SNAPSHOT's brief stops at partitions.
    func snapshotDetail(repository: String, label: String, timestamp: String, completion: @escaping @Sendable (String?, String?) -> Void) {
        queue.async { [self] in
            var details: String?
            var failure: String?
            if let record = cluster.catalog.repository(named: repository) {
                do {
                    let store = try cluster.objectStore(for: record)
                    let info = try SnapshotBrowser(store: store, repositoryName: repository).info(label: label, timestamp: timestamp)
                    details = String(decoding: info.encode(), as: UTF8.self)
                } catch {
                    failure = "Failed to get info: \(error)"
                }
            } else {
                failure = "Repository \(repository) does not exist"
            }
            DispatchQueue.main.async { [details, failure] in completion(details, failure) }
        }
    }

    /// Runs every statement of `script`; the last result (or the first error) is returned.
    private func execute(_ script: String) -> SQLResult {
        let (statements, remainder) = ScriptSplitter.split(script)
        var texts = statements.map(\.text)
        if !ScriptSplitter.isBlank(remainder) { texts.append(remainder) }
        var last = SQLResult(message: "Query OK")
        for text in texts {
            do {
                let result = try cluster.execute(text, session: &session)
                last = result.hasRows
                    ? SQLResult(columns: result.columns, rows: result.rows)
                    : SQLResult(message: "Query OK, \(result.affectedRows) row\(result.affectedRows == 1 ? "" : "s") affected" + (result.info.map { ". \($0)" } ?? ""))
            } catch {
                return SQLResult.failure(error.description)
            }
        }
        return last
    }
}

