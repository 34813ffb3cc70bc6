import Catalog
import Essentials
import SQLSyntax
import Storage

/// CREATE/DROP/USE/SHOW DATABASES and SHOW TABLES.
struct DatabaseStatements: StatementFamily {
    let services: ClusterServices

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
            for table in tables { try tx.dropTableAndData(table) }
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

}
