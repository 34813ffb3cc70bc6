import Console
import Foundation

extension ShowReading {
    /// Schemas of the servers themselves, never user data: MySQL/MariaDB's, Doris's
    /// `__internal_schema` (statistics, audit), StarRocks's `_statistics_` and `sys`.
    public static let systemSchemas: Set<String> = [
        "information_schema", "mysql", "performance_schema", "sys", "__internal_schema", "_statistics_",
    ]

    /// `SHOW DATABASES` without the system schemas, as database nodes without children.
    public static func databases(from result: RemoteResult) throws(SourceProblem) -> [CatalogNode] {
        try firstColumn(of: result, statement: "SHOW DATABASES")
            .filter { !systemSchemas.contains($0.lowercased()) }
            .map { CatalogNode(kind: .database, id: 0, name: $0) }
    }

    /// `SHOW [FULL] TABLES`: the first column, whose name carries the database (`Tables_in_shop`).
    /// Views are left out when `Table_type` tells them (`SHOW FULL TABLES`): they hold no data to back up.
    public static func tables(from result: RemoteResult) throws(SourceProblem) -> [CatalogNode] {
        let table = ShowTable(result, statement: "SHOW TABLES")
        let names = try firstColumn(of: result, statement: "SHOW TABLES")
        return zip(names, result.rows)
            .filter { table.value($1, "Table_type")?.uppercased() != "VIEW" }
            .map { CatalogNode(kind: .table, id: 0, name: $0.0) }
    }

    private static func firstColumn(of result: RemoteResult, statement: String) throws(SourceProblem) -> [String] {
        guard !result.columns.isEmpty else {
            throw SourceProblem.unexpectedTable(statement: statement, missing: ["name"], columns: [])
        }
        return result.rows.compactMap { $0.first.flatMap { $0 } }
    }

    /// `SHOW PARTITIONS FROM db.t`: Doris's `PartitionId, PartitionName, VisibleVersion, …, Range,
    /// Buckets, ReplicationNum, …, DataSize` (`1.500 KB`), newer Doris's `RowCount`, SnapDeck's
    /// `SegmentCount`. What a server does not print stays 0 / nil.
    public static func partitions(from result: RemoteResult) throws(SourceProblem) -> [CatalogNode] {
        let table = ShowTable(result, statement: "SHOW PARTITIONS")
        try table.require([["PartitionName"]])
        return result.rows.compactMap { row in
            guard let name = table.value(row, "PartitionName") else { return nil }
            return CatalogNode(
                kind: .partition, id: table.int64(row, "PartitionId") ?? 0, name: name,
                rows: table.int64(row, "RowCount") ?? 0,
                bytes: table.value(row, "DataSize").flatMap(DataSize.bytes) ?? 0,
                files: table.int64(row, "SegmentCount").map { Int($0) } ?? 0,
                version: table.int64(row, "VisibleVersion"), range: table.value(row, "Range"))
        }
    }

    /// `SHOW TABLET FROM db.t [PARTITION (p)]` / `SHOW TABLETS FROM db.t`: one row per replica,
    /// grouped into one node per tablet with the replicas' backends in the server's order. Figures
    /// are one replica's (the largest, as replicas catch up): Doris's `DataSize` or
    /// `LocalDataSize`, `RowCount`, `Version`, `VersionCount`; SnapDeck's `FileCount`.
    public static func tablets(from result: RemoteResult) throws(SourceProblem) -> [CatalogNode] {
        let table = ShowTable(result, statement: "SHOW TABLET")
        try table.require([["TabletId"]])
        var order: [Int64] = []
        var byId: [Int64: CatalogNode] = [:]
        for row in result.rows {
            guard let id = table.int64(row, "TabletId") else { continue }
            var node = byId[id] ?? CatalogNode(kind: .tablet, id: id, name: String(id))
            if byId[id] == nil { order.append(id) }
            if let backend = table.int64(row, "BackendId"), !node.backends.contains(backend) {
                node.backends.append(backend)
            }
            node.rows = max(node.rows, table.int64(row, "RowCount") ?? 0)
            let size = table.value(row, "LocalDataSize", "DataSize").flatMap(DataSize.bytes) ?? 0
            node.bytes = max(node.bytes, size)
            node.files = max(node.files, Int(table.int64(row, "FileCount") ?? 0))
            if let version = table.int64(row, "Version") { node.version = max(node.version ?? version, version) }
            if let count = table.int64(row, "VersionCount") { node.versionCount = max(node.versionCount ?? 0, Int(count)) }
            byId[id] = node
        }
        return order.compactMap { byId[$0] }
    }
}

/// Sizes as SHOW prints them.
public enum DataSize {
    /// Bytes of `1.500 KB`, `12.466 MB`, `0.000 ` (Doris prints zero without a unit), `512.000 B`,
    /// `3 GiB` or a bare byte count. Units are binary (Doris divides by 1024). nil for anything else.
    public static func bytes(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numberEnd = trimmed.firstIndex { !($0.isNumber || $0 == "." || $0 == "-") } ?? trimmed.endIndex
        guard let number = Double(trimmed[..<numberEnd]), number >= 0 else { return nil }
        let unit = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces).uppercased()
        let exponent: Double
        switch unit {
        case "", "B", "BYTES": exponent = 0
        case "K", "KB", "KIB": exponent = 1
        case "M", "MB", "MIB": exponent = 2
        case "G", "GB", "GIB": exponent = 3
        case "T", "TB", "TIB": exponent = 4
        case "P", "PB", "PIB": exponent = 5
        default: return nil
        }
        return Int64((number * pow(1024, exponent)).rounded())
    }
}
