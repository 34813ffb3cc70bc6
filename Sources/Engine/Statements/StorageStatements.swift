import Catalog
import Essentials
import SQLSyntax
import Storage

/// SHOW PARTITIONS, SHOW TABLETS and SHOW BACKENDS.
struct StorageStatements: StatementFamily {
    let services: ClusterServices

    /// Doris's SHOW PARTITIONS columns that mean something here, plus file counts.
    func showPartitions(_ name: TableName, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (_, table) = try c.visibleTable(name)
        let types = table.partitionColumns.compactMap { table.column(named: $0)?.type }
        var rows: [[String?]] = []
        for p in c.catalog.partitions(of: table.id) {
            let rowsets = c.catalog.tablets(of: p.id).flatMap { c.catalog.rowsets(of: $0.id) }
            let range: String
            switch p.bound {
            case .all: range = ""
            case .range(let lower, let upper): range = PartitionBounds.describe(lower: lower, upper: upper, types: types)
            case .list(let values):
                range = "[" + values.map { "(" + $0.map { "'\($0.displayText ?? "NULL")'" }.joined(separator: ", ") + ")" }.joined(separator: ", ") + "]"
            }
            let size = rowsets.reduce(Int64(0)) { $0 + $1.size }
            rows.append([
                String(p.id), p.name, String(p.visibleVersion), Clock.format(p.visibleVersionTime), "NORMAL",
                table.partitionColumns.joined(separator: ", "), range,
                table.distributionColumns.isEmpty ? "RANDOM" : table.distributionColumns.joined(separator: ", "),
                String(p.buckets), String(table.replicationNum), "HDD",
                ByteFormat.human(size * Int64(table.replicationNum)), String(rowsets.count),
                String(rowsets.reduce(Int64(0)) { $0 + $1.rowCount }),
            ])
        }
        return ResultSet(
            columns: ["PartitionId", "PartitionName", "VisibleVersion", "VisibleVersionTime", "State", "PartitionKey",
                      "Range", "DistributionKey", "Buckets", "ReplicationNum", "StorageMedium", "DataSize",
                      "SegmentCount", "RowCount"],
            rows: rows)
    }

    /// One row per replica, as Doris's SHOW TABLETS FROM does, with the files that a backup
    /// of the tablet would copy.
    func showTablets(_ name: TableName, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let (_, table) = try c.visibleTable(name)
        var rows: [[String?]] = []
        for p in c.catalog.partitions(of: table.id) {
            for tablet in c.catalog.tablets(of: p.id) {
                let rowsets = c.catalog.rowsets(of: tablet.id)
                let size = rowsets.reduce(Int64(0)) { $0 + $1.size }
                let count = rowsets.reduce(Int64(0)) { $0 + $1.rowCount }
                for replica in c.catalog.replicas(of: tablet.id) {
                    let alive = c.catalog.backends[replica.backendId]?.alive ?? false
                    rows.append([
                        String(tablet.id), String(replica.id), String(replica.backendId), p.name, String(p.visibleVersion),
                        String(c.catalog.versionCount(of: tablet.id)), String(rowsets.count), String(size), String(count), alive ? "NORMAL" : "BACKEND_DOWN",
                        layout.tabletDirectory(backend: replica.backendId, tablet: tablet.id),
                    ])
                }
            }
        }
        return ResultSet(
            columns: ["TabletId", "ReplicaId", "BackendId", "PartitionName", "Version", "VersionCount", "FileCount",
                      "LocalDataSize", "RowCount", "State", "Path"],
            rows: rows)
    }

    func showBackends(_ c: ExecutionContext) -> ResultSet {
        let catalog = c.catalog
        var tablets: [ObjectID: Int] = [:]
        var bytes: [ObjectID: Int64] = [:]
        for replica in catalog.replicas.values {
            tablets[replica.backendId, default: 0] += 1
            bytes[replica.backendId, default: 0] += catalog.rowsets(of: replica.tabletId).reduce(0) { $0 + $1.size }
        }
        let rows: [[String?]] = catalog.sortedBackends.map { be in
            [String(be.id), "127.0.0.1", "9050", "9060", "8040", "8060", Clock.format(be.createdAt),
             be.alive ? "true" : "false", "false", String(tablets[be.id] ?? 0),
             ByteFormat.human(bytes[be.id] ?? 0), layout.backendDirectory(be.id)]
        }
        return ResultSet(
            columns: ["BackendId", "Host", "HeartbeatPort", "BePort", "HttpPort", "BrpcPort", "LastStartTime", "Alive",
                      "SystemDecommissioned", "TabletNum", "DataUsedCapacity", "RootPath"],
            rows: rows)
    }
}

/// Byte counts as Doris prints them (`1.500 KB`, `12.000 MB`).
public enum ByteFormat {
    public static func human(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        let magnitude = BinaryMagnitude(bytes)
        if magnitude.power == 0 { return "\(bytes).000 B" }
        let thousandths = Int((magnitude.amount * 1000).rounded())
        return "\(thousandths / 1000).\(CivilTime.pad(thousandths % 1000, 3)) \(units[magnitude.power])"
    }
}
