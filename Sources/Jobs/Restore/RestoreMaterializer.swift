import Catalog
import Foundation
import Repository

/// Creates, inside one catalog transaction, the hidden tables and partitions a restore needs,
/// and returns the plan that maps every backed-up tablet to a local one.
struct RestoreMaterializer {
    let design: RestoreDesign
    let record: RestoreJobRecord

    func materialize(_ tx: CatalogTransaction, now: Int64) throws -> RestorePlan {
        let paths = RepositoryPaths(repositoryName: record.request.repositoryName)
        var tables: [RestorePlan.Table] = []
        for design in design.tables {
            var target: TableRecord
            var isNew = false
            if let existing = design.existing {
                target = existing
            } else {
                isNew = true
                target = design.source.table
                target.id = try tx.nextId()
                target.baseIndexId = try tx.nextId()
                target.databaseId = record.request.databaseId
                // A replacement waits under a reserved name: names are unique, hidden tables included.
                target.name = design.replacing == nil ? design.request.targetName : Self.replacementName(design.request.targetName)
                target.replicationNum = design.replicationNum
                target.hiddenByJob = record.jobId
                target.createdAt = now / 1000
                target.properties = Self.propertiesForRestore(target.properties, replication: design.replicationNum,
                                                               keepDynamicPartitioning: record.request.reserveDynamicPartitionEnable)
                try tx.save(target)
            }
            var partitions: [RestorePlan.Partition] = []
            for p in design.partitions {
                let local: PartitionRecord
                if let existing = p.existing {
                    local = existing
                } else {
                    local = try tx.createPartition(
                        name: p.source.name, bound: p.source.bound, buckets: p.source.buckets,
                        replicationNum: design.replicationNum, table: target, now: now / 1000,
                        hiddenByJob: isNew ? nil : record.jobId)
                }
                let localTablets = tx.state.tablets(of: local.id)
                guard localTablets.count == p.sourceTablets.count else {
                    throw JobError("Partition \(local.name) of table \(target.name) has \(localTablets.count) tablets here and \(p.sourceTablets.count) in the snapshot")
                }
                var tablets: [RestorePlan.Tablet] = []
                for (source, tablet) in zip(p.sourceTablets, localTablets) {
                    let segments = source.files.filter { ($0 as NSString).deletingPathExtension.hasSuffix(".dat") }
                    var rowsetIds: [String: ObjectID] = [:]
                    for (file, id) in zip(segments, try tx.nextIds(segments.count)) {
                        rowsetIds[(file as NSString).deletingPathExtension] = id
                    }
                    let directory = { (label: String) in
                        paths.tabletDirectory(
                            label: label, dbId: design.source.table.databaseId, tableId: design.source.table.id,
                            partitionId: p.source.id, indexId: p.sourceIndexId, tabletId: source.id)
                    }
                    var elsewhere: [String: String] = [:]
                    for (file, holder) in self.design.provenance?.fileLocations[source.id] ?? [:] where source.files.contains(file) {
                        elsewhere[file] = directory(holder)
                    }
                    tablets.append(RestorePlan.Tablet(
                        sourceTabletId: source.id, targetTabletId: tablet.id,
                        backends: tx.state.replicas(of: tablet.id).map(\.backendId), remoteDirectory: directory(record.request.label),
                        files: source.files, rowsetIds: rowsetIds, partitionVersion: p.source.visibleVersion,
                        expectedRows: design.source.tabletRows?[String(source.id)], elsewhere: elsewhere.isEmpty ? nil : elsewhere))
                }
                partitions.append(RestorePlan.Partition(
                    targetPartitionId: local.id, name: local.name, isNew: p.existing == nil,
                    backedUpVersion: p.source.visibleVersion, tablets: tablets))
            }
            tables.append(RestorePlan.Table(
                sourceName: design.request.name, targetName: design.request.targetName, targetTableId: target.id, isNew: isNew,
                partitions: partitions, replacesTableId: design.replacing?.id))
        }
        var plan = RestorePlan(tables: tables)
        let holders = Set(plan.tablets.flatMap { tablet in
            (tablet.elsewhere ?? [:]).keys.compactMap { design.provenance?.fileLocations[tablet.sourceTabletId]?[$0] }
        })
        plan.holderLabels = holders.isEmpty ? nil : holders.sorted()
        return plan
    }

    /// The name a replacing table holds until commit (Doris's prefix for atomic restores).
    static func replacementName(_ name: String) -> String { "__doris_atomic_restore_prefix__" + name }

    /// Doris's property rewriting for tables built from a backup: dynamic partitioning off
    /// unless kept on purpose, and the requested replica count.
    static func propertiesForRestore(_ properties: [PropertyEntry], replication: Int, keepDynamicPartitioning: Bool) -> [PropertyEntry] {
        var result = properties.filter { $0.key != "replication_num" && $0.key != "replication_allocation" }
        if !keepDynamicPartitioning, let i = result.firstIndex(where: { $0.key == "dynamic_partition.enable" }) {
            result[i].value = "false"
        }
        result.append(PropertyEntry(key: "replication_num", value: String(replication)))
        return result
    }
}
