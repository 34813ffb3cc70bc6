import Catalog
import SQLSyntax

/// A row that fits no partition.
public struct NoPartitionForRow: Error, Sendable {
    public var key: [Value]
}

/// Routes rows of one table to its tablets (partition by the partition columns, bucket by the
/// hash of the distribution columns) and encodes them into one segment per touched tablet.
public struct RowRouter {
    public let table: TableRecord
    private let router: PartitionRouter
    private let tabletsByPartition: [ObjectID: [ObjectID]]
    private let distributionColumns: [Int]
    private let types: [ColumnType]
    private var roundRobin = 0
    private var scratch: [UInt8] = []
    public private(set) var segments: [ObjectID: SegmentBuilder] = [:]
    public private(set) var rowCount = 0


    public init(table: TableRecord, catalog: CatalogState) {
        self.table = table
        let partitions = catalog.partitions(of: table.id)
        router = PartitionRouter(table: table, partitions: partitions)
        var tablets: [ObjectID: [ObjectID]] = [:]
        for p in partitions { tablets[p.id] = catalog.tablets(of: p.id).map(\.id) }
        tabletsByPartition = tablets
        distributionColumns = table.distributionColumns.compactMap { table.columnIndex(named: $0) }
        types = table.columns.map(\.type)
    }

    /// Adds one row (one value per table column, already converted and checked).
    public mutating func add(_ row: [Value]) throws(NoPartitionForRow) {
        guard let partition = router.partition(for: row),
            let tablets = tabletsByPartition[partition.id], !tablets.isEmpty
        else { throw NoPartitionForRow(key: router.key(of: row)) }
        let bucket: Int
        if distributionColumns.isEmpty {
            bucket = roundRobin % tablets.count
            roundRobin &+= 1
        } else {
            scratch.removeAll(keepingCapacity: true)
            for i in distributionColumns { RowEncoding.append(row[i], to: &scratch) }
            bucket = Int(RowHasher.hash(scratch) % UInt64(tablets.count))
        }
        let tablet = tablets[bucket]
        if segments[tablet] == nil { segments[tablet] = SegmentBuilder(types: types) }
        segments[tablet]!.append(row)
        rowCount += 1
    }
}
