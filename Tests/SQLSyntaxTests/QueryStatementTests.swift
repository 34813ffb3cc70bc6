import SQLSyntax
import Testing

enum QueryCases {
    static let t = TableName(name: "t")

    static func select(
        _ items: [Select.Item] = [.star], partitions: [String]? = nil, filter: [Predicate] = [],
        orderBy: [OrderKey] = [], limit: Int? = nil, offset: Int? = nil
    ) -> Statement {
        .select(
            Select(
                items: items, table: t, partitions: partitions, filter: filter, orderBy: orderBy,
                limit: limit, offset: offset))
    }

    static let inserts: [ParseCase] = [
        ParseCase(
            "INSERT INTO t VALUES (1, 'a'), (2, \"b\")",
            .insert(
                Insert(table: t, rows: [[.number("1"), .string("a")], [.number("2"), .string("b")]]))),
        ParseCase(
            "INSERT INTO d.t (a, `b c`) VALUES (-1, -2.5), (+3, NULL), (TRUE, false)",
            .insert(
                Insert(
                    table: TableName(database: "d", name: "t"), columns: ["a", "b c"],
                    rows: [
                        [.number("-1"), .number("-2.5")], [.number("3"), .null],
                        [.boolean(true), .boolean(false)],
                    ]))),
        ParseCase(
            "insert into t values ('it''s', 'a\\tb\\n', '\\\\', 1e10, 0.5E-3)",
            .insert(
                Insert(
                    table: t,
                    rows: [
                        [
                            .string("it's"), .string("a\tb\n"), .string("\\"), .number("1e10"),
                            .number("0.5E-3"),
                        ]
                    ]))),
    ]

    static let loads: [ParseCase] = [
        ParseCase(
            "LOAD DATA INFILE '/tmp/a.csv' INTO TABLE t",
            .loadData(LoadData(local: false, path: "/tmp/a.csv", table: t))),
        ParseCase(
            "LOAD DATA LOCAL INFILE 'a.csv' INTO TABLE d.t COLUMNS TERMINATED BY '|' "
                + "IGNORE 1 LINES (a, b)",
            .loadData(
                LoadData(
                    local: true, path: "a.csv", table: TableName(database: "d", name: "t"),
                    columnSeparator: "|", ignoreLines: 1, columns: ["a", "b"]))),
        ParseCase(
            "LOAD DATA INFILE \"x.tsv\" INTO TABLE t FIELDS TERMINATED BY '\\t' IGNORE 2 ROWS",
            .loadData(
                LoadData(local: false, path: "x.tsv", table: t, columnSeparator: "\t", ignoreLines: 2))),
    ]

    static let selects: [ParseCase] = [
        ParseCase("SELECT * FROM t", select()),
        ParseCase("SELECT COUNT(*) FROM t", select([.countStar])),
        ParseCase("select count(1) from t", select([.expression(.aggregate(AggregateCall(.count, .literal(.number("1")))), alias: nil)])),
        ParseCase("SELECT a, t.b, `c` FROM t", select([.column("a"), .column("b"), .column("c")])),
        ParseCase("SELECT count FROM t", select([.column("count")])),
        ParseCase(
            "SELECT * FROM d.t",
            .select(Select(items: [.star], table: TableName(database: "d", name: "t")))),
        ParseCase("SELECT * FROM t PARTITION (p1, p2)", select(partitions: ["p1", "p2"])),
        ParseCase("SELECT * FROM t PARTITION p1", select(partitions: ["p1"])),
        ParseCase("SELECT * FROM t PARTITIONS (p1)", select(partitions: ["p1"])),
        ParseCase("SELECT x.a FROM t AS x", select([.column("a")])),
        ParseCase("SELECT x.a FROM t x WHERE x.a = 1", select([.column("a")], filter: [.compare(column: "a", op: .equal, value: .number("1"))])),
        ParseCase(
            "SELECT * FROM t WHERE a = 1 AND b != 'x' AND c <> 2 AND d < 3 AND e <= 4 AND f > 5 "
                + "AND g >= -6",
            select(filter: [
                .compare(column: "a", op: .equal, value: .number("1")),
                .compare(column: "b", op: .notEqual, value: .string("x")),
                .compare(column: "c", op: .notEqual, value: .number("2")),
                .compare(column: "d", op: .less, value: .number("3")),
                .compare(column: "e", op: .lessOrEqual, value: .number("4")),
                .compare(column: "f", op: .greater, value: .number("5")),
                .compare(column: "g", op: .greaterOrEqual, value: .number("-6")),
            ])),
        ParseCase(
            "SELECT * FROM t WHERE 1 = a AND 2 < b AND 3 <= c AND 4 > d AND 5 >= e AND 'x' != f",
            select(filter: [
                .compare(column: "a", op: .equal, value: .number("1")),
                .compare(column: "b", op: .greater, value: .number("2")),
                .compare(column: "c", op: .greaterOrEqual, value: .number("3")),
                .compare(column: "d", op: .less, value: .number("4")),
                .compare(column: "e", op: .lessOrEqual, value: .number("5")),
                .compare(column: "f", op: .notEqual, value: .string("x")),
            ])),
        ParseCase(
            "SELECT * FROM t WHERE a IS NULL AND t.b IS NOT NULL",
            select(filter: [.isNull(column: "a", negated: false), .isNull(column: "b", negated: true)])),
        ParseCase(
            "SELECT * FROM t WHERE a IN (1, 2) AND b NOT IN ('x') AND c LIKE 'p%' AND d NOT LIKE '_'",
            select(filter: [
                .inList(column: "a", values: [.number("1"), .number("2")], negated: false),
                .inList(column: "b", values: [.string("x")], negated: true),
                .like(column: "c", pattern: "p%", negated: false),
                .like(column: "d", pattern: "_", negated: true),
            ])),
        ParseCase(
            "SELECT * FROM t WHERE d BETWEEN '2024-01-01' AND '2024-12-31' AND v = 1",
            select(filter: [
                .between(column: "d", low: .string("2024-01-01"), high: .string("2024-12-31")),
                .compare(column: "v", op: .equal, value: .number("1")),
            ])),
        ParseCase(
            "SELECT a FROM t ORDER BY a, b DESC, c ASC LIMIT 10",
            select(
                [.column("a")],
                orderBy: [
                    OrderKey(column: "a"), OrderKey(column: "b", descending: true), OrderKey(column: "c"),
                ], limit: 10)),
        ParseCase("SELECT * FROM t LIMIT 10 OFFSET 20", select(limit: 10, offset: 20)),
        ParseCase("SELECT * FROM t LIMIT 20, 10", select(limit: 10, offset: 20)),
        ParseCase(
            "SELECT COUNT(*) FROM t PARTITION (p1) WHERE k >= 5 ORDER BY t.k DESC LIMIT 0;",
            select(
                [.countStar], partitions: ["p1"],
                filter: [.compare(column: "k", op: .greaterOrEqual, value: .number("5"))],
                orderBy: [OrderKey(column: "k", descending: true)], limit: 0)),
    ]

    static let all: [ParseCase] = inserts + loads + selects
}

@Suite struct QueryStatementTests {
    @Test(arguments: QueryCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test(arguments: [
        "INSERT INTO t VALUES", "INSERT INTO t VALUES ()", "INSERT INTO t VALUES (1,)",
        "INSERT INTO t (a) VALUES (a)", "INSERT t VALUES (1)", "INSERT INTO t VALUES (- 'x')",
        "INSERT INTO t VALUES (--1)", "INSERT INTO t SELECT * FROM u",
        "LOAD DATA INFILE x INTO TABLE t", "LOAD DATA INFILE 'x' INTO t",
        "LOAD DATA INFILE 'x' INTO TABLE t IGNORE -1 LINES",
        "LOAD DATA INFILE 'x' INTO TABLE t IGNORE 1", "SELECT FROM t", "SELECT * t",
        "SELECT * FROM", "SELECT a + FROM t", "SELECT COUNT(a FROM t", "SELECT * FROM t, u",
        "SELECT * FROM t WHERE", "SELECT * FROM t WHERE a", "SELECT * FROM t WHERE a = b",
        "SELECT * FROM t WHERE a = 1 OR b = 2", "SELECT * FROM t WHERE (a = 1)",
        "SELECT * FROM t WHERE a NOT BETWEEN 1 AND 2", "SELECT * FROM t WHERE a BETWEEN 1",
        "SELECT * FROM t WHERE a IS 1", "SELECT * FROM t WHERE a LIKE 1",
        "SELECT * FROM t WHERE a NOT = 1", "SELECT * FROM t LIMIT -1", "SELECT * FROM t LIMIT 1.5",
        "SELECT * FROM t LIMIT 99999999999999999999", "SELECT * FROM t LIMIT 1 OFFSET",
        "SELECT * FROM t ORDER a", "SELECT * FROM t GROUP a",
    ])
    func rejects(_ sql: String) {
        #expect(syntaxError(sql) != nil)
    }
}
