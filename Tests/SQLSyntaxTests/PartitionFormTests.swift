import Testing
@testable import SQLSyntax

/// Batch range partitions and partition properties as the parser reads them.
@Suite struct PartitionFormTests {
    private func partitions(_ sql: String) throws -> [PartitionDefinition] {
        guard case .createTable(let create) = try Parser.parse(sql) else {
            Issue.record("not a CREATE TABLE: \(sql)")
            return []
        }
        switch create.partitioning {
        case .range(_, let list), .list(_, let list): return list
        case nil: return []
        }
    }

    @Test func aBatchWithAUnitMixesWithSinglePartitions() throws {
        let list = try partitions("""
            CREATE TABLE t (d DATE) PARTITION BY RANGE(d) (
              PARTITION p0 VALUES LESS THAN ("2026-01-01"),
              FROM ("2026-01-01") TO ("2026-02-01") INTERVAL 1 DAY,
              PARTITION p9 VALUES [("2026-02-01"), ("2026-03-01")))
            """)
        #expect(list.map(\.name) == ["p0", "", "p9"])
        #expect(list[1].values == .batch(BatchRange(
            from: [.string("2026-01-01")], to: [.string("2026-02-01")], interval: 1, unit: "DAY")))
    }

    @Test func aNumberBatchHasNoUnitAndANegativeIntervalReachesTheEngine() throws {
        let list = try partitions("CREATE TABLE t (a INT) PARTITION BY RANGE(a) (FROM (1) TO (100) INTERVAL 10, FROM (100) TO (200) INTERVAL -5)")
        #expect(list.map(\.values) == [
            .batch(BatchRange(from: [.number("1")], to: [.number("100")], interval: 10, unit: nil)),
            .batch(BatchRange(from: [.number("100")], to: [.number("200")], interval: -5, unit: nil)),
        ])
    }

    @Test func anUnknownUnitIsLeftForTheEngineToName() throws {
        let list = try partitions("CREATE TABLE t (d DATE) PARTITION BY RANGE(d) (FROM (\"2026-01-01\") TO (\"2027-01-01\") INTERVAL 1 fortnight)")
        #expect(list.first?.values == .batch(BatchRange(
            from: [.string("2026-01-01")], to: [.string("2027-01-01")], interval: 1, unit: "fortnight")))
    }

    @Test func partitionPropertiesFollowTheValues() throws {
        let list = try partitions("""
            CREATE TABLE t (a INT, b VARCHAR(10)) PARTITION BY LIST(a, b) (
              PARTITION p1 VALUES IN (("1", "x"), ("1", "y")) ("replication_allocation" = "tag.location.default: 1"),
              PARTITION p2 VALUES IN (("2", "x")))
            """)
        #expect(list[0].properties == [Property("replication_allocation", "tag.location.default: 1")])
        #expect(list[0].values == .inList([[.string("1"), .string("x")], [.string("1"), .string("y")]]))
        #expect(list[1].properties.isEmpty)
    }
}
