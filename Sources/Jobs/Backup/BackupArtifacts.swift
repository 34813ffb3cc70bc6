import Catalog
import Foundation
import Repository
import Storage

/// The `__meta` and `__info` files of a backup, generated from its journalled plan, so they
/// come out the same whether written now or after a restart.
struct BackupArtifacts {
    let record: BackupJobRecord

    func meta() -> [UInt8] {
        let tables = (record.plan?.tables ?? []).map { t in
            var tablets: [String: [ObjectID]] = [:]
            for p in t.partitions { tablets[String(p.partition.id)] = p.tablets.map(\.tabletId) }
            return SnapshotMeta.Table(table: t.table, partitions: t.partitions.map(\.partition), tablets: tablets)
        }
        return SnapshotMeta(database: record.databaseName, tables: tables).encode()
    }

    func info() -> [UInt8] {
        let tables = (record.plan?.tables ?? []).map { t in
            let schemaHash = TabletHeader.schemaHash(of: t.table)
            return SnapshotInfoFile.Table(
                name: t.table.name, id: t.table.id,
                partitions: t.partitions.map { p in
                    SnapshotInfoFile.Partition(
                        name: p.partition.name, id: p.partition.id, version: p.partition.visibleVersion,
                        indexes: [SnapshotInfoFile.Index(
                            name: t.table.name, id: t.table.baseIndexId, schemaHash: schemaHash,
                            tablets: p.tablets.map { tablet in
                                SnapshotInfoFile.Tablet(id: tablet.tabletId, files: files(of: tablet, schemaHash: schemaHash))
                            })])
                })
        }
        var backends: [Int64: Int64] = [:]
        for (tablet, backend) in record.sourceBackend { backends[tablet] = backend }
        return SnapshotInfoFile(
            name: record.label, database: record.databaseName, databaseId: record.databaseId,
            backupTime: record.createTime, content: record.metadataOnly ? "METADATA_ONLY" : "ALL", tables: tables,
            backupResult: "succeed", metaVersion: 1, tabletBackends: record.metadataOnly ? [:] : backends
        ).encode()
    }

    private func files(of tablet: BackupPlan.TabletPlan, schemaHash: Int64) -> [String] {
        guard !record.metadataOnly else { return [] }
        let header = TabletHeader(tabletId: tablet.tabletId, schemaHash: schemaHash, rowsets: tablet.rowsets).encode()
        return ["\(tablet.tabletId).hdr.\(Checksums.md5Hex(header))"] + tablet.rowsets.map { "\($0.fileName).\($0.md5)" }
    }
}
