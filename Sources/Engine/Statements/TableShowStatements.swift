import Catalog
import Essentials
import SQLSyntax
import Storage

/// SHOW CREATE TABLE and DESCRIBE.
struct TableShowStatements: StatementFamily {
    let services: ClusterServices

    func showCreateTable(_ name: TableName, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (_, table) = try c.visibleTable(name)
        let ddl = TableDDL(table: table, partitions: c.catalog.partitions(of: table.id)).text
        return ResultSet(columns: ["Table", "Create Table"], rows: [[table.name, ddl]])
    }

    func describe(_ name: TableName, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (_, table) = try c.visibleTable(name)
        let rows: [[String?]] = zip(table.columns, table.foldings).map { column, folding in
            [column.name, column.type.sqlName, column.nullable ? "Yes" : "No", column.isKey ? "true" : "false",
             column.defaultValue, folding?.rawValue ?? (column.isKey ? "" : "NONE")]
        }
        return ResultSet(columns: ["Field", "Type", "Null", "Key", "Default", "Extra"], rows: rows)
    }
}

/// Regenerates a table's `CREATE TABLE` statement from the catalog, in Doris's layout.
struct TableDDL {
    let table: TableRecord
    let partitions: [PartitionRecord]

    var text: String {
        var lines = ["CREATE TABLE \(Quoting.sqlIdentifier(table.name)) ("]
        let columnLines = table.columns.map { column -> String in
            var line = "  \(Quoting.sqlIdentifier(column.name)) \(column.type.sqlName)"
            // Only AGGREGATE tables write theirs; a UNIQUE table's REPLACE is implied, as in Doris.
            if table.keysKind == .aggregate, let aggregation = column.aggregationType { line += " " + aggregation.rawValue }
            line += column.nullable ? " NULL" : " NOT NULL"
            if let d = column.defaultValue { line += " DEFAULT " + Quoting.sqlString(d) }
            if !column.comment.isEmpty { line += " COMMENT " + Quoting.sqlString(column.comment, quote: "'") }
            return line
        }
        lines.append(columnLines.joined(separator: ",\n"))
        lines.append(") ENGINE=OLAP")
        let keys = table.columns.filter(\.isKey).map { Quoting.sqlIdentifier($0.name) }.joined(separator: ", ")
        lines.append("\(table.keysKind.rawValue) KEY(\(keys))")
        if !table.comment.isEmpty { lines.append("COMMENT " + Quoting.sqlString(table.comment, quote: "'")) }
        if table.partitionKind != .unpartitioned {
            lines.append(partitionClause)
        }
        if table.distributionColumns.isEmpty {
            lines.append("DISTRIBUTED BY RANDOM BUCKETS \(table.defaultBuckets)")
        } else {
            let cols = table.distributionColumns.map(Quoting.sqlIdentifier).joined(separator: ", ")
            lines.append("DISTRIBUTED BY HASH(\(cols)) BUCKETS \(table.defaultBuckets)")
        }
        var properties = [("replication_allocation", "tag.location.default: \(table.replicationNum)")]
        for p in table.properties where p.key != "replication_num" && p.key != "replication_allocation" {
            properties.append((p.key, p.value))
        }
        lines.append("PROPERTIES (\n" + properties.map { Quoting.sqlString($0.0) + " = " + Quoting.sqlString($0.1) }.joined(separator: ",\n") + "\n);")
        return lines.joined(separator: "\n")
    }

    private var partitionClause: String {
        let cols = table.partitionColumns.map(Quoting.sqlIdentifier).joined(separator: ", ")
        let items = partitions.map { p -> String in
            switch p.bound {
            case .range(let lower, let upper):
                return "PARTITION \(p.name) VALUES [\(tuple(lower)), \(tuple(upper)))"
            case .list(let values):
                let tuples = values.map { "(" + $0.map { Quoting.sqlString($0.displayText ?? "NULL") }.joined(separator: ", ") + ")" }
                return "PARTITION \(p.name) VALUES IN (\(tuples.joined(separator: ", ")))"
            case .all:
                return ""
            }
        }
        return "PARTITION BY \(table.partitionKind.rawValue)(\(cols))\n(" + items.joined(separator: ",\n") + ")"
    }

    private func tuple(_ bound: [BoundValue]) -> String {
        if bound.allSatisfy({ $0 == .maximum }) { return "(MAXVALUE)" }
        let types = table.partitionColumns.compactMap { table.column(named: $0)?.type }
        return "(" + zip(bound, types).map { value, type -> String in
            switch value {
            case .minimum: return "\"\(PartitionBounds.minimumText(type))\""
            case .maximum: return "MAXVALUE"
            case .value(let v): return Quoting.sqlString(v.displayText ?? "NULL")
            }
        }.joined(separator: ", ") + ")"
    }
}

import Foundation
