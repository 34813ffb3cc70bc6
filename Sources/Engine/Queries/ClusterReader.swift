import Catalog
import Jobs
import Repository

/// The engine's typed, privilege-checked read API: what the dashboard shows, filtered the way
/// the matching SHOW statement filters it for the same user. Jobs are those of databases the
/// user holds LOAD on (SHOW BACKUP / SHOW RESTORE), the catalog tree those databases the user
/// can see (SHOW DATABASES), snapshots need ADMIN (SHOW SNAPSHOT); repositories and backends are
/// everyone's (SHOW REPOSITORIES, SHOW BACKENDS). Each call reads the state of that moment.
public struct ClusterReader: Sendable {
    let cluster: Cluster
    let user: UserRecord

    public var userName: String { user.name }
    public var isAdmin: Bool { user.isAdmin }
    public var dataDirectory: String { cluster.layout.root }

    /// Backup and restore jobs, oldest first within each kind, backups before restores.
    public func jobs() -> [JobReading] {
        let catalog = cluster.catalog
        let visible = Set(catalog.databases.values.filter { user.has(.load, on: $0.name) }.map(\.id))
        let backups = cluster.scheduler.backupViews(database: nil).filter { visible.contains($0.record.databaseId) }
        let restores = cluster.scheduler.restoreViews(database: nil).filter { visible.contains($0.record.databaseId) }
        return backups.map(JobReading.init(backup:)) + restores.map(JobReading.init(restore:))
    }

    public func repositories() -> [RepositoryReading] {
        cluster.catalog.repositories.values.sorted { $0.id < $1.id }.map { r in
            RepositoryReading(id: r.id, name: r.name, location: r.location, type: r.kind.rawValue, readOnly: r.readOnly,
                              createTime: r.createTime, errorMessage: r.errorMessage)
        }
    }

    /// The labels of a repository, as `SHOW SNAPSHOT ON repo` lists them.
    public func snapshots(in repository: String) throws(SQLError) -> [SnapshotListing] {
        let browser = try snapshotBrowser(repository)
        return try BackupStatements(services: cluster.services).snapshotSummaries(browser, label: nil, repository: repository).map {
            SnapshotListing(label: $0.label, timestamps: $0.timestamps, status: $0.status,
                            lineage: $0.provenances.mapValues(SnapshotLineageReading.init))
        }
    }

    /// One snapshot's whole `__info` (down to files, where SHOW SNAPSHOT's brief stops at partitions).
    public func snapshotContents(repository: String, label: String, timestamp: String) throws(SQLError) -> SnapshotContentsReading {
        let browser = try snapshotBrowser(repository)
        do {
            return SnapshotContentsReading(try browser.info(label: label, timestamp: timestamp))
        } catch {
            throw SQLError.general("Failed to get info: \(error.message)")
        }
    }

    public func catalogTree() -> [CatalogTreeNode] {
        cluster.services.catalogTrees.tree(of: cluster.catalog, for: user)
    }

    public func backends() -> BackendsReading {
        let backends = cluster.catalog.backends.values
        return BackendsReading(alive: backends.filter(\.alive).count, total: backends.count)
    }

    private func snapshotBrowser(_ repository: String) throws(SQLError) -> SnapshotBrowser {
        guard user.isAdmin else { throw SQLError.needPrivilege("ADMIN") }
        return try BackupStatements(services: cluster.services).snapshotBrowser(repository: repository, catalog: cluster.catalog)
    }
}

extension Cluster {
    /// The read API as `user` sees the cluster; fails for an unknown user.
    public func reader(as user: String) throws(SQLError) -> ClusterReader {
        guard let record = catalog.users[user] else { throw SQLError.unknownUser(user) }
        return ClusterReader(cluster: self, user: record)
    }
}

extension JobReading {
    init(backup view: BackupJobView) {
        let r = view.record
        self.init(
            kind: .backup, jobId: r.jobId, label: r.label, database: r.databaseName, state: r.state.rawValue,
            cells: zip(BackupJobView.showColumns(full: true), view.cells(full: true)).map(NamedCell.init),
            filesDone: view.filesDone, filesTotal: view.filesTotal, bytesDone: view.bytesDone, bytesTotal: view.bytesTotal,
            throughput: view.throughput, etaSeconds: view.etaSeconds, createdAt: r.createTime,
            finishedAt: r.finishedTime > 0 ? r.finishedTime : nil)
    }

    init(restore view: RestoreJobView) {
        let r = view.record
        self.init(
            kind: .restore, jobId: r.jobId, label: r.label, database: r.request.databaseName, state: r.state.rawValue,
            cells: zip(RestoreJobView.columns + RestoreJobView.fullColumns, view.cells(brief: false, full: true)).map(NamedCell.init),
            filesDone: view.filesDone, filesTotal: view.filesTotal, bytesDone: view.bytesDone, bytesTotal: r.bytesTotal,
            throughput: view.throughput, etaSeconds: view.etaSeconds, createdAt: r.createTime,
            finishedAt: r.finishedTime > 0 ? r.finishedTime : nil)
    }
}

extension SnapshotContentsReading {
    init(_ info: SnapshotInfoFile) {
        self.init(database: info.database, tables: info.tables.sorted { $0.name < $1.name }.map { table in
            Table(name: table.name, partitions: table.partitions.sorted { $0.name < $1.name }.map { partition in
                Partition(name: partition.name, version: partition.version,
                          tablets: partition.indexes.sorted { $0.name < $1.name }.flatMap { index in
                              index.tablets.map { Tablet(id: $0.id, files: $0.files) }
                          })
            })
        })
    }
}

extension SnapshotLineageReading {
    init(_ provenance: SnapshotProvenance) {
        self.init(incremental: provenance.kind == .incremental, baseLabel: provenance.base?.label,
                  baseTimestamp: provenance.base?.timestamp, uploadedBytes: provenance.uploadedBytes,
                  totalBytes: provenance.totalBytes, owner: provenance.owner, ttl: provenance.ttl, expireTime: provenance.expireTime)
    }
}
