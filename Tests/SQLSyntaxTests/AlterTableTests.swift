import SQLSyntax
import Testing

enum AlterTableCases {
    static let t = TableName(name: "t")

    static let all: [ParseCase] = [
        ParseCase(
            "ALTER TABLE t SET (\"dynamic_partition.enable\" = \"true\")",
            .alterTable(t, .setProperties([Property("dynamic_partition.enable", "true")]))),
        ParseCase(
            "ALTER TABLE d.t SET ('a' = 'b', 'c' = '1')",
            .alterTable(
                TableName(database: "d", name: "t"),
                .setProperties([Property("a", "b"), Property("c", "1")]))),
        ParseCase(
            "ALTER TABLE t ADD PARTITION p4 VALUES LESS THAN (\"2026-01-01\")",
            .alterTable(
                t,
                .addPartition(
                    PartitionDefinition(name: "p4", values: .lessThan([.string("2026-01-01")])),
                    distribution: nil))),
        ParseCase(
            "ALTER TABLE t ADD PARTITION IF NOT EXISTS pmax VALUES LESS THAN MAXVALUE "
                + "DISTRIBUTED BY HASH(k) BUCKETS 8",
            .alterTable(
                t,
                .addPartition(
                    PartitionDefinition(name: "pmax", ifNotExists: true, values: .lessThan([.maxValue])),
                    distribution: Distribution(columns: ["k"], buckets: 8)))),
        ParseCase(
            "ALTER TABLE t ADD PARTITION p VALUES [(\"1\"), (\"5\"))",
            .alterTable(
                t,
                .addPartition(
                    PartitionDefinition(
                        name: "p", values: .fixedRange(lower: [.string("1")], upper: [.string("5")])),
                    distribution: nil))),
        ParseCase(
            "ALTER TABLE t ADD PARTITION p VALUES IN (\"x\", \"y\")",
            .alterTable(
                t,
                .addPartition(
                    PartitionDefinition(name: "p", values: .inList([[.string("x")], [.string("y")]])),
                    distribution: nil))),
        ParseCase(
            "ALTER TABLE t ADD PARTITION p VALUES IN ((1, 'a'))",
            .alterTable(
                t,
                .addPartition(
                    PartitionDefinition(name: "p", values: .inList([[.number("1"), .string("a")]])),
                    distribution: nil))),
        ParseCase(
            "ALTER TABLE t DROP PARTITION p1", .alterTable(t, .dropPartition(name: "p1", ifExists: false))),
        ParseCase(
            "alter table t drop partition if exists p1 force",
            .alterTable(t, .dropPartition(name: "p1", ifExists: true))),
    ]
}

@Suite struct AlterTableTests {
    @Test(arguments: AlterTableCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test(arguments: [
        "ALTER TABLE t", "ALTER TABLE t SET ()", "ALTER TABLE t SET (a)",
        "ALTER TABLE t ADD COLUMN c INT", "ALTER TABLE t ADD PARTITION p",
        "ALTER TABLE t ADD PARTITION p VALUES LESS THAN", "ALTER TABLE t DROP PARTITION",
        "ALTER TABLE t MODIFY COLUMN c INT", "ALTER TABLE t ADD PARTITION p VALUES IN ()",
        "ALTER TABLE t ADD PARTITION p VALUES LESS THAN (1) DISTRIBUTED BY HASH(k) BUCKETS x",
    ])
    func rejects(_ sql: String) {
        #expect(syntaxError(sql) != nil)
    }
}
