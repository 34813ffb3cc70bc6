import Engine
import MySQLWire
import SQLSyntax

/// COM_FIELD_LIST, which the mysql client sends for every table to complete column names: the
/// table's columns (those matching the wildcard) with their types and defaults.
struct FieldLister {
    let cluster: Cluster
    let writer: ResultSetWriter

    func list(table: String, wildcard: String, session: inout Session, status: ServerStatus) -> [[UInt8]] {
        guard let database = session.database else {
            return [errPacket(.noDatabaseSelected()).encode()]
        }
        let name = TableName(database: database, name: table)
        do {
            // The columns' types come from a query that returns none of the rows; their
            // defaults from DESCRIBE, which the same privilege lets the user run.
            let empty = try cluster.execute(.select(Select(items: [.star], table: name, limit: 0)), session: &session)
            let described = try cluster.execute(.describe(name), session: &session)
            let defaults = Dictionary(
                described.rows.compactMap { row in row.first.flatMap { $0 }.map { ($0.lowercased(), row.count > 4 ? row[4] : nil) } },
                uniquingKeysWith: { first, _ in first })
            let pattern = wildcard.isEmpty ? nil : LikePattern(wildcard)
            let columns = ColumnDefinitions.of(empty, schema: database, table: table)
                .filter { pattern?.matches($0.name) ?? true }
                .map { FieldListColumn(column: $0, defaultValue: defaults[$0.name.lowercased()] ?? nil) }
            return writer.fieldList(columns, status: status)
        } catch {
            return [errPacket(error).encode()]
        }
    }
}
