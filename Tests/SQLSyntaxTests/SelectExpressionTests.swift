import SQLSyntax
import Testing

enum SelectExpressionCases {
    static let t = TableName(name: "t")

    static func item(_ e: SelectExpression, _ alias: String? = nil) -> Select.Item { .expression(e, alias: alias) }
    static func column(_ name: String) -> SelectExpression { .column(name) }
    static func number(_ text: String) -> SelectExpression { .literal(.number(text)) }
    static func aggregate(_ f: AggregateCall.Function, _ argument: SelectExpression?, distinct: Bool = false) -> SelectExpression {
        .aggregate(AggregateCall(f, argument, distinct: distinct))
    }

    static let all: [ParseCase] = [
        ParseCase(
            "SELECT COUNT(*), count(c), COUNT(DISTINCT c), SUM(amount), min(d), MAX(d), AVG(ALL amount) FROM t",
            .select(Select(items: [
                item(aggregate(.count, nil)), item(aggregate(.count, column("c"))),
                item(aggregate(.count, column("c"), distinct: true)), item(aggregate(.sum, column("amount"))),
                item(aggregate(.min, column("d"))), item(aggregate(.max, column("d"))), item(aggregate(.avg, column("amount"))),
            ], table: t))),
        ParseCase(
            "SELECT region, SUM(amount) AS total FROM t WHERE y = 2024 GROUP BY region HAVING total > 10 AND COUNT(*) >= 2 "
                + "ORDER BY total DESC, 1 LIMIT 5 OFFSET 1",
            .select(Select(
                items: [item(column("region")), item(aggregate(.sum, column("amount")), "total")], table: t,
                filter: [.compare(column: "y", op: .equal, value: .number("2024"))], groupBy: [column("region")],
                having: .binary(.and, .binary(.greater, column("total"), number("10")),
                                .binary(.greaterOrEqual, aggregate(.count, nil), number("2"))),
                orderBy: [OrderKey(column("total"), descending: true), OrderKey(number("1"))], limit: 5, offset: 1))),
        ParseCase(
            "SELECT a + b * 2 - -c % 3, (a + b) * 2, -a, NOT a = 1 OR b IS NOT NULL FROM t",
            .select(Select(items: [
                item(.binary(.subtract, .binary(.add, column("a"), .binary(.multiply, column("b"), number("2"))),
                             .binary(.modulo, .unary(.negate, column("c")), number("3")))),
                item(.binary(.multiply, .binary(.add, column("a"), column("b")), number("2"))),
                item(.unary(.negate, column("a"))),
                item(.binary(.or, .unary(.not, .binary(.equal, column("a"), number("1"))), .isNull(column("b"), negated: true))),
            ], table: t))),
        ParseCase(
            "SELECT ROUND(a, 2) FROM t",
            .select(Select(items: [item(.call("ROUND", [column("a"), number("2")]))], table: t))),
        ParseCase(
            "SELECT 1 + 2 AS three, 10 / 4, 7 % 2, 'a', 1 < 2",
            .selectValues(ValueSelect(items: [
                ValueSelect.Item(.binary(.add, number("1"), number("2")), name: "three"),
                ValueSelect.Item(.binary(.divide, number("10"), number("4")), name: "10 / 4"),
                ValueSelect.Item(.binary(.modulo, number("7"), number("2")), name: "7 % 2"),
                ValueSelect.Item(.literal(.string("a")), name: "a"),
                ValueSelect.Item(.binary(.less, number("1"), number("2")), name: "1 < 2"),
            ]))),
    ]
}

@Suite struct SelectExpressionTests {
    @Test(arguments: SelectExpressionCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test func distinctWithPositionsAndAliases() throws {
        let parsed = try Parser.parse("SELECT DISTINCT t.a x, b AS 'y' FROM d.t AS t GROUP BY 1, y")
        #expect(parsed == .select(Select(
            distinct: true, items: [.expression(.column("a"), alias: "x"), .expression(.column("b"), alias: "y")],
            table: TableName(database: "d", name: "t"), groupBy: [.literal(.number("1")), .column("y")])))
    }

    /// Well-formed SQL outside a single-table query is refused by name, as not supported.
    @Test(arguments: [
        ("SELECT * FROM t JOIN u ON t.a = u.a", "a JOIN"), ("SELECT * FROM t x LEFT JOIN u ON 1 = 1", "a JOIN"),
        ("SELECT * FROM t, u", "a JOIN (a second table after a comma)"), ("SELECT * FROM (SELECT 1) x", "a subquery in FROM"),
        ("SELECT (SELECT 1) FROM t", "a subquery"), ("SELECT * FROM t WHERE a IN (SELECT b FROM u)", "a subquery"),
        ("SELECT a FROM t HAVING a IN (SELECT 1)", "a subquery"), ("SELECT EXISTS (SELECT 1)", "a subquery (EXISTS)"),
        ("SELECT a FROM t UNION SELECT a FROM u", "UNION"), ("SELECT 1 UNION ALL SELECT 2", "UNION"),
        ("SELECT a FROM t LIMIT 1 UNION SELECT 2", "UNION"),
        ("SELECT SUM(a) OVER (PARTITION BY b) FROM t", "a window function (OVER)"),
        ("WITH x AS (SELECT 1) SELECT * FROM x", "WITH (a common table expression)"),
        ("SELECT CASE WHEN a THEN 1 END FROM t", "CASE"), ("SELECT COUNT(DISTINCT a, b) FROM t", "COUNT of several arguments"),
    ])
    func refusesByName(_ sql: String, construct: String) throws {
        let error = try #require(syntaxError(sql), "\(sql)")
        #expect(error.isUnsupported, "\(sql)")
        #expect(error.message == "SnapDeck's SELECT reads a single table, with aggregates, to verify data; \(construct) is not supported")
    }

    @Test(arguments: [
        ("SELECT a FROM t GROUP BY", ""), ("SELECT a FROM t HAVING", ""), ("SELECT SUM() FROM t", ") FROM t"),
        ("SELECT COUNT(*) FROM t ORDER BY", ""), ("SELECT a FROM t GROUP BY a HAVING a >", ""), ("SELECT (1 FROM t", "FROM t"),
        ("SELECT a AS FROM t", "FROM t"), ("SELECT a FROM t WHERE a = 1 OR b = 2", "OR b = 2"),
    ])
    func rejects(_ sql: String, near: String) {
        #expect(syntaxError(sql)?.near == near, "\(sql)")
    }

    /// Nesting is bounded, so no input can exhaust the stack.
    @Test func deepNestingIsASyntaxErrorNotACrash() {
        let deep = "SELECT " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(syntaxError(deep) != nil)
        let minus = "SELECT " + String(repeating: "- ", count: 10_000) + "a FROM t"
        #expect(syntaxError(minus) != nil)
        let nots = "SELECT " + String(repeating: "NOT ", count: 10_000) + "1"
        #expect(syntaxError(nots) == nil)
        #expect(syntaxError("SELECT " + String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)) == nil)
    }
}
