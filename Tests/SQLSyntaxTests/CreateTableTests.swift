import SQLSyntax
import Testing

enum CreateTableCases {
    static let minimal = CreateTable(
        name: TableName(name: "t"), columns: [ColumnDefinition(name: "a", type: .int)])

    static func with(_ change: (inout CreateTable) -> Void) -> Statement {
        var table = minimal
        change(&table)
        return .createTable(table)
    }

    static let typeCases: [(String, ColumnType)] = [
        ("TINYINT", .tinyint), ("SMALLINT", .smallint), ("INT", .int), ("INTEGER", .int),
        ("INT(11)", .int), ("BIGINT(20)", .bigint), ("BOOLEAN", .boolean), ("BOOL", .boolean),
        ("FLOAT", .float), ("DOUBLE", .double), ("DECIMAL", .decimal(precision: 9, scale: 0)),
        ("DECIMAL(10)", .decimal(precision: 10, scale: 0)),
        ("DECIMAL(27, 9)", .decimal(precision: 27, scale: 9)),
        ("DECIMALV3(38,18)", .decimal(precision: 38, scale: 18)), ("CHAR", .char(1)),
        ("CHAR(10)", .char(10)), ("VARCHAR", .varchar(65533)), ("varchar(255)", .varchar(255)),
        ("STRING", .string), ("TEXT", .string), ("DATE", .date), ("DATEV2", .date),
        ("DATETIME", .datetime), ("DATETIMEV2", .datetime), ("DATETIMEV2(3)", .datetimeV2(scale: 3)),
        ("DATETIME(6)", .datetimeV2(scale: 6)), ("DATETIME(0)", .datetime), ("LARGEINT", .largeint),
    ]

    static let all: [ParseCase] =
        typeCases.map { sql, type in
            ParseCase(
                "CREATE TABLE t (a \(sql))",
                with { $0.columns = [ColumnDefinition(name: "a", type: type)] })
        } + [
            ParseCase("CREATE TABLE t (a INT)", .createTable(minimal)),
            ParseCase(
                "CREATE TABLE IF NOT EXISTS d.t (a INT)",
                with {
                    $0.name = TableName(database: "d", name: "t")
                    $0.ifNotExists = true
                }),
            ParseCase(
                "CREATE TABLE t (a INT NOT NULL DEFAULT \"0\" COMMENT 'the key', b VARCHAR(20) NULL)",
                with {
                    $0.columns = [
                        ColumnDefinition(
                            name: "a", type: .int, nullable: false, defaultValue: .string("0"),
                            comment: "the key"),
                        ColumnDefinition(name: "b", type: .varchar(20)),
                    ]
                }),
            ParseCase(
                "CREATE TABLE t (a INT COMMENT 'c' DEFAULT -1 NOT NULL, b DOUBLE DEFAULT 2.5e3)",
                with {
                    $0.columns = [
                        ColumnDefinition(
                            name: "a", type: .int, nullable: false, defaultValue: .number("-1"),
                            comment: "c"),
                        ColumnDefinition(name: "b", type: .double, defaultValue: .number("2.5e3")),
                    ]
                }),
            ParseCase(
                "CREATE TABLE t (k INT, v BIGINT SUM DEFAULT NULL, m INT MAX NOT NULL) "
                    + "AGGREGATE KEY(k)",
                with {
                    $0.columns = [
                        ColumnDefinition(name: "k", type: .int),
                        ColumnDefinition(name: "v", type: .bigint, defaultValue: .null, aggregation: .sum),
                        ColumnDefinition(name: "m", type: .int, nullable: false, aggregation: .max),
                    ]
                    $0.keys = KeysDescription(kind: .aggregate, columns: ["k"])
                }),
            ParseCase(
                "CREATE TABLE t (a INT, `用户 名` STRING, flag BOOLEAN DEFAULT true) ENGINE=OLAP "
                    + "DUPLICATE KEY(a, `用户 名`) COMMENT 'sales' "
                    + "DISTRIBUTED BY HASH(a) BUCKETS 10 PROPERTIES ('replication_num' = '1')",
                with {
                    $0.columns = [
                        ColumnDefinition(name: "a", type: .int),
                        ColumnDefinition(name: "用户 名", type: .string),
                        ColumnDefinition(name: "flag", type: .boolean, defaultValue: .boolean(true)),
                    ]
                    $0.keys = KeysDescription(kind: .duplicate, columns: ["a", "用户 名"])
                    $0.comment = "sales"
                    $0.distribution = Distribution(columns: ["a"], buckets: 10)
                    $0.properties = [Property("replication_num", "1")]
                }),
            ParseCase(
                "CREATE TABLE t (a INT) ENGINE = olap UNIQUE KEY(a) DISTRIBUTED BY HASH(a) BUCKETS AUTO",
                with {
                    $0.keys = KeysDescription(kind: .unique, columns: ["a"])
                    $0.distribution = Distribution(columns: ["a"], buckets: nil)
                }),
            ParseCase(
                "CREATE TABLE t (a INT) DISTRIBUTED BY RANDOM BUCKETS 3",
                with { $0.distribution = Distribution(columns: [], buckets: 3) }),
            ParseCase(
                "CREATE TABLE t (a INT) DISTRIBUTED BY RANDOM",
                with { $0.distribution = Distribution(columns: [], buckets: nil) }),
            ParseCase(
                "CREATE TABLE t (a INT) DISTRIBUTED BY HASH(a)",
                with { $0.distribution = Distribution(columns: ["a"], buckets: nil) }),
            ParseCase(
                "CREATE TABLE t (a INT) PROPERTIES (\"replication_num\" = \"1\", "
                    + "\"dynamic_partition.enable\" = \"true\", replication_allocation = 3)",
                with {
                    $0.properties = [
                        Property("replication_num", "1"), Property("dynamic_partition.enable", "true"),
                        Property("replication_allocation", "3"),
                    ]
                }),
            ParseCase(
                """
                CREATE TABLE sales (d DATE, v INT)
                PARTITION BY RANGE(d) (
                    PARTITION p1 VALUES LESS THAN ("2024-01-01"),
                    PARTITION p2 VALUES LESS THAN ("2025-01-01"),
                    PARTITION p3 VALUES LESS THAN MAXVALUE
                )
                DISTRIBUTED BY HASH(v) BUCKETS 2
                """,
                .createTable(
                    CreateTable(
                        name: TableName(name: "sales"),
                        columns: [
                            ColumnDefinition(name: "d", type: .date),
                            ColumnDefinition(name: "v", type: .int),
                        ],
                        partitioning: .range(
                            columns: ["d"],
                            partitions: [
                                PartitionDefinition(
                                    name: "p1", values: .lessThan([.string("2024-01-01")])),
                                PartitionDefinition(
                                    name: "p2", values: .lessThan([.string("2025-01-01")])),
                                PartitionDefinition(name: "p3", values: .lessThan([.maxValue])),
                            ]),
                        distribution: Distribution(columns: ["v"], buckets: 2)))),
            ParseCase(
                "CREATE TABLE t (a INT) PARTITION BY RANGE(a, b) (PARTITION p1 VALUES LESS THAN "
                    + "(\"10\", \"20\"), PARTITION p2 VALUES LESS THAN (MAXVALUE), "
                    + "PARTITION p3 VALUES [(\"20\"), (\"30\")), PARTITION p4 VALUES [(-5, 1), (0, MAXVALUE)))",
                with {
                    $0.partitioning = .range(
                        columns: ["a", "b"],
                        partitions: [
                            PartitionDefinition(
                                name: "p1", values: .lessThan([.string("10"), .string("20")])),
                            PartitionDefinition(name: "p2", values: .lessThan([.maxValue])),
                            PartitionDefinition(
                                name: "p3",
                                values: .fixedRange(lower: [.string("20")], upper: [.string("30")])),
                            PartitionDefinition(
                                name: "p4",
                                values: .fixedRange(
                                    lower: [.number("-5"), .number("1")],
                                    upper: [.number("0"), .maxValue])),
                        ])
                }),
            ParseCase(
                "CREATE TABLE t (a INT) PARTITION BY RANGE(a) ()",
                with { $0.partitioning = .range(columns: ["a"], partitions: []) }),
            ParseCase(
                "CREATE TABLE t (a INT) PARTITION BY LIST(city) (PARTITION p_north VALUES IN "
                    + "(\"Oslo\", \"Bergen\"), PARTITION p_south VALUES IN ('Rome'))",
                with {
                    $0.partitioning = .list(
                        columns: ["city"],
                        partitions: [
                            PartitionDefinition(
                                name: "p_north", values: .inList([[.string("Oslo")], [.string("Bergen")]])),
                            PartitionDefinition(name: "p_south", values: .inList([[.string("Rome")]])),
                        ])
                }),
            ParseCase(
                "CREATE TABLE t (a INT) PARTITION BY LIST(a, b) (PARTITION p1 VALUES IN "
                    + "((\"a\", \"x\"), (\"b\", \"y\")), PARTITION p2 VALUES IN ((1, NULL)))",
                with {
                    $0.partitioning = .list(
                        columns: ["a", "b"],
                        partitions: [
                            PartitionDefinition(
                                name: "p1",
                                values: .inList([
                                    [.string("a"), .string("x")], [.string("b"), .string("y")],
                                ])),
                            PartitionDefinition(name: "p2", values: .inList([[.number("1"), .null]])),
                        ])
                }),
        ]
}

@Suite struct CreateTableTests {
    @Test(arguments: CreateTableCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test(arguments: [
        "CREATE TABLE t ()", "CREATE TABLE t (a)", "CREATE TABLE t (a BLOB)",
        "CREATE TABLE t (a INT,)", "CREATE TABLE t (a INT) ENGINE=MYISAM",
        "CREATE TABLE t (a CHAR(-1))", "CREATE TABLE t (a CHAR(1.5))",
        "CREATE TABLE t (a VARCHAR(99999999999999999999))", "CREATE TABLE t (a DECIMAL(10,))",
        "CREATE TABLE t (a INT) DISTRIBUTED BY HASH(a) BUCKETS -1",
        "CREATE TABLE t (a INT) DISTRIBUTED BY HASH(a) BUCKETS 1e3",
        "CREATE TABLE t (a INT) DISTRIBUTED BY HASH a", "CREATE TABLE t (a INT) PROPERTIES ()",
        "CREATE TABLE t (a INT) PARTITION BY HASH(a) ()",
        "CREATE TABLE t (a INT) PARTITION BY RANGE(a) (PARTITION p VALUES LESS THAN ())",
        "CREATE TABLE t (a INT) PARTITION BY RANGE(a) (PARTITION p VALUES [(1), (2)])",
        "CREATE TABLE t (a INT NOT DEFAULT 1)", "CREATE TABLE t (a INT DEFAULT CURRENT_TIMESTAMP)",
        "CREATE TABLE t (a INT) COMMENT 'x' DUPLICATE KEY(a)",
        "CREATE TABLE t (a INT) PARTITION BY RANGE(a) (PARTITION p VALUES IN (1))",
        "CREATE TABLE t (a INT) PARTITION BY LIST(a) (PARTITION p VALUES LESS THAN (1))",
        "CREATE TABLE t (a INT) PARTITION BY LIST(a) (PARTITION p VALUES [(1), (2)))",
        "CREATE TABLE t (a INT) PARTITION BY LIST(a) (FROM (\"2000-01-01\") TO (\"2001-01-01\") INTERVAL 1 DAY)",
        "CREATE TABLE t (a INT) PARTITION BY RANGE(a) (FROM (1) TO (9))",
        "CREATE TABLE t (a INT) PARTITION BY RANGE(a) (FROM (1) TO (9) INTERVAL DAY)",
        "CREATE TABLE t (a INT) PARTITION BY RANGE(a) (PARTITION p VALUES LESS THAN (1) (\"replication_num\"))",
    ])
    func rejects(_ sql: String) {
        #expect(syntaxError(sql) != nil)
    }
}
