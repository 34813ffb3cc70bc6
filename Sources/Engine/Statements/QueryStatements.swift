import Catalog
import SQLSyntax
import Storage

/// SELECT and CHECKSUM TABLE.
struct QueryStatements: StatementFamily {
    let services: ClusterServices

    func select(_ select: Select, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (database, table) = try c.table(select.table)
        try c.require(.select, on: database.name)
        let partitions = try chosenPartitions(select.partitions, of: table, c.catalog)
        let filter = try RowFilter(select.filter, table: table)
        let binder = ExpressionBinder(columns: table.columns) { expression throws(SQLError) in
            try ValueSelectStatements(services: services).sessionValue(expression, c)
        }
        let plan = try SelectPlan(SelectRequest(select, columns: table.columns, binder: binder, c), binder: binder)
        let catalog = c.catalog
        return try plan.run(
            { visit throws(SQLError) in
                try scan(partitions, table, catalog) { row throws(SQLError) in
                    filter.matches(row) ? try visit(row) : true
                }
            },
            // Stored counts are per load; a merging table's COUNT(*) must count folded rows.
            knownRowCount: filter.isEmpty && !table.mergesOnRead ? { () throws(SQLError) in rowCount(partitions, catalog) } : nil)
    }

    /// MySQL's CHECKSUM TABLE: the wrapping sum of a 64-bit hash of every row's canonical
    /// encoding, so it does not depend on row order, tablet layout, replicas or backends.
    func checksumTables(_ names: [TableName], _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        var rows: [[String?]] = []
        for name in names {
            let (database, table) = try c.table(name)
            try c.require(.select, on: database.name)
            var sum: UInt64 = 0
            let tableRows = TableRows(reader: TabletReader(layout: layout), table: table, catalog: c.catalog)
            for partition in c.catalog.partitions(of: table.id) {
                for group in tableRows.foldingGroups(of: partition.id) {
                    try scanErrors { sum &+= try tableRows.checksum(of: group) }
                }
            }
            rows.append(["\(database.name).\(table.name)", String(sum)])
        }
        return ResultSet(columns: ["Table", "Checksum"], rows: rows)
    }

    private func chosenPartitions(_ names: [String]?, of table: TableRecord, _ catalog: CatalogState) throws(SQLError) -> [PartitionRecord] {
        let all = catalog.partitions(of: table.id)
        guard let names else { return all }
        var chosen: [PartitionRecord] = []
        for name in names {
            guard let p = all.first(where: { $0.name == name }) else { throw SQLError.unknownPartition(name, table: table.name) }
            chosen.append(p)
        }
        return chosen
    }

    /// The rows of the partitions, from the rowsets' counts.
    private func rowCount(_ partitions: [PartitionRecord], _ catalog: CatalogState) -> Int64 {
        partitions.reduce(0) { total, p in
            total + catalog.tablets(of: p.id).reduce(0) { $0 + catalog.rowsets(of: $1.id).reduce(0) { $0 + $1.rowCount } }
        }
    }

    /// Calls `visit` with each row of the partitions until it returns false.
    private func scan(
        _ partitions: [PartitionRecord], _ table: TableRecord, _ catalog: CatalogState, _ visit: ([Value]) throws(SQLError) -> Bool
    ) throws(SQLError) {
        let rows = TableRows(reader: TabletReader(layout: layout), table: table, catalog: catalog)
        var going = true
        for partition in partitions where going {
            for group in rows.foldingGroups(of: partition.id) where going {
                try scanErrors { going = try rows.forEachRow(in: group) { row in try visit(row) } }
            }
        }
    }

    private func scanErrors(_ body: () throws -> Void) throws(SQLError) {
        do {
            try body()
        } catch let error as SQLError {
            throw error
        } catch let error as TabletReader.Unreadable {
            logger.error("\(error)")
            throw SQLError.general(error.description)
        } catch {
            logger.error("scan failed: \(error)")
            throw SQLError.general("scan failed: \(error)")
        }
    }
}

extension ColumnType {
    /// How a column of this type is described in a result.
    var resultType: ResultColumnType {
        switch self {
        case .tinyint: return .tinyint
        case .smallint: return .smallint
        case .int: return .int
        case .bigint: return .bigint
        case .largeint: return .largeint
        case .boolean: return .boolean
        case .float: return .float
        case .double: return .double
        case .decimal(let precision, let scale): return .decimal(precision: precision, scale: scale)
        case .char(let length): return .char(length: length)
        case .varchar(let length): return .varchar(length: length)
        case .string: return .string
        case .date: return .date
        // The wire type has no fraction width; the cells carry the digits.
        case .datetime, .datetimeV2: return .datetime
        }
    }
}
