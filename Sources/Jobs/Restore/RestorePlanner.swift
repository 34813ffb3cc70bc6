import Catalog
import Foundation
import Repository
import Storage

/// Decides what a restore does to the local catalog, and refuses what cannot work, with
/// Doris's messages plus the detail Doris leaves out (which column or partition differs).
/// It runs twice: when the statement is submitted (so mistakes fail at once) and again when
/// the job's PENDING step runs (the catalog may have changed in between).
public struct RestoreDesign: Sendable {
    public struct Table: Sendable {
        public var request: RestoreTableRequest
        public var source: SnapshotMeta.Table
        public var existing: TableRecord?
        /// force_replace: the existing table of another schema that a new one replaces.
        public var replacing: TableRecord?
        public var replicationNum: Int
        public var partitions: [Partition]
    }
    public struct Partition: Sendable {
        public var source: PartitionRecord
        public var existing: PartitionRecord?
        public var sourceTablets: [SnapshotInfoFile.Tablet]
        public var sourceIndexId: ObjectID
    }
    public var tables: [Table]
    /// The snapshot's provenance: where the files an incremental snapshot did not upload live.
    public var provenance: SnapshotProvenance?

    /// `table (p1, p2)` for every existing partition the restore replaces.
    public var overwrites: [String] {
        tables.compactMap { t in
            let names = t.partitions.compactMap { $0.existing?.name }
            return names.isEmpty ? nil : "\(t.request.targetName) (\(names.joined(separator: ", ")))"
        }
    }
}

public enum RestorePlanner {
    public static func design(
        request: RestoreRequest, info: SnapshotInfoFile, meta: SnapshotMeta, catalog: CatalogState, ownJob: Int64? = nil
    ) throws(JobError) -> RestoreDesign {
        let alive = catalog.backends.values.filter(\.alive).count
        var tables: [RestoreDesign.Table] = []
        for requested in request.tables {
            guard let infoTable = info.tables.first(where: { $0.name == requested.name }),
                let source = meta.tables.first(where: { $0.table.name == requested.name })
            else { throw JobError("Table \(requested.name) does not exist in snapshot \(request.label)") }
            let replication = request.reserveReplica ? source.table.replicationNum : request.replicationNum
            guard replication <= alive else {
                throw JobError("replication num should be less than the number of available backends. replication num is \(replication), available backend num is \(alive)")
            }
            let local = catalog.anyTable(named: requested.targetName, in: request.databaseId)
            if let local, let job = local.hiddenByJob, job != ownJob {
                throw JobError("Table \(requested.targetName) is being restored by job \(job)")
            }
            let visible = local?.hiddenByJob == nil ? local : nil
            var existing = visible
            var replacing: TableRecord?
            var partitions: [RestoreDesign.Partition]
            do {
                partitions = try plannedPartitions(requested, infoTable, source, existing: visible, replication: replication,
                                                   catalog: catalog, ownJob: ownJob)
            } catch where request.forceReplace {
                // The snapshot's table is built anew and replaces this one at commit.
                existing = nil
                replacing = visible
                partitions = try plannedPartitions(requested, infoTable, source, existing: nil, replication: replication,
                                                   catalog: catalog, ownJob: ownJob)
            }
            tables.append(RestoreDesign.Table(
                request: requested, source: source, existing: existing, replacing: replacing, replicationNum: replication,
                partitions: partitions))
        }
        return RestoreDesign(tables: tables, provenance: info.provenance)
    }

    private static func plannedPartitions(
        _ requested: RestoreTableRequest, _ infoTable: SnapshotInfoFile.Table, _ source: SnapshotMeta.Table, existing: TableRecord?,
        replication: Int, catalog: CatalogState, ownJob: Int64?
    ) throws(JobError) -> [RestoreDesign.Partition] {
        let localPartitions = existing.map { catalog.allPartitions(of: $0.id) } ?? []
        if let existing { try compareSchema(existing, source.table, alias: requested.targetName) }
        var partitions: [RestoreDesign.Partition] = []
        for infoPartition in infoTable.partitions where requested.partitions?.contains(infoPartition.name) ?? true {
            guard let sourcePartition = source.partitions.first(where: { $0.name == infoPartition.name }),
                let index = infoPartition.indexes.first
            else { throw JobError("Partition \(infoPartition.name) of table \(requested.name) does not exist in snapshot") }
            var match: PartitionRecord?
            if let existing {
                match = try matchPartition(sourcePartition, source: source.table, in: existing, local: localPartitions,
                                           replication: replication, ownJob: ownJob)
            }
            partitions.append(RestoreDesign.Partition(
                source: sourcePartition, existing: match, sourceTablets: index.tablets, sourceIndexId: index.id))
        }
        return partitions
    }

    private static func compareSchema(_ local: TableRecord, _ source: TableRecord, alias: String) throws(JobError) {
        let prefix = "Table \(alias) already exist but with different schema"
        guard local.partitionKind == source.partitionKind else { throw JobError("Table's partition type is different") }
        if local.columns.count != source.columns.count {
            throw JobError("\(prefix): it has \(local.columns.count) columns here and \(source.columns.count) in the snapshot")
        }
        for (l, s) in zip(local.columns, source.columns) where l.name != s.name || l.type != s.type || l.nullable != s.nullable || l.isKey != s.isKey
            || l.aggregationType != s.aggregationType {
            throw JobError("\(prefix): column '\(l.name)' is \(describe(l)) here and '\(s.name)' is \(describe(s)) in the snapshot")
        }
        if local.keysKind != source.keysKind { throw JobError("\(prefix): keys are \(local.keysKind.rawValue) here and \(source.keysKind.rawValue) in the snapshot") }
        if local.partitionColumns != source.partitionColumns {
            throw JobError("\(prefix): partitioned by (\(local.partitionColumns.joined(separator: ", "))) here and (\(source.partitionColumns.joined(separator: ", "))) in the snapshot")
        }
        if local.distributionColumns != source.distributionColumns {
            throw JobError("\(prefix): distributed by (\(local.distributionColumns.joined(separator: ", "))) here and (\(source.distributionColumns.joined(separator: ", "))) in the snapshot")
        }
    }

    private static func describe(_ c: Column) -> String {
        "\(c.type.sqlName)\(c.aggregationType.map { " " + $0.rawValue } ?? "")\(c.nullable ? "" : " NOT NULL")\(c.isKey ? " KEY" : "")"
    }

    private static func matchPartition(
        _ source: PartitionRecord, source table: TableRecord, in local: TableRecord, local partitions: [PartitionRecord],
        replication: Int, ownJob: Int64?
    ) throws(JobError) -> PartitionRecord? {
        let visible = partitions.filter { $0.hiddenByJob == nil }
        if let same = visible.first(where: { $0.name == source.name }) {
            guard same.bound == source.bound else {
                throw JobError("Partition \(source.name) in table \(local.name) has different partition item with partition in repository: \(describe(same.bound)) here, \(describe(source.bound)) in the snapshot")
            }
            guard same.buckets == source.buckets else {
                throw JobError("Table \(local.name) already exist but with different schema: partition \(source.name) has \(same.buckets) buckets here and \(source.buckets) in the snapshot")
            }
            guard local.replicationNum == replication else {
                throw JobError("Partition \(source.name) in table \(local.name) has different replication num '\(local.replicationNum)' with partition in repository, which is \(replication)")
            }
            return same
        }
        if local.partitionKind == .unpartitioned {
            throw JobError("No partition exist in single partitioned table \(local.name)")
        }
        for other in partitions where other.hiddenByJob == nil || other.hiddenByJob != ownJob {
            if overlaps(other.bound, source.bound) {
                throw JobError("Partition \(source.name) in table \(local.name) has conflict partition item with existing items: it overlaps partition \(other.name)")
            }
        }
        return nil
    }

    static func overlaps(_ a: PartitionBound, _ b: PartitionBound) -> Bool {
        switch (a, b) {
        case (.range(let l1, let u1), .range(let l2, let u2)):
            return RangeBounds.compare(l1, u2) < 0 && RangeBounds.compare(l2, u1) < 0
        case (.list(let v1), .list(let v2)):
            return !Set(v1).isDisjoint(with: Set(v2))
        default:
            return true
        }
    }

    static func describe(_ bound: PartitionBound) -> String {
        switch bound {
        case .all: return "(all)"
        case .range(let lower, let upper): return "[\(text(lower)), \(text(upper)))"
        case .list(let values): return "IN (" + values.map { "(" + $0.map { $0.displayText ?? "NULL" }.joined(separator: ", ") + ")" }.joined(separator: ", ") + ")"
        }
    }

    private static func text(_ bound: [BoundValue]) -> String {
        "(" + bound.map { v -> String in
            switch v {
            case .minimum: "MIN"
            case .maximum: "MAXVALUE"
            case .value(let x): x.displayText ?? "NULL"
            }
        }.joined(separator: ", ") + ")"
    }
}
