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
        let offset = select.offset ?? 0
        // `sql_select_limit` caps every SELECT, as in MySQL.
        let limit = min(select.limit ?? Int.max, c.session.sqlSelectLimit)
        if select.items == [.countStar] {
            let total = [[String(try count(partitions, table, filter, c.catalog))]]
            return ResultSet(columns: ["count(*)"], types: [.bigint], rows: Array(total.dropFirst(offset).prefix(limit)))
        }
        if select.items.contains(.countStar) {
            throw SQLError.general("COUNT(*) together with columns needs GROUP BY, which is not supported")
        }
        var projection: [Int] = []
        var names: [String] = []
        for item in select.items {
            switch item {
            case .star:
                projection += table.columns.indices
                names += table.columns.map(\.name)
            case .column(let name):
                guard let i = table.columnIndex(named: name) else { throw SQLError.unknownColumn(name) }
                projection.append(i)
                names.append(table.columns[i].name)
            case .countStar:
                break
            }
        }
        var order: [(Int, Bool)] = []
        for key in select.orderBy {
            guard let i = table.columnIndex(named: key.column) else { throw SQLError.unknownColumn(key.column, in: "order clause") }
            order.append((i, key.descending))
        }
        // Without ORDER BY the scan can stop as soon as LIMIT is reached.
        let stopAfter = order.isEmpty && limit < Int.max ? limit + min(offset, Int.max - limit) : nil
        var matched: [[Value]] = []
        try scan(partitions, table, c.catalog) { row in
            if filter.matches(row) { matched.append(row) }
            return stopAfter.map { matched.count < $0 } ?? true
        }
        if !order.isEmpty {
            matched.sort { a, b in
                for (i, descending) in order {
                    let c = Value.compare(a[i], b[i])
                    if c != 0 { return descending ? c > 0 : c < 0 }
                }
                return false
            }
        }
        let start = min(offset, matched.count)
        let end = start + min(limit, matched.count - start)
        let rows = matched[start..<end].map { row in projection.map { row[$0].displayText } }
        return ResultSet(columns: names, types: projection.map { table.columns[$0].type.resultType }, rows: rows)
    }

    /// MySQL's CHECKSUM TABLE: the wrapping sum of a 64-bit hash of every row's canonical
    /// encoding, so it does not depend on row order, tablet layout, replicas or backends.
    func checksumTables(_ names: [TableName], _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        var rows: [[String?]] = []
        for name in names {
            let (database, table) = try c.table(name)
            try c.require(.select, on: database.name)
            var sum: UInt64 = 0
            let types = table.columns.map(\.type)
            let reader = TabletReader(layout: layout)
            for partition in c.catalog.partitions(of: table.id) {
                for tablet in c.catalog.tablets(of: partition.id) {
                    try scanErrors {
                        try reader.forEachSegment(tablet: tablet.id, catalog: c.catalog, types: types) { segment in
                            while let range = try segment.skipRow() {
                                sum &+= RowHasher.hash(segment.rowBytes(range))
                            }
                        }
                    }
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

    private func count(_ partitions: [PartitionRecord], _ table: TableRecord, _ filter: RowFilter, _ catalog: CatalogState) throws(SQLError) -> Int64 {
        if filter.isEmpty {
            return partitions.reduce(0) { total, p in
                total + catalog.tablets(of: p.id).reduce(0) { $0 + catalog.rowsets(of: $1.id).reduce(0) { $0 + $1.rowCount } }
            }
        }
        var n: Int64 = 0
        try scan(partitions, table, catalog) { row in
            if filter.matches(row) { n += 1 }
            return true
        }
        return n
    }

    /// Calls `visit` with each row of the partitions until it returns false.
    private func scan(_ partitions: [PartitionRecord], _ table: TableRecord, _ catalog: CatalogState, _ visit: ([Value]) -> Bool) throws(SQLError) {
        let types = table.columns.map(\.type)
        let reader = TabletReader(layout: layout)
        var row: [Value] = []
        row.reserveCapacity(types.count)
        var going = true
        for partition in partitions where going {
            for tablet in catalog.tablets(of: partition.id) where going {
                try scanErrors {
                    try reader.forEachSegment(tablet: tablet.id, catalog: catalog, types: types) { segment in
                        while going, try segment.next(into: &row) != nil { going = visit(row) }
                    }
                }
            }
        }
    }

    private func scanErrors(_ body: () throws -> Void) throws(SQLError) {
        do {
            try body()
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
