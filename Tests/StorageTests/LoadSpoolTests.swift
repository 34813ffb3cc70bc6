import Catalog
import SQLSyntax
import Storage
import Testing

/// `LoadSpool` keeps a load's encoded rows within its budget and gives out the fullest
/// segments first; every row it took comes out exactly once.
@Suite struct LoadSpoolTests {
    /// A table of 4 hash buckets over one partition, in a catalog built in memory.
    private func fixture() throws -> (TableRecord, CatalogState) {
        let store = try CatalogStore(path: ":memory:")
        let table = TableRecord(
            id: 1, databaseId: 1, name: "t",
            columns: [Column(name: "k", type: .int, nullable: false, isKey: true, defaultValue: nil, comment: ""),
                      Column(name: "s", type: .string, nullable: true, isKey: false, defaultValue: nil, comment: "")],
            keysKind: .duplicate, partitionKind: .unpartitioned, partitionColumns: [], distributionColumns: ["k"],
            defaultBuckets: 4, replicationNum: 1, baseIndexId: 2, properties: [], comment: "", createdAt: 0)
        try store.write { tx in
            try tx.save(DatabaseRecord(id: 1, name: "d", createdAt: 0))
            try tx.save(table)
            try tx.save(PartitionRecord(id: 10, tableId: 1, name: "t", bound: .all, buckets: 4, visibleVersion: 1, visibleVersionTime: 0))
            for b in 0..<4 { try tx.save(TabletRecord(id: 20 + Int64(b), partitionId: 10, bucket: b)) }
        }
        return (table, store.snapshot)
    }

    private func rows(in segments: [LoadSpool.Segment], types: [ColumnType]) throws -> [[Value]] {
        var all: [[Value]] = []
        for segment in segments {
            var reader = try SegmentReader(bytes: segment.bytes, types: types)
            #expect(reader.rowCount == UInt64(segment.rowCount))
            var row: [Value] = []
            while try reader.next(into: &row) != nil { all.append(row) }
        }
        return all
    }

    @Test func fullestSegmentsLeaveFirstAndEveryRowComesOutOnce() throws {
        let (table, catalog) = try fixture()
        var spool = LoadSpool(table: table, catalog: catalog, budget: 4000)
        var added: [[Value]] = []
        var taken: [LoadSpool.Segment] = []
        for i in 0..<2000 {
            let row: [Value] = [.int(Int64(i)), .string(String(repeating: "x", count: i % 17))]
            try spool.add(row)
            added.append(row)
            if spool.isFull {
                let before = spool.bufferedBytes
                let out = spool.takeFullest()
                let sizes = out.map(\.bytes.count)
                #expect(sizes == sizes.sorted(by: >))
                // At least half the budget leaves, and what stays is smaller than what left.
                #expect(before - spool.bufferedBytes >= spool.budget / 2)
                #expect(spool.bufferedBytes < spool.budget)
                taken += out
            }
        }
        #expect(taken.count > 4)
        let rest = spool.takeAll()
        #expect(spool.bufferedBytes == 0)
        #expect(Set(rest.map(\.tabletId)).count == rest.count)
        #expect(spool.rowCount == 2000)
        let types = table.columns.map(\.type)
        let out = try rows(in: taken + rest, types: types)
        #expect(out.count == added.count)
        #expect(Set(out.map { $0[0] }) == Set(added.map { $0[0] }))
        // Rows of one key always land in the same tablet.
        var tabletOf: [Value: ObjectID] = [:]
        for segment in taken + rest {
            var reader = try SegmentReader(bytes: segment.bytes, types: types)
            var row: [Value] = []
            while try reader.next(into: &row) != nil {
                #expect(tabletOf.updateValue(segment.tabletId, forKey: row[0]) ?? segment.tabletId == segment.tabletId)
            }
        }
    }

    @Test func aLoadWithinTheBudgetIsOneSegmentPerTablet() throws {
        let (table, catalog) = try fixture()
        var spool = LoadSpool(table: table, catalog: catalog, budget: 1 << 20)
        for i in 0..<100 { try spool.add([.int(Int64(i)), .null]) }
        #expect(!spool.isFull)
        let segments = spool.takeAll()
        #expect(segments.map(\.tabletId) == [20, 21, 22, 23])
        #expect(segments.reduce(0) { $0 + $1.rowCount } == 100)
    }
}
