import Catalog
import Console
import Engine
import Foundation
import Jobs

/// Turns the engine's state into the immutable `ClusterSnapshot` the dashboard renders, and
/// derives the Events feed (job transitions and new task errors) by comparing snapshots.
final class ClusterSnapshotBuilder {
    let cluster: Cluster
    let user: String
    private var sequence = 0
    private var lastStates: [Int64: String] = [:]
    private var lastErrors: [Int64: String] = [:]
    private var events: [EventRow] = []
    private var catalogSignature: [Int64] = []
    private var catalogNodes: [CatalogNode] = []

    init(cluster: Cluster, user: String) {
        self.cluster = cluster
        self.user = user
    }

    func build() -> ClusterSnapshot {
        sequence += 1
        let catalog = cluster.catalog
        let jobs = backupRows() + restoreRows()
        recordEvents(jobs)
        let users = catalog.users[user]
        return ClusterSnapshot(
            sequence: sequence, dataDirectory: cluster.layout.root, user: user, isAdmin: users?.isAdmin ?? false,
            backendsUp: catalog.backends.values.filter(\.alive).count, backendsTotal: catalog.backends.count,
            jobs: jobs,
            repositories: catalog.repositories.values.sorted { $0.id < $1.id }.map { r in
                RepositoryRow(repoId: r.id, name: r.name, location: r.location, type: r.kind.rawValue, readOnly: r.readOnly,
                              createTime: r.createTime, errMsg: r.errorMessage)
            },
            catalog: catalogTree(catalog), snapshots: [:], events: events,
            transferRate: jobs.compactMap(\.throughput).max())
    }

    private func backupRows() -> [JobRow] {
        cluster.scheduler.backupViews(database: nil).map { view in
            let r = view.record
            let cells = zip(BackupJobView.columns + BackupJobView.fullColumns, view.cells(full: true)).map { JobCell(column: $0.0, value: $0.1) }
            return JobRow(
                kind: .backup, jobId: r.jobId, label: r.label, database: r.databaseName, state: r.state.rawValue, cells: cells,
                filesDone: view.filesDone, filesTotal: view.filesTotal, bytesDone: view.bytesDone, bytesTotal: view.bytesTotal,
                throughput: view.throughput, eta: view.etaSeconds, unfinishedTasks: BackupJobView.list(view.unfinished),
                taskErrMsg: r.taskErrors.sorted { $0.key < $1.key }.map { "[\($0.key)=\($0.value)]" }.joined(separator: ", "),
                status: r.status.cell, createTime: JobTime.format(r.createTime) ?? "",
                createdAtEpoch: Double(r.createTime) / 1000, finishedAtEpoch: r.finishedTime > 0 ? Double(r.finishedTime) / 1000 : nil,
                phases: [PhaseTime(phase: "PENDING", time: JobTime.format(r.createTime)),
                         PhaseTime(phase: "SNAPSHOTING", time: JobTime.format(r.snapshotFinishedTime)),
                         PhaseTime(phase: "UPLOADING", time: JobTime.format(r.uploadFinishedTime)),
                         PhaseTime(phase: r.state == .cancelled ? "CANCELLED" : "FINISHED", time: JobTime.format(r.finishedTime))])
        }
    }

    private func restoreRows() -> [JobRow] {
        cluster.scheduler.restoreViews(database: nil).map { view in
            let r = view.record
            let columns = RestoreJobView.columns + RestoreJobView.fullColumns
            let cells = zip(columns, view.cells(brief: false, full: true)).map { JobCell(column: $0.0, value: $0.1) }
            return JobRow(
                kind: .restore, jobId: r.jobId, label: r.label, database: r.request.databaseName, state: r.state.rawValue,
                cells: cells, filesDone: view.filesDone, filesTotal: view.filesTotal, bytesDone: view.bytesDone,
                bytesTotal: r.bytesTotal, throughput: view.throughput, eta: view.etaSeconds,
                unfinishedTasks: BackupJobView.list(view.unfinished),
                taskErrMsg: r.taskErrors.sorted { $0.key < $1.key }.map { "[\($0.key)=\($0.value)]" }.joined(separator: ", "),
                status: r.status.cell, createTime: JobTime.format(r.createTime) ?? "",
                createdAtEpoch: Double(r.createTime) / 1000, finishedAtEpoch: r.finishedTime > 0 ? Double(r.finishedTime) / 1000 : nil,
                phases: [PhaseTime(phase: "PENDING", time: JobTime.format(r.createTime)),
                         PhaseTime(phase: "META PREPARED", time: JobTime.format(r.metaPreparedTime)),
                         PhaseTime(phase: "SNAPSHOTING", time: JobTime.format(r.snapshotFinishedTime)),
                         PhaseTime(phase: "DOWNLOADING", time: JobTime.format(r.downloadFinishedTime)),
                         PhaseTime(phase: r.state == .cancelled ? "CANCELLED" : "FINISHED", time: JobTime.format(r.finishedTime))])
        }
    }

    private func recordEvents(_ jobs: [JobRow]) {
        let now = JobTime.format(Int64(Date().timeIntervalSince1970 * 1000)) ?? ""
        for job in jobs {
            let name = "\(job.kind.keyword) \(job.database).\(job.label) (job \(job.jobId))"
            if lastStates[job.jobId] != job.state {
                if lastStates[job.jobId] != nil || !job.phase.isDoneForEvents {
                    let level: Level = job.state == "CANCELLED" ? .error : .info
                    events.insert(EventRow(time: now, level: level, text: "\(name) → \(job.state)" + (job.state == "CANCELLED" ? " \(job.status)" : "")), at: 0)
                }
                lastStates[job.jobId] = job.state
            }
            if !job.taskErrMsg.isEmpty, lastErrors[job.jobId] != job.taskErrMsg {
                events.insert(EventRow(time: now, level: .warning, text: "\(name): \(job.taskErrMsg)"), at: 0)
            }
            lastErrors[job.jobId] = job.taskErrMsg
        }
        if events.count > 1000 { events.removeLast(events.count - 1000) }
    }

    /// Databases → tables → partitions → tablets, rebuilt only when the catalog changed.
    private func catalogTree(_ catalog: CatalogState) -> [CatalogNode] {
        let signature = [Int64(catalog.tables.count), Int64(catalog.partitions.count), Int64(catalog.rowsets.count),
                         catalog.partitions.values.reduce(0) { $0 &+ $1.visibleVersion }]
        if signature == catalogSignature { return catalogNodes }
        catalogSignature = signature
        catalogNodes = catalog.databases.values.sorted { $0.name < $1.name }.map { db in
            let tables = catalog.tables(in: db.id).sorted { $0.name < $1.name }.map { table -> CatalogNode in
                let partitions = catalog.partitions(of: table.id).map { p -> CatalogNode in
                    let tablets = catalog.tablets(of: p.id).map { tablet -> CatalogNode in
                        let rowsets = catalog.rowsets(of: tablet.id)
                        return CatalogNode(
                            kind: .tablet, id: tablet.id, name: String(tablet.id), rows: rowsets.reduce(0) { $0 + $1.rowCount },
                            bytes: rowsets.reduce(0) { $0 + $1.size }, files: rowsets.count, version: p.visibleVersion,
                            versionCount: catalog.versionCount(of: tablet.id), backends: catalog.replicas(of: tablet.id).map(\.backendId))
                    }
                    return CatalogNode(
                        kind: .partition, id: p.id, name: p.name, rows: tablets.reduce(0) { $0 + $1.rows },
                        bytes: tablets.reduce(0) { $0 + $1.bytes }, files: tablets.reduce(0) { $0 + $1.files },
                        version: p.visibleVersion, replication: table.replicationNum, children: tablets)
                }
                return CatalogNode(
                    kind: .table, id: table.id, name: table.name, rows: partitions.reduce(0) { $0 + $1.rows },
                    bytes: partitions.reduce(0) { $0 + $1.bytes }, files: partitions.reduce(0) { $0 + $1.files },
                    replication: table.replicationNum, children: partitions)
            }
            return CatalogNode(
                kind: .database, id: db.id, name: db.name, rows: tables.reduce(0) { $0 + $1.rows },
                bytes: tables.reduce(0) { $0 + $1.bytes }, files: tables.reduce(0) { $0 + $1.files }, children: tables)
        }
        return catalogNodes
    }
}

private extension JobPhase {
    /// Jobs already finished when the dashboard opens are history, not news.
    var isDoneForEvents: Bool { self == .finished || self == .cancelled }
}
