import Engine
import Testing

/// The queries an operator runs to compare a restored table with its source: aggregates,
/// groups, ordering and limits over one table.
@Suite struct AggregateQueryTests {
    /// A sales table with NULLs, two regions and one region of NULL.
    static func sales() throws -> TestCluster {
        let t = try TestCluster()
        try t.sql("""
            CREATE DATABASE d; USE d;
            CREATE TABLE s (id INT, region VARCHAR(10), amount DECIMAL(10,2), qty INT, ratio DOUBLE, day DATE)
              DISTRIBUTED BY HASH(id) BUCKETS 3;
            INSERT INTO s VALUES (1, 'east', 10.10, 1, 0.5, '2024-01-03'), (2, 'east', 20.20, 2, 1.5, '2024-01-01'),
              (3, 'west', 5.05, NULL, NULL, '2024-02-01'), (4, 'west', NULL, 4, 2.0, NULL), (5, NULL, 1.00, 5, 0.25, '2023-12-31'),
              (6, 'east', 0.01, 1, NULL, '2024-01-02');
            """)
        return t
    }

    @Test func eachAggregateWithDorisNamesAndTypes() throws {
        let t = try Self.sales()
        let r = try t.sql("SELECT COUNT(*), COUNT(amount), COUNT(DISTINCT region), SUM(amount), MIN(amount), MAX(amount), AVG(amount), SUM(qty), AVG(qty), SUM(ratio) FROM s")
        #expect(r.columns == ["count(*)", "count(amount)", "count(DISTINCT region)", "sum(amount)", "min(amount)", "max(amount)", "avg(amount)", "sum(qty)", "avg(qty)", "sum(ratio)"])
        #expect(r.rows == [["6", "5", "2", "36.36", "0.01", "20.20", "7.2720", "13", "2.6", "4.25"]])
        #expect(r.columnTypes == [
            .bigint, .bigint, .bigint, .decimal(precision: 38, scale: 2), .decimal(precision: 10, scale: 2),
            .decimal(precision: 10, scale: 2), .decimal(precision: 38, scale: 4), .bigint, .double, .double,
        ])
    }

    @Test func nullHandling() throws {
        let t = try Self.sales()
        #expect(try t.sql("SELECT SUM(amount), AVG(amount), MIN(day), COUNT(amount), COUNT(*) FROM s WHERE amount IS NULL").rows == [[nil, nil, nil, "0", "1"]])
        #expect(try t.sql("SELECT COUNT(*), SUM(qty), MAX(region) FROM s WHERE id > 100").rows == [["0", nil, nil]])
        #expect(try t.sql("SELECT MIN(region), MAX(region), MIN(day), MAX(day) FROM s").rows == [["east", "west", "2023-12-31", "2024-02-01"]])
        // GROUP BY over no rows gives no groups.
        #expect(try t.sql("SELECT region, COUNT(*) FROM s WHERE id > 100 GROUP BY region").rows.isEmpty)
    }

    @Test func groupByHavingOrderByLimit() throws {
        let t = try Self.sales()
        let grouped = try t.sql("SELECT region, COUNT(*) AS n, SUM(amount) total FROM s GROUP BY region ORDER BY region")
        #expect(grouped.columns == ["region", "n", "total"])
        #expect(grouped.rows == [[nil, "1", "1.00"], ["east", "3", "30.31"], ["west", "2", "5.05"]])
        #expect(grouped.columnTypes == [.varchar(length: 10), .bigint, .decimal(precision: 38, scale: 2)])
        // NULLs sort last descending, as in Doris and MySQL.
        #expect(try t.sql("SELECT region FROM s GROUP BY region ORDER BY region DESC").rows == [["west"], ["east"], [nil]])
        #expect(try t.sql("SELECT region, COUNT(*) FROM s GROUP BY region HAVING COUNT(*) > 1 ORDER BY 2 DESC").rows == [["east", "3"], ["west", "2"]])
        #expect(try t.sql("SELECT region, SUM(qty) q FROM s GROUP BY 1 HAVING q >= 4 AND region IS NOT NULL ORDER BY q, region").rows == [["east", "4"], ["west", "4"]])
        #expect(try t.sql("SELECT region FROM s GROUP BY region HAVING MAX(amount) < 10 ORDER BY region").rows == [[nil], ["west"]])
        #expect(try t.sql("SELECT region, COUNT(*) FROM s GROUP BY region ORDER BY COUNT(*) DESC, region LIMIT 1, 2").rows == [["west", "2"], [nil, "1"]])
        #expect(try t.sql("SELECT region r, MAX(day) FROM s GROUP BY r ORDER BY MAX(day) LIMIT 1 OFFSET 2").rows == [["west", "2024-02-01"]])
        #expect(try t.sql("SELECT COUNT(*) FROM s GROUP BY region ORDER BY SUM(id)").rows == [["1"], ["2"], ["3"]])
    }

    @Test func plainQueriesOrderByAliasesPositionsAndExpressions() throws {
        let t = try Self.sales()
        #expect(try t.sql("SELECT id AS k, qty FROM s ORDER BY qty DESC, k LIMIT 3").rows == [["5", "5"], ["4", "4"], ["2", "2"]])
        #expect(try t.sql("SELECT id FROM s ORDER BY qty, id").rows.map { $0[0] } == ["3", "1", "6", "2", "4", "5"])
        #expect(try t.sql("SELECT id, amount * qty AS v FROM s WHERE id <= 3 ORDER BY 2").rows == [["3", nil], ["1", "10.10"], ["2", "40.40"]])
        #expect(try t.sql("SELECT DISTINCT region FROM s ORDER BY region").rows == [[nil], ["east"], ["west"]])
        #expect(try t.sql("SELECT id FROM s ORDER BY id LIMIT 2, 2").rows == [["3"], ["4"]])
        let e = try t.sql("SELECT id + 1, qty / 2, -id, id > 3 FROM s WHERE id = 4")
        #expect(e.columns == ["(id + 1)", "(qty / 2)", "(-id)", "(id > 3)"])
        #expect(e.rows == [["5", "2", "-4", "1"]])
        #expect(e.columnTypes == [.bigint, .double, .bigint, .boolean])
    }

    /// 0.1 added ten times is exactly 1.0; a DECIMAL(18, 9) sum past BIGINT's digits stays exact.
    @Test func decimalSumsAreExact() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE d; USE d; CREATE TABLE m (k INT, v DECIMAL(18,9), c DECIMAL(3,1)) DISTRIBUTED BY HASH(k) BUCKETS 2")
        let rows = (1...10).map { "(\($0), 999999999.999999999, 0.1)" }.joined(separator: ", ")
        try t.sql("INSERT INTO m VALUES \(rows)")
        let r = try t.sql("SELECT SUM(c), SUM(v), AVG(v), AVG(c), SUM(v) - 9999999999.99999999 FROM m")
        #expect(r.rows == [["1.0", "9999999999.999999990", "999999999.999999999", "0.1000", "0.000000000"]])
        #expect(r.columnTypes[0] == .decimal(precision: 38, scale: 1))
        #expect(r.columnTypes[2] == .decimal(precision: 38, scale: 9))
        // AVG rounds half away from zero at scale max(s, 4).
        try t.sql("INSERT INTO m VALUES (11, -0.000000001, 0.2), (12, 0, 0.2)")
        #expect(try t.scalar("SELECT AVG(c) FROM m WHERE k >= 10") == "0.1667")
    }

    @Test func integerSumsBeyondBigintFailClearly() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE d; USE d; CREATE TABLE b (k BIGINT) DISTRIBUTED BY HASH(k) BUCKETS 1")
        try t.sql("INSERT INTO b VALUES (9223372036854775807), (1)")
        #expect(t.error("SELECT SUM(k) FROM b") == SQLError(code: 1690, sqlState: "22003", "BIGINT value is out of range in 'sum(k)'"))
        #expect(try t.scalar("SELECT AVG(k) FROM b") == "4.611686018427388e+18")
        #expect(try t.scalar("SELECT SUM(k) FROM b WHERE k = 1") == "1")
    }

    @Test func selectWithoutTable() throws {
        let t = try TestCluster()
        let r = try t.sql("SELECT 1 + 2, 7 - 10, 2 * 3.5, 10 / 4, 10 % 3, (1 + 2) * 3, 'a', NULL + 1, 1 < 2, 2 = 3, 1 / 0, 0.1 + 0.2")
        #expect(r.rows == [["3", "-3", "7.0", "2.5", "1", "9", "a", nil, "1", "0", nil, "0.3"]])
        #expect(r.columnTypes == [
            .bigint, .bigint, .decimal(precision: 21, scale: 1), .double, .bigint, .bigint, .text, .bigint, .boolean, .boolean,
            .double, .decimal(precision: 2, scale: 1),
        ])
        #expect(r.columns[0] == "1 + 2")
        #expect(try t.scalar("SELECT 1.00 / 3") == "0.333333")
        #expect(try t.sql("SELECT COUNT(*), SUM(2)").rows == [["1", "2"]])
        #expect(try t.scalar("SELECT @@version_comment LIMIT 1")?.hasPrefix("SnapDeck") == true)
    }

    @Test func refusalsAndDorisLikeErrors() throws {
        let t = try Self.sales()
        let join = t.error("SELECT * FROM s JOIN s2 ON s.id = s2.id")
        #expect(join?.code == 1235)
        #expect(join?.message == "SnapDeck's SELECT reads a single table, with aggregates, to verify data; a JOIN is not supported")
        #expect(t.error("SELECT nope FROM s") == SQLError.unknownColumn("nope"))
        #expect(t.error("SELECT id FROM s ORDER BY nope") == SQLError.unknownColumn("nope", in: "order clause"))
        #expect(t.error("SELECT id FROM s GROUP BY nope") == SQLError.unknownColumn("nope", in: "group statement"))
        #expect(t.error("SELECT COUNT(*) FROM s HAVING nope > 1") == SQLError.unknownColumn("nope", in: "having clause"))
        #expect(t.error("SELECT id FROM s ORDER BY 3") == SQLError.unknownColumn("3", in: "order clause"))
        #expect(t.error("SELECT region, id FROM s GROUP BY region")?.message == "'id' must appear in the GROUP BY clause or be used in an aggregate function")
        #expect(t.error("SELECT UPPER(region) FROM s")?.message.hasPrefix("Can not found function 'upper'") == true)
        #expect(t.error("SELECT SUM(region) FROM s")?.message == "sum requires a numeric parameter: VARCHAR(10)")
        #expect(t.error("SELECT SUM(COUNT(*)) FROM s")?.message == "aggregate function cannot contain aggregate parameters")
        #expect(t.error("SELECT COUNT(*) FROM s GROUP BY 1")?.code == 1056)
        #expect(t.error("SELECT region + 1 FROM s")?.message == "'(region + 1)': arithmetic needs numbers, not VARCHAR(10)")
    }

    /// COUNT(*) without a filter comes from the rowsets' counts; with one it reads the rows.
    @Test func countStarAndLimits() throws {
        let t = try Self.sales()
        #expect(try t.sql("SELECT COUNT(*) FROM s").rows == [["6"]])
        #expect(try t.sql("SELECT COUNT(*) FROM s WHERE qty > 1").rows == [["3"]])
        #expect(try t.sql("SELECT COUNT(*) FROM s LIMIT 0").rows.isEmpty)
        #expect(try t.sql("SELECT COUNT(*) AS n FROM s").columns == ["n"])
    }
}
