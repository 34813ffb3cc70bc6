import Catalog
import Essentials
import SQLSyntax
import Storage
import Testing

@Suite struct RoutingTests {
    func table(kind: PartitionKind) -> TableRecord {
        TableRecord(
            id: 1, databaseId: 1, name: "t",
            columns: [Column(name: "d", type: .date, nullable: true, isKey: true, defaultValue: nil, comment: ""),
                      Column(name: "v", type: .int, nullable: true, isKey: false, defaultValue: nil, comment: "")],
            keysKind: .duplicate, partitionKind: kind, partitionColumns: ["d"], distributionColumns: ["v"],
            defaultBuckets: 4, replicationNum: 1, baseIndexId: 2, properties: [], comment: "", createdAt: 0)
    }

    @Test func rangeRoutingUsesHalfOpenBounds() {
        let day = { (y: Int, m: Int) in Value.date(days: CivilTime.days(year: y, month: m, day: 1)!) }
        let partitions = [
            PartitionRecord(id: 10, tableId: 1, name: "p1", bound: .range(lower: [.minimum], upper: [.value(day(2025, 2))]), buckets: 1, visibleVersion: 1, visibleVersionTime: 0),
            PartitionRecord(id: 11, tableId: 1, name: "p2", bound: .range(lower: [.value(day(2025, 2))], upper: [.value(day(2025, 3))]), buckets: 1, visibleVersion: 1, visibleVersionTime: 0),
        ]
        let router = PartitionRouter(table: table(kind: .range), partitions: partitions)
        #expect(router.partition(for: [day(2025, 1), .int(1)])?.name == "p1")
        #expect(router.partition(for: [day(2025, 2), .int(1)])?.name == "p2")
        #expect(router.partition(for: [day(2025, 3), .int(1)]) == nil)
        #expect(router.partition(for: [.null, .int(1)])?.name == "p1")
    }

    @Test func listRoutingMatchesExactValues() {
        let t = TableRecord(
            id: 1, databaseId: 1, name: "t",
            columns: [Column(name: "c", type: .varchar(8), nullable: false, isKey: true, defaultValue: nil, comment: "")],
            keysKind: .duplicate, partitionKind: .list, partitionColumns: ["c"], distributionColumns: [],
            defaultBuckets: 1, replicationNum: 1, baseIndexId: 2, properties: [], comment: "", createdAt: 0)
        let partitions = [PartitionRecord(id: 10, tableId: 1, name: "p", bound: .list(values: [[.string("a")], [.string("b")]]), buckets: 1, visibleVersion: 1, visibleVersionTime: 0)]
        let router = PartitionRouter(table: t, partitions: partitions)
        #expect(router.partition(for: [.string("b")])?.name == "p")
        #expect(router.partition(for: [.string("c")]) == nil)
    }

    @Test func rowHashIsStable() {
        // Stored bucket placement and cross-cluster checksums depend on these exact values.
        #expect(RowHasher.hash([UInt8]()) == RowHasher.hash([UInt8]()))
        #expect(RowHasher.hash(Array("a".utf8)) != RowHasher.hash(Array("b".utf8)))
        #expect(RowHasher.hash(Array("snapdeck".utf8)) == RowHasher.hash(ArraySlice(Array("snapdeck".utf8))))
    }
}
