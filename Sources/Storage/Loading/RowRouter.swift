import Catalog
import SQLSyntax

/// A row that fits no partition.
public struct NoPartitionForRow: Error, Sendable {
    public var key: [Value]
}

/// Finds the tablet of each row of one table: the partition by the partition columns, the
/// bucket by the hash of the distribution columns (round robin for RANDOM distribution).
/// Tablets are numbered densely (`slot`), so callers keep per-tablet state in an array.
public struct RowRouter {
    public let table: TableRecord
    /// Every tablet of the table's visible partitions; a slot indexes this.
    public let tablets: [ObjectID]
    private let router: PartitionRouter
    private let slotsByPartition: [ObjectID: Range<Int>]
    private let distributionColumns: [Int]
    private var roundRobin = 0
    private var scratch: [UInt8] = []

    public init(table: TableRecord, catalog: CatalogState) {
        self.table = table
        let partitions = catalog.partitions(of: table.id)
        router = PartitionRouter(table: table, partitions: partitions)
        var tablets: [ObjectID] = []
        var slots: [ObjectID: Range<Int>] = [:]
        for p in partitions {
            let first = tablets.count
            tablets += catalog.tablets(of: p.id).map(\.id)
            slots[p.id] = first..<tablets.count
        }
        self.tablets = tablets
        slotsByPartition = slots
        distributionColumns = table.distributionColumns.compactMap { table.columnIndex(named: $0) }
    }

    /// The slot of the tablet `row` goes to (one value per table column, already converted).
    public mutating func slot(for row: [Value]) throws(NoPartitionForRow) -> Int {
        guard let partition = router.partition(for: row),
            let slots = slotsByPartition[partition.id], !slots.isEmpty
        else { throw NoPartitionForRow(key: router.key(of: row)) }
        let bucket: Int
        if distributionColumns.isEmpty {
            bucket = roundRobin % slots.count
            roundRobin &+= 1
        } else {
            scratch.removeAll(keepingCapacity: true)
            for i in distributionColumns { RowEncoding.append(row[i], to: &scratch) }
            bucket = Int(RowHasher.hash(scratch) % UInt64(slots.count))
        }
        return slots.lowerBound + bucket
    }
}
