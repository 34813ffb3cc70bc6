import Console
import Dispatch
import Engine
import Essentials
import Foundation
import SQLSyntax

/// The dashboard's `ClusterSource` for the cluster of this process: reads go through the
/// engine's privilege-checked `ClusterReader` as the dashboard's user, statements through the
/// same executor as `snapdeck sql`. Everything runs on one queue of its own, in order, so a LOAD
/// or a SHOW over a large repository never freezes the screen.
final class EmbeddedClusterSource: ClusterSource, @unchecked Sendable {
    private let cluster: Cluster
    private let user: String
    private let queue = DispatchQueue(label: "snapdeck.dashboard.source")
    /// Only touched on `queue`.
    private var session: Session

    init(cluster: Cluster, user: String) {
        self.cluster = cluster
        self.user = user
        session = cluster.makeSession(user: user, connectionId: Int(getpid()))
    }

    func read(completion: @escaping @Sendable (Result<ClusterSnapshot, SourceFailure>) -> Void) {
        queue.async { [self] in completion(readNow()) }
    }

    func run(_ script: String, completion: @escaping @Sendable (SQLResult) -> Void) {
        queue.async { [self] in completion(execute(script)) }
    }

    func listSnapshots(repository: String, completion: @escaping @Sendable (Result<[SnapshotRow], SourceFailure>) -> Void) {
        queue.async { [self] in
            completion(reading { reader throws(SQLError) in
                try reader.snapshots(in: repository).map {
                    SnapshotRow(repository: repository, label: $0.label, timestamps: $0.timestamps, status: $0.status,
                                lineage: $0.lineage.mapValues(SnapshotLineage.init))
                }
            })
        }
    }

    func snapshotContents(
        repository: String, label: String, timestamp: String,
        completion: @escaping @Sendable (Result<SnapshotContents, SourceFailure>) -> Void
    ) {
        queue.async { [self] in
            completion(reading { reader throws(SQLError) in
                SnapshotContents(try reader.snapshotContents(repository: repository, label: label, timestamp: timestamp))
            })
        }
    }

    func watchChanges(_ handler: @escaping @Sendable () -> Void) {
        cluster.watchJobs(handler)
    }

    func close() {
        cluster.close()
    }

    private func reading<T>(_ body: (ClusterReader) throws(SQLError) -> T) -> Result<T, SourceFailure> {
        do {
            return .success(try body(try cluster.reader(as: user)))
        } catch {
            return .failure(SourceFailure(error.description))
        }
    }

    private func readNow() -> Result<ClusterSnapshot, SourceFailure> {
        reading { reader in
            let jobs = reader.jobs().map(JobRow.init)
            let backends = reader.backends()
            var picture = ClusterSnapshot(
                dataDirectory: reader.dataDirectory, user: reader.userName, isAdmin: reader.isAdmin,
                backendsUp: backends.alive, backendsTotal: backends.total, jobs: jobs,
                repositories: reader.repositories().map(RepositoryRow.init), catalog: reader.catalogTree().map(CatalogNode.init),
                clusterId: cluster.clusterId, transferRate: jobs.compactMap(\.throughput).max())
            switch readSchedules() {
            case .success(let schedules): picture.schedules = schedules
            case .failure(let failure): picture.unavailable[.schedules] = failure.message
            }
            return picture
        }
    }

    /// The schedules, read by the same statement and reader as a remote source's, as this
    /// session's user (so privileges apply as they do in `snapdeck sql`).
    private func readSchedules() -> Result<[ScheduleRow], SourceFailure> {
        do {
            let result = try cluster.execute(ScheduleRow.listStatement, session: &session)
            return .success(try ScheduleRow.rows(columns: result.columns, rows: result.rows))
        } catch let failure as SourceFailure {
            return .failure(failure)
        } catch {
            return .failure(SourceFailure("Schedules cannot be listed here: \(error)"))
        }
    }

    /// Runs every statement of `script`; the last result (or the first error) is returned.
    private func execute(_ script: String) -> SQLResult {
        var last = SQLResult(message: "Query OK")
        for text in ScriptSplitter.statementTexts(script) {
            do {
                let result = try cluster.execute(text, session: &session)
                last = result.hasRows
                    ? SQLResult(columns: result.columns, rows: result.rows)
                    : .ok(affectedRows: UInt64(result.affectedRows), info: result.info)
            } catch {
                return SQLResult.failure(error.description)
            }
        }
        return last
    }
}

/// The engine's typed readings as the dashboard's values.
private extension JobRow {
    init(_ job: JobReading) {
        // SHOW's cells by name, exactly as a remote source reads them; then the exact figures
        // the cells only show rounded.
        self.init(kind: job.kind == .backup ? .backup : .restore, columns: job.cells.map(\.column), values: job.cells.map(\.value),
                  createdAtEpoch: Double(job.createdAt) / 1000, finishedAtEpoch: job.finishedAt.map { Double($0) / 1000 })
        filesDone = job.filesDone
        filesTotal = job.filesTotal
        bytesDone = job.bytesDone
        bytesTotal = job.bytesTotal
        throughput = job.throughput
        eta = job.etaSeconds
    }
}

private extension RepositoryRow {
    init(_ r: RepositoryReading) {
        self.init(repoId: r.id, name: r.name, location: r.location, type: r.type, readOnly: r.readOnly,
                  createTime: r.createTime, errMsg: r.errorMessage)
    }
}

private extension SnapshotLineage {
    init(_ reading: SnapshotLineageReading) {
        self.init(type: reading.incremental ? "INCREMENTAL" : "FULL", baseLabel: reading.baseLabel, baseTimestamp: reading.baseTimestamp,
                  uploadedBytes: reading.uploadedBytes, totalBytes: reading.totalBytes, owner: reading.owner, ttl: reading.ttl,
                  expires: reading.expireTime.map { LocalTime(epochSeconds: $0 / 1000).dateTime })
    }
}

private extension CatalogNode {
    init(_ node: CatalogTreeNode) {
        let kind: Kind = switch node.level {
        case .database: .database
        case .table: .table
        case .partition: .partition
        case .tablet: .tablet
        }
        self.init(kind: kind, id: node.id, name: node.name, rows: node.rows, bytes: node.bytes, files: node.files,
                  version: node.version, versionCount: node.versionCount, replication: node.replication,
                  backends: node.backends, children: node.children.map(CatalogNode.init))
    }
}

private extension SnapshotContents {
    init(_ reading: SnapshotContentsReading) {
        self.init(database: reading.database, tables: reading.tables.map { table in
            Table(name: table.name, partitions: table.partitions.map { partition in
                Partition(name: partition.name, version: partition.version,
                          tablets: partition.tablets.map { Tablet(id: String($0.id), files: $0.files) })
            })
        })
    }
}
