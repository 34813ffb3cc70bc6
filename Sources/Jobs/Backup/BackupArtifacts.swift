import Catalog
import Foundation
import Repository
import Storage

/// The `__meta` and `__info` files of a backup, generated from its journalled plan, so they
/// come out the same whether written now or after a restart.
struct BackupArtifacts {
    let record: BackupJobRecord

    func meta() throws -> [UInt8] {
        let tables = (record.plan?.tables ?? []).map { t in
            var tablets: [String: [ObjectID]] = [:]
            var rows: [String: Int64] = [:]
            for p in t.partitions {
                tablets[String(p.partition.id)] = p.tablets.map(\.tabletId)
                for tablet in p.tablets { rows[String(tablet.tabletId)] = tablet.rowsets.reduce(0) { $0 + $1.rowCount } }
            }
            return SnapshotMeta.Table(table: t.table, partitions: t.partitions.map(\.partition), tablets: tablets,
                                      tabletRows: record.metadataOnly ? nil : rows)
        }
        return try SnapshotMeta(database: record.databaseName, tables: tables).encode()
    }

    func info() throws -> [UInt8] {
        let tables = try (record.plan?.tables ?? []).map { t in
            let schemaHash = TabletHeader.schemaHash(of: t.table)
            return SnapshotInfoFile.Table(
                name: t.table.name, id: t.table.id,
                partitions: try t.partitions.map { p in
                    SnapshotInfoFile.Partition(
                        name: p.partition.name, id: p.partition.id, version: p.partition.visibleVersion,
                        indexes: [SnapshotInfoFile.Index(
                            name: t.table.name, id: t.table.baseIndexId, schemaHash: schemaHash,
                            tablets: try p.tablets.map { tablet in
                                SnapshotInfoFile.Tablet(id: tablet.tabletId, files: try files(of: tablet, schemaHash: schemaHash))
                            })])
                })
        }
        var backends: [Int64: Int64] = [:]
        for (tablet, backend) in record.sourceBackend { backends[tablet] = backend }
        return SnapshotInfoFile(
            name: record.label, database: record.databaseName, databaseId: record.databaseId,
            backupTime: record.createTime, content: record.metadataOnly ? "METADATA_ONLY" : "ALL", tables: tables,
            backupResult: "succeed", metaVersion: 1, tabletBackends: record.metadataOnly ? [:] : backends,
            provenance: try completedProvenance()
        ).encode()
    }

    /// The record's provenance with the bytes the snapshot covers and the bytes it wrote to its
    /// own folder (every tablet file and header not found in another snapshot's folder).
    func completedProvenance() throws -> SnapshotProvenance? {
        guard var provenance = record.provenance else { return nil }
        var total: Int64 = 0
        var elsewhere: Int64 = 0
        for t in record.plan?.tables ?? [] where !record.metadataOnly {
            let schemaHash = TabletHeader.schemaHash(of: t.table)
            for p in t.partitions {
                for tablet in p.tablets {
                    let header = try TabletHeader(tabletId: tablet.tabletId, schemaHash: schemaHash, rowsets: tablet.rowsets).encode()
                    var sizes = ["\(tablet.tabletId).hdr.\(Checksums.md5Hex(header))": Int64(header.count)]
                    for rowset in tablet.rowsets { sizes["\(rowset.fileName).\(rowset.md5)"] = rowset.size }
                    let located = provenance.fileLocations[tablet.tabletId] ?? [:]
                    for (file, size) in sizes {
                        total += size
                        if located[file] != nil { elsewhere += size }
                    }
                }
            }
        }
        provenance.totalBytes = total
        provenance.uploadedBytes = total - elsewhere
        return provenance
    }

    /// Writes `__meta`, then `__info`, once everything uploaded so far is durable — unless
    /// the snapshot folder already holds another job's `__info` or `__meta` (see
    /// `InfoOutcome.conflict`). Finding this job's own `__info` (written before a crash or a
    /// lost reply) counts as committed.
    func commit(to store: ObjectStore, repositoryName: String, cancel: SharedFlag) throws -> InfoOutcome {
        let paths = RepositoryPaths(repositoryName: repositoryName)
        let meta = try meta()
        let info = try info()
        let metaKey = paths.metaFile(label: record.label, md5: Checksums.md5Hex(meta))
        let infoKey = try infoKey(repositoryName: repositoryName)
        let folder = paths.snapshotDirectory(label: record.label) + "/"
        let present = try store.list(prefix: folder).map(\.key).filter { !$0.dropFirst(folder.count).contains("/") }
        let infos = present.filter { $0.dropFirst(folder.count).hasPrefix(RepositoryPaths.infoPrefix) }
        if infos == [infoKey] { return .committed }
        let foreignMeta = present.first { $0.dropFirst(folder.count).hasPrefix(RepositoryPaths.metaPrefix) && $0 != metaKey }
        if let other = infos.first ?? foreignMeta {
            return .conflict("Snapshot with name '\(record.label)' already exists in repository \(repositoryName): \(other.dropFirst(folder.count)) was written by another backup while this one ran, so this one was not committed")
        }
        let gone = try missingLocatedKeys(in: store, repositoryName: repositoryName)
        if let first = gone.first {
            return .conflict("\(gone.count) files this incremental backup reads from other snapshots are no longer in repository \(repositoryName) (dropped while it ran, e.g. by another cluster sharing it), first \(first); run the backup again")
        }
        try store.flush()
        try store.put(meta, key: metaKey)
        if cancel.isSet { throw ObjectStoreError(.cancelled, "cancelled") }
        try store.put(info, key: infoKey)
        try store.flush()
        return .committed
    }

    /// The key of this job's `__info` (another job's may share its timestamp, never its MD5).
    func infoKey(repositoryName: String) throws -> String {
        RepositoryPaths(repositoryName: repositoryName).infoFile(label: record.label, timestamp: record.snapshotTimestamp,
                                                                 md5: Checksums.md5Hex(try info()))
    }

    /// Every key this job writes under its snapshot folder: `__meta`, and each tablet's
    /// header and segment files — not those another snapshot's folder holds (`fileLocations`),
    /// which are not this job's to write or delete.
    func ownKeys(repositoryName: String) throws -> Set<String> {
        let paths = RepositoryPaths(repositoryName: repositoryName)
        var keys: Set<String> = [paths.metaFile(label: record.label, md5: Checksums.md5Hex(try meta()))]
        for t in record.plan?.tables ?? [] {
            let schemaHash = TabletHeader.schemaHash(of: t.table)
            for p in t.partitions {
                for tablet in p.tablets {
                    let directory = tabletDirectory(paths, table: t.table, partition: p.partition, tabletId: tablet.tabletId)
                    let elsewhere = record.provenance?.fileLocations[tablet.tabletId] ?? [:]
                    for file in try files(of: tablet, schemaHash: schemaHash) where elsewhere[file] == nil {
                        keys.insert(directory + "/" + file)
                    }
                }
            }
        }
        return keys
    }

    /// The repository key of every file this snapshot reads from another snapshot's folder
    /// (`fileLocations`), by tablet and file name.
    func locatedKeys(repositoryName: String) -> [(tablet: ObjectID, file: String, key: String)] {
        let paths = RepositoryPaths(repositoryName: repositoryName)
        var keys: [(tablet: ObjectID, file: String, key: String)] = []
        for t in record.plan?.tables ?? [] {
            for p in t.partitions {
                for tablet in p.tablets {
                    for (file, holder) in record.provenance?.fileLocations[tablet.tabletId] ?? [:] {
                        let directory = paths.tabletDirectory(
                            label: holder, dbId: record.databaseId, tableId: t.table.id, partitionId: p.partition.id,
                            indexId: t.table.baseIndexId, tabletId: tablet.tabletId)
                        keys.append((tablet.tabletId, file, directory + "/" + file))
                    }
                }
            }
        }
        return keys
    }

    /// The located keys (see `locatedKeys`) that the holder folders do not hold: listed, one
    /// listing per holder. Another cluster sharing the repository may drop a base this job
    /// reads; this is how the job finds out instead of committing a snapshot whose files are
    /// gone.
    func missingLocatedKeys(in store: ObjectStore, repositoryName: String) throws(ObjectStoreError) -> [String] {
        let located = locatedKeys(repositoryName: repositoryName)
        guard !located.isEmpty else { return [] }
        let paths = RepositoryPaths(repositoryName: repositoryName)
        var present: Set<String> = []
        for holder in Set(record.provenance?.fileLocations.values.flatMap(\.values) ?? []) {
            present.formUnion(try store.list(prefix: paths.contentDirectory(label: holder) + "/").map(\.key))
        }
        return located.map(\.key).filter { !present.contains($0) }.sorted()
    }

    /// The repository folder of one backed-up tablet.
    func tabletDirectory(_ paths: RepositoryPaths, table: TableRecord, partition: PartitionRecord, tabletId: ObjectID) -> String {
        paths.tabletDirectory(label: record.label, dbId: record.databaseId, tableId: table.id, partitionId: partition.id,
                              indexId: table.baseIndexId, tabletId: tabletId)
    }

    /// The tablet's files as `__info` lists them: its header, then its segments.
    func files(of tablet: BackupPlan.TabletPlan, schemaHash: Int64) throws -> [String] {
        guard !record.metadataOnly else { return [] }
        let header = try TabletHeader(tabletId: tablet.tabletId, schemaHash: schemaHash, rowsets: tablet.rowsets).encode()
        return ["\(tablet.tabletId).hdr.\(Checksums.md5Hex(header))"] + tablet.rowsets.map { "\($0.fileName).\($0.md5)" }
    }
}

/// How writing a snapshot's `__meta` and `__info` ended.
enum InfoOutcome: Sendable {
    case committed
    /// This snapshot must not commit: another job's snapshot of the same label is in the
    /// folder, or files it reads from other snapshots are gone.
    case conflict(String)
    case failed(String, needsOperator: Bool)
}
