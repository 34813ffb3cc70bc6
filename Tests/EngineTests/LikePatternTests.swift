import Engine
import Testing

/// LIKE patterns of any length, through every statement that takes one. A recursive matcher
/// ran out of stack on a pattern of a few tens of thousands of characters and killed the
/// process, so these tests fail by crashing the test run.
@Suite struct LikePatternTests {
    static let longLength = 65_536

    @Test func longPatternsMatchInShowStatements() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE shop; CREATE DATABASE stock; CREATE DATABASE other")
        let runs = String(repeating: "%", count: Self.longLength)
        let names = try t.sql("SHOW DATABASES LIKE 's\(runs)'").rows.map { $0[0] }
        #expect(names == ["shop", "stock"])
        #expect(try t.sql("SHOW DATABASES LIKE '\(String(repeating: "_", count: Self.longLength))'").rows.isEmpty)
        try t.sql("USE shop; CREATE TABLE orders (k INT NOT NULL) DISTRIBUTED BY HASH(k) BUCKETS 1")
        #expect(try t.sql("SHOW TABLES LIKE '\(runs)s'").rows.map { $0[0] } == ["orders"])
        let knobs = try t.sql("ADMIN SHOW FRONTEND CONFIG LIKE '\(runs)'").rows
        #expect(!knobs.isEmpty)
        #expect(try t.sql("ADMIN SHOW FRONTEND CONFIG LIKE '\(runs)no_such_knob\(runs)'").rows.isEmpty)
        #expect(try t.sql("SHOW BACKUP LIKE '\(runs)'").rows.isEmpty)
    }

    @Test func pathologicalPatternsGiveTheRightAnswer() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE d; USE d")
        try t.sql("CREATE TABLE t (k INT NOT NULL, v VARCHAR(65533)) DISTRIBUTED BY HASH(k) BUCKETS 1")
        let long = String(repeating: "a", count: 60_000)
        try t.sql("INSERT INTO t VALUES (1, '\(long)'), (2, '\(long)b'), (3, 'A_b%c')")
        // Every `%a` fits at once, and only the last character decides.
        let manyRuns = String(repeating: "%a", count: 20_000)
        #expect(try keys(t, "v LIKE '\(manyRuns)b'") == ["2"])
        #expect(try keys(t, "v LIKE '\(manyRuns)%'") == ["1", "2"])
        #expect(try keys(t, "v NOT LIKE '\(manyRuns)b'") == ["1", "3"])
        #expect(try keys(t, "v LIKE '\(String(repeating: "_", count: 60_000))'") == ["1"])
        #expect(try keys(t, "v LIKE '\(String(repeating: "%_", count: 30_000))'") == ["1", "2"])
        // The semantics the short patterns always had: `_` one character, `%` any run,
        // `\\` escapes, case-insensitive.
        #expect(try keys(t, "v LIKE 'a\\\\_B\\\\%C'") == ["3"])
        #expect(try keys(t, "v LIKE 'a_b_c'") == ["3"])
        #expect(try keys(t, "v LIKE 'a\\\\_b\\\\_c'").isEmpty)
        #expect(try keys(t, "v LIKE '%B%%'") == ["2", "3"])
        #expect(try keys(t, "v LIKE '%a%a'") == ["1"])
        #expect(try keys(t, "v LIKE 'a'").isEmpty)
    }

    private func keys(_ t: TestCluster, _ predicate: String) throws -> [String] {
        try t.sql("SELECT k FROM t WHERE \(predicate) ORDER BY k").rows.map { $0[0] ?? "NULL" }
    }
}
