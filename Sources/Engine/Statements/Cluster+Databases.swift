import Catalog
import Essentials
import SQLSyntax
import Storage

extension Cluster {
    func createDatabase(_ name: String, ifNotExists: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        try NameRules.checkDatabase(name)
        if c.catalog.database(named: name) != nil {
            if ifNotExists { return ResultSet() }
            throw SQLError.databaseExists(name)
        }
        try write { tx in
            try tx.save(DatabaseRecord(id: try tx.nextId(), name: name, createdAt: Clock.nowSeconds()))
        }
        logger.info("created database \(name)")
        return ResultSet(affectedRows: 1)
    }

    func dropDatabase(_ name: String, ifExists: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        guard let database = c.catalog.database(named: name) else {
            if ifExists { return ResultSet() }
            throw SQLError(code: 1008, sqlState: "HY000", "Can't drop database '\(name)'; database doesn't exist")
        }
        let tables = c.catalog.allTables(in: database.id)
        try write { tx in
            for table in tables { try dropTableRecords(table, tx) }
            try tx.deleteDatabase(database.id)
        }
        removeGarbageNow()
        logger.info("dropped database \(name) with \(tables.count) tables")
        return ResultSet()
    }

    func useDatabase(_ name: String, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        guard c.catalog.database(named: name) != nil else { throw SQLError.unknownDatabase(name) }
        guard c.user.canSee(database: name) else {
            throw SQLError.databaseAccessDenied(user: c.user.name, database: name)
        }
        return ResultSet()
    }

    func showDatabases(like: String?, _ c: ExecutionContext) -> ResultSet {
        let pattern = like.map { LikePattern($0) }
        let names = c.catalog.databases.values.map(\.name)
            .filter { c.user.canSee(database: $0) && (pattern?.matches($0) ?? true) }
            .sorted()
        return ResultSet(columns: ["Database"], rows: names.map { [$0] })
    }

    func showTables(database: String?, like: String?, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let db = try c.database(database)
        guard c.user.canSee(database: db.name) else {
            throw SQLError.databaseAccessDenied(user: c.user.name, database: db.name)
        }
        let pattern = like.map { LikePattern($0) }
        let names = c.catalog.tables(in: db.id).map(\.name).filter { pattern?.matches($0) ?? true }.sorted()
        return ResultSet(columns: ["Tables_in_\(db.name)"], rows: names.map { [$0] })
    }

    /// Deletes a table's records and marks its tablet folders on every backend as garbage.
    func dropTableRecords(_ table: TableRecord, _ tx: CatalogTransaction) throws {
        for partition in tx.state.allPartitions(of: table.id) {
            try dropPartitionRecords(partition, tx)
        }
        try tx.deleteTable(table.id)
    }

    func dropPartitionRecords(_ partition: PartitionRecord, _ tx: CatalogTransaction) throws {
        for folder in try tx.deletePartitionTree(partition) { try tx.addGarbage(folder) }
    }

    /// Deletes the files recorded as garbage now that the catalog no longer references them,
    /// and returns how many paths went. A path that cannot be deleted stays recorded, for the
    /// next clean-up (the next start at the latest).
    @discardableResult
    func removeGarbageNow() -> Int {
        do {
            var removed: [String] = []
            for path in try store.garbagePaths() {
                if let failure = DurableFile.removeWithStaging(layout.absolute(path)) {
                    logger.warning("\(failure); it stays recorded as garbage")
                } else {
                    removed.append(path)
                }
            }
            if !removed.isEmpty { try store.removeGarbage(removed) }
            return removed.count
        } catch {
            logger.warning("cannot clean up garbage files: \(error)")
            return 0
        }
    }
}
