import Catalog
import Foundation
import SQLSyntax
import Storage

/// CREATE/DROP/TRUNCATE/ALTER TABLE.
struct TableStatements: StatementFamily {
    let services: ClusterServices

    func createTable(_ create: CreateTable, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let database = try c.database(create.name.database)
        if let existing = c.catalog.anyTable(named: create.name.name, in: database.id) {
            if let job = existing.hiddenByJob {
                throw SQLError.general("Table '\(create.name.name)' is being restored by job \(job); wait for it or cancel the restore")
            }
            if create.ifNotExists { return ResultSet() }
            throw SQLError.tableExists(create.name.name)
        }
        let (planned, partitions) = try TablePlanner(catalog: c.catalog, maxBuckets: services.configInt("max_bucket_num_per_partition")).plan(create, databaseId: database.id)
        let table = try write { tx in
            var table = planned
            table.id = try tx.nextId()
            table.baseIndexId = try tx.nextId()
            try tx.save(table)
            for (name, bound) in partitions {
                try addPartition(name: name, bound: bound, buckets: table.defaultBuckets, to: table, tx)
            }
            return table
        }
        try DynamicPartitions(services: services).refresh(tableId: table.id)
        logger.info("created table \(database.name).\(table.name) with \(partitions.count) partitions")
        return ResultSet()
    }

    /// Creates a partition with its tablets and replicas (see `CatalogTransaction.createPartition`).
    @discardableResult
    func addPartition(name: String, bound: PartitionBound, buckets: Int, to table: TableRecord, _ tx: CatalogTransaction) throws -> PartitionRecord {
        do {
            return try tx.createPartition(
                name: name, bound: bound, buckets: buckets, replicationNum: table.replicationNum, table: table,
                now: Clock.nowSeconds())
        } catch let error as NotEnoughBackends {
            throw SQLError.general(error.description)
        }
    }

    func dropTable(_ name: TableName, ifExists: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let database = try c.database(name.database)
        guard let table = c.catalog.table(named: name.name, in: database.id) else {
            if ifExists { return ResultSet() }
            throw SQLError(code: 1051, sqlState: "42S02", "Unknown table '\(name.name)'")
        }
        try write { tx in try tx.dropTableAndData(table) }
        removeGarbageNow()
        logger.info("dropped table \(database.name).\(table.name)")
        return ResultSet()
    }

    func truncateTable(_ name: TableName, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (database, table) = try c.table(name)
        try c.require(.load, on: database.name)
        try write { tx in
            for partition in tx.state.partitions(of: table.id) {
                try clearPartitionData(partition, tx)
            }
        }
        removeGarbageNow()
        return ResultSet()
    }

    /// Removes every rowset of a partition and bumps its version (the data is gone; the
    /// partition and its tablets stay).
    func clearPartitionData(_ partition: PartitionRecord, _ tx: CatalogTransaction) throws {
        var cleared = partition
        for tablet in tx.state.tablets(of: partition.id) {
            for rowset in tx.state.rowsets(of: tablet.id) {
                for replica in tx.state.replicas(of: tablet.id) {
                    try tx.addGarbage(layout.segmentFile(backend: replica.backendId, tablet: tablet.id, rowset: rowset.id))
                }
                try tx.deleteRowset(rowset.id)
            }
        }
        cleared.visibleVersion += 1
        cleared.visibleVersionTime = Clock.nowSeconds()
        try tx.save(cleared)
    }

    func alterTable(_ name: TableName, _ action: AlterTableAction, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let (_, table) = try c.table(name)
        switch action {
        case .setProperties(let properties):
            var changed = table
            for p in properties {
                if p.key == "replication_num" || p.key == "replication_allocation" {
                    throw SQLError.general("Changing the replication of an existing table is not supported yet")
                }
                changed.properties.removeAll { $0.key == p.key }
                changed.properties.append(PropertyEntry(key: p.key, value: p.value))
            }
            try write { tx in try tx.save(changed) }
            try DynamicPartitions(services: services).refresh(tableId: table.id)
        case .addPartition(let definition, let distribution):
            guard table.partitionKind != .unpartitioned else {
                throw SQLError.general("Table \(table.name) is not partitioned")
            }
            let existing = c.catalog.allPartitions(of: table.id)
            if definition.ifNotExists, existing.contains(where: { $0.name == definition.name }) { return ResultSet() }
            let bound = try PartitionBounds(table: table).bound(for: definition, existing: existing.map { ($0.name, $0.bound) })
            if let n = try ReplicationProperty.count(in: definition.properties.map { ($0.key, $0.value) }), n != table.replicationNum {
                throw SQLError.general(
                    "Partition \(definition.name): a replica count (\(n)) other than the table's (\(table.replicationNum)) is not supported; SnapDeck keeps one replica count per table")
            }
            let buckets = try distribution.map { d throws(SQLError) in try TablePlanner.buckets(d.buckets, limit: services.configInt("max_bucket_num_per_partition")) } ?? table.defaultBuckets
            _ = try write { tx in try addPartition(name: definition.name, bound: bound, buckets: buckets, to: table, tx) }
        case .dropPartition(let partitionName, let ifExists):
            guard let partition = c.catalog.partitions(of: table.id).first(where: { $0.name == partitionName }) else {
                if ifExists { return ResultSet() }
                throw SQLError.general("Error in list of partitions to \(table.name): partition \(partitionName) does not exist")
            }
            guard table.partitionKind != .unpartitioned else {
                throw SQLError.general("Table \(table.name) is not partitioned; drop the table instead")
            }
            try write { tx in try tx.dropPartitionAndData(partition) }
            removeGarbageNow()
        }
        return ResultSet()
    }
}
