import Catalog
import SQLSyntax

/// The rows a table shows, tablet by tablet: what was stored for a DUPLICATE KEY table, and
/// rows folded by key for AGGREGATE and UNIQUE KEY tables. Every reader of table rows (SELECT,
/// COUNT, CHECKSUM TABLE) goes through here, so all of them see the same merged rows.
public struct TableRows {
    public let reader: TabletReader
    public let table: TableRecord
    public let catalog: CatalogState
    private let types: [ColumnType]

    public init(reader: TabletReader, table: TableRecord, catalog: CatalogState) {
        self.reader = reader
        self.table = table
        self.catalog = catalog
        types = table.columns.map(\.type)
    }

    /// The tablets whose rows fold together. Hash distribution on key columns puts equal keys in
    /// one tablet; a randomly distributed AGGREGATE table (SUM, MAX and MIN only, whose result
    /// does not depend on order) folds a whole partition at once.
    public func foldingGroups(of partition: ObjectID) -> [[ObjectID]] {
        let tablets = catalog.tablets(of: partition).map(\.id)
        guard table.mergesOnRead, table.distributionColumns.isEmpty else { return tablets.map { [$0] } }
        return tablets.isEmpty ? [] : [tablets]
    }

    /// Calls `visit` with each row of the group until it returns false; returns false then.
    @discardableResult
    public func forEachRow(in group: [ObjectID], _ visit: ([Value]) throws -> Bool) throws -> Bool {
        var row: [Value] = []
        row.reserveCapacity(types.count)
        guard table.mergesOnRead else {
            var going = true
            for tablet in group where going {
                try reader.forEachSegment(tablet: tablet, catalog: catalog, types: types) { segment in
                    while going, try segment.next(into: &row) != nil { going = try visit(row) }
                }
            }
            return going
        }
        for folded in try fold(group) where try !visit(folded) { return false }
        return true
    }

    /// The order-independent sum of the group's row hashes (CHECKSUM TABLE). A folded row is
    /// hashed in the segment encoding, so a table whose keys are all distinct sums the same as
    /// its stored rows.
    public func checksum(of group: [ObjectID]) throws -> UInt64 {
        var sum: UInt64 = 0
        guard table.mergesOnRead else {
            for tablet in group {
                try reader.forEachSegment(tablet: tablet, catalog: catalog, types: types) { segment in
                    while let range = try segment.skipRow() { sum &+= RowHasher.hash(segment.rowBytes(range)) }
                }
            }
            return sum
        }
        var bytes: [UInt8] = []
        for row in try fold(group) {
            bytes.removeAll(keepingCapacity: true)
            RowEncoding.append(row, to: &bytes)
            sum &+= RowHasher.hash(bytes)
        }
        return sum
    }

    /// The group's rows folded by key. Rowsets are read oldest first, tablet by tablet; within
    /// one tablet that is load order, which is all REPLACE needs (a REPLACE table is never
    /// distributed at random, so its equal keys share a tablet).
    private func fold(_ group: [ObjectID]) throws -> [[Value]] {
        var folder = RowFolder(foldings: table.foldings, types: types)
        var row: [Value] = []
        for tablet in group {
            try reader.forEachSegment(tablet: tablet, catalog: catalog, types: types) { segment in
                while try segment.next(into: &row) != nil { folder.add(row) }
            }
        }
        return folder.finish()
    }
}
