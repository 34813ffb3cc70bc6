import SQLSyntax
import Testing

@Suite struct SyntaxErrorTests {
    private let prefix =
        "You have an error in your SQL syntax; check the manual that corresponds to your MySQL "
        + "server version for the right syntax to use near "

    @Test func mysqlMessage() throws {
        let error = try #require(syntaxError("SELEC 1"))
        #expect(error == SyntaxError(near: "SELEC 1", line: 1))
        #expect(error.message == prefix + "'SELEC 1' at line 1")
        #expect("\(error)" == error.message)
    }

    @Test(arguments: [
        ("SELEC 1;", "SELEC 1", 1),
        ("SELEC 1 \\G", "SELEC 1", 1),
        ("SELECT * FROM", "", 1),
        ("SELECT * FROM t WHERE", "", 1),
        ("SHOW TABLES FROM d LIKE", "", 1),
        ("SELECT * FROM t WHERE a = = 1", "= 1", 1),
        ("SELECT *\nFROM t\nWHERE a = = 1\nLIMIT 5", "= 1\nLIMIT 5", 3),
        ("CREATE TABLE t (a INT) DISTRIBUTED BY HASH(a) BUCKETS 1.5", "1.5", 1),
        ("CREATE TABLE t (a INT) DISTRIBUTED BY HASH(a) BUCKETS -3", "-3", 1),
        ("SELECT * FROM t LIMIT 99999999999999999999", "99999999999999999999", 1),
        ("CREATE TABLE t (a CHAR(0x10))", "0x10))", 1),
        ("LOAD DATA INFILE 'f' INTO TABLE t IGNORE 1e2 LINES", "1e2 LINES", 1),
        ("SHOW BRIEF BACKUP", "BACKUP", 1),
        ("SHOW SNAPSHOT ON r WHERE SNAPSHOTTYPE = 'remote'", "SNAPSHOTTYPE = 'remote'", 1),
        ("GRANT LOAD_PRIV ON hive.d.* TO u", "hive.d.* TO u", 1),
        ("BACKUP SNAPSHOT l TO r ON (t TEMPORARY PARTITION (p))", "TEMPORARY PARTITION (p))", 1),
        ("USE d; USE e", "USE e", 1),
        ("CREATE TABLE t (a INT) PARTITION BY LIST(a) (PARTITION p VALUES LESS THAN (1))", "LESS THAN (1))", 1),
        ("USE d;;", ";", 1),
        ("DROP TABLE 表 表2", "表2", 1),
        ("SELECT * FROM t WHERE a = 'x' OR b = 1 -- trailing comment", "OR b = 1", 1),
        ("SELECT * FROM t WHERE a = 1 OR\n b = 1;\n", "OR\n b = 1", 1),
    ])
    func nearTextAndLine(sql: String, near: String, line: Int) throws {
        let error = try #require(syntaxError(sql))
        #expect(error.near == near)
        #expect(error.line == line)
    }

    @Test func emptyInput() throws {
        #expect(syntaxError("") == SyntaxError(near: "", line: 1))
        #expect(syntaxError(";") == SyntaxError(near: "", line: 1))
        #expect(syntaxError("   ")?.near == "")
        #expect(syntaxError("-- only a comment\n/* and another */")?.near == "")
        #expect(syntaxError("\\G")?.near == "")
    }

    @Test func nearTextIsCutAt80Characters() throws {
        let tail = String(repeating: "x", count: 200)
        let error = try #require(syntaxError("SELECT * FROM t WHERE a = = \(tail)"))
        #expect(error.near == "= " + String(repeating: "x", count: 78))
        let cjk = try #require(syntaxError("SELEC " + String(repeating: "表", count: 100)))
        #expect(cjk.near.count == 80)
        #expect(cjk.near.hasPrefix("SELEC 表表"))
    }

    @Test func unterminatedQuotesAndComments() throws {
        #expect(syntaxError("SELECT * FROM t WHERE a = 'abc") == SyntaxError(near: "'abc", line: 1))
        #expect(syntaxError("SELECT * FROM t WHERE a = \"abc\n") == SyntaxError(near: "\"abc", line: 1))
        #expect(syntaxError("SHOW TABLES /* never closed") == SyntaxError(near: "/* never closed", line: 1))
        #expect(syntaxError("USE `d") == SyntaxError(near: "`d", line: 1))
        #expect(syntaxError("USE d\n'x;") == SyntaxError(near: "'x;", line: 2))
        #expect(syntaxError("SELECT * FROM t WHERE a = 'ends with backslash\\") != nil)
    }

    @Test func anEarlierErrorWinsOverAnUnterminatedQuote() {
        #expect(syntaxError("SELEC 'abc") == SyntaxError(near: "SELEC 'abc", line: 1))
    }

    @Test func unknownCharactersAreSyntaxErrors() {
        #expect(syntaxError("USE d ~") == SyntaxError(near: "~", line: 1))
        #expect(syntaxError("USE d\0") == SyntaxError(near: "\0", line: 1))
        #expect(syntaxError("USE d，e") == SyntaxError(near: "，e", line: 1))
        #expect(syntaxError("USE d \\x") == SyntaxError(near: "\\x", line: 1))
    }
}
