import Catalog

/// Finds the partition a row belongs to from the table's partition columns.
public struct PartitionRouter: Sendable {
    private let keyColumns: [Int]
    private let kind: PartitionKind
    private let partitions: [PartitionRecord]
    private var listIndex: [[Value]: Int] = [:]

    public init(table: TableRecord, partitions: [PartitionRecord]) {
        keyColumns = table.partitionColumns.compactMap { table.columnIndex(named: $0) }
        kind = table.partitionKind
        self.partitions = partitions
        if kind == .list {
            for (i, p) in partitions.enumerated() {
                if case .list(let values) = p.bound {
                    for tuple in values { listIndex[tuple] = i }
                }
            }
        }
    }

    /// The key tuple of a row (its partition column values).
    public func key(of row: [Value]) -> [Value] { keyColumns.map { row[$0] } }

    /// The partition for `row`, or nil when none holds it.
    public func partition(for row: [Value]) -> PartitionRecord? {
        switch kind {
        case .unpartitioned:
            return partitions.first
        case .list:
            return listIndex[key(of: row)].map { partitions[$0] }
        case .range:
            let key = key(of: row)
            return partitions.first { p in
                guard case .range(let lower, let upper) = p.bound else { return false }
                return RangeBounds.compare(lower, key) <= 0 && RangeBounds.compare(upper, key) > 0
            }
        }
    }
}

/// Ordering of range bounds against key tuples and each other.
public enum RangeBounds {
    /// Compares a bound with a key tuple, column by column (NULL keys sort above `minimum`,
    /// below every value, as Doris routes NULL to the lowest partition).
    public static func compare(_ bound: [BoundValue], _ key: [Value]) -> Int {
        for (b, k) in zip(bound, key) {
            switch b {
            case .minimum: return -1
            case .maximum: return 1
            case .value(let v):
                let c = Value.compare(v, k)
                if c != 0 { return c }
            }
        }
        return 0
    }

    /// Compares two bounds column by column.
    public static func compare(_ a: [BoundValue], _ b: [BoundValue]) -> Int {
        for (x, y) in zip(a, b) {
            let c = rank(x, y)
            if c != 0 { return c }
        }
        return 0
    }

    private static func rank(_ x: BoundValue, _ y: BoundValue) -> Int {
        switch (x, y) {
        case (.minimum, .minimum), (.maximum, .maximum): return 0
        case (.minimum, _), (_, .maximum): return -1
        case (.maximum, _), (_, .minimum): return 1
        case (.value(let a), .value(let b)): return Value.compare(a, b)
        }
    }
}
