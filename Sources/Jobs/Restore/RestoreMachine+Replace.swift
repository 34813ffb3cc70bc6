import Catalog
import Foundation

/// The commit steps that remove what the restore's properties say must go: the tables
/// force_replace replaces, and with clean_tables / clean_partitions what the snapshot lacks.
/// They run inside the commit's catalog transaction, so a crash before it commits leaves every
/// table in place and a crash after it leaves none half dropped.
extension RestoreMachine {
    /// What a commit dropped, for the log.
    struct Removals {
        var tables: [String] = []
        var partitions: [String] = []
    }

    static func applyRemovals(plan: RestorePlan, request: RestoreRequest, tx: CatalogTransaction) throws -> Removals {
        var removals = Removals()
        for table in plan.tables {
            guard let replaced = table.replacesTableId else { continue }
            if let old = tx.state.tables[replaced] {
                try dropTable(old, tx: tx)
                removals.tables.append("\(old.name) (replaced)")
            }
            guard var restored = tx.state.tables[table.targetTableId] else { throw JobError("table \(table.targetTableId) has been dropped") }
            restored.name = table.targetName
            try tx.save(restored)
        }
        if request.cleanTables {
            let kept = Set(plan.tables.map(\.targetName))
            for table in tx.state.tables(in: request.databaseId) where !kept.contains(table.name) {
                try dropTable(table, tx: tx)
                removals.tables.append(table.name)
            }
        }
        if request.cleanPartitions {
            for table in plan.tables {
                let kept = Set(table.partitions.map(\.name))
                for partition in tx.state.partitions(of: table.targetTableId) where !kept.contains(partition.name) {
                    for folder in try tx.deletePartitionTree(partition) { try tx.addGarbage(folder) }
                    removals.partitions.append("\(table.targetName).\(partition.name)")
                }
            }
        }
        return removals
    }

    private static func dropTable(_ table: TableRecord, tx: CatalogTransaction) throws {
        for partition in tx.state.allPartitions(of: table.id) {
            for folder in try tx.deletePartitionTree(partition) { try tx.addGarbage(folder) }
        }
        try tx.deleteTable(table.id)
    }
}
