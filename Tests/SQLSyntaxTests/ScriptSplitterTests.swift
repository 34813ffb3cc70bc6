import FuzzSupport
import SQLSyntax
import Testing

@Suite struct ScriptSplitterTests {
    private func texts(_ script: String) -> [String] {
        ScriptSplitter.split(script).statements.map(\.text)
    }

    @Test func splitsAtSemicolonsAndKeepsLines() {
        let (statements, remainder) = ScriptSplitter.split("USE d;\nSHOW TABLES;\n\nSELECT * FROM t;")
        #expect(
            statements == [
                StatementText(text: "USE d", terminator: .semicolon, line: 1),
                StatementText(text: "SHOW TABLES", terminator: .semicolon, line: 2),
                StatementText(text: "SELECT * FROM t", terminator: .semicolon, line: 4),
            ])
        #expect(remainder == "")
    }

    @Test func severalStatementsOnOneLine() {
        #expect(texts("USE d; SHOW TABLES;SHOW BACKUP ;") == ["USE d", "SHOW TABLES", "SHOW BACKUP"])
    }

    @Test func verticalTerminator() {
        let (statements, remainder) = ScriptSplitter.split("SHOW BACKUP\\G SHOW RESTORE\\g")
        #expect(
            statements == [
                StatementText(text: "SHOW BACKUP", terminator: .vertical, line: 1),
                StatementText(text: "SHOW RESTORE", terminator: .semicolon, line: 1),
            ])
        #expect(remainder == "")
    }

    @Test func semicolonsInsideQuotesDoNotSplit() {
        let script = """
            INSERT INTO t VALUES ('a;b', "c;d", 'it''s;', 'x\\';y');
            SELECT `odd;name` FROM `t;``x`;
            """
        #expect(
            texts(script) == [
                "INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s;', 'x\\';y')",
                "SELECT `odd;name` FROM `t;``x`",
            ])
    }

    @Test func semicolonsAndTerminatorsInsideCommentsDoNotSplit() {
        let script = """
            -- setup; not a statement
            # another; comment \\G
            CREATE DATABASE d /* inline; \\G */;
            /* multi
               line; */ USE d;
            SELECT 1--2;
            """
        let (statements, remainder) = ScriptSplitter.split(script)
        #expect(
            statements == [
                StatementText(text: "CREATE DATABASE d", terminator: .semicolon, line: 3),
                StatementText(text: "USE d", terminator: .semicolon, line: 5),
                StatementText(text: "SELECT 1--2", terminator: .semicolon, line: 6),
            ])
        #expect(remainder == "")
    }

    @Test func multiLineStatement() {
        let script = "\n\n  CREATE TABLE t (\n    a INT,\n    b STRING\n  )\n  DISTRIBUTED BY HASH(a);\n"
        let (statements, remainder) = ScriptSplitter.split(script)
        #expect(
            statements == [
                StatementText(
                    text: "CREATE TABLE t (\n    a INT,\n    b STRING\n  )\n  DISTRIBUTED BY HASH(a)",
                    terminator: .semicolon, line: 3)
            ])
        #expect(remainder == "\n")
    }

    @Test func remainderIsTheRawTextAfterTheLastTerminator() {
        let (statements, remainder) = ScriptSplitter.split("USE d; SELECT *\nFROM t")
        #expect(statements.map(\.text) == ["USE d"])
        #expect(remainder == " SELECT *\nFROM t")
    }

    @Test func remainderMayBeOnlyComments() {
        let (statements, remainder) = ScriptSplitter.split("USE d; -- done\n/* c */ ")
        #expect(statements.map(\.text) == ["USE d"])
        #expect(remainder == " -- done\n/* c */ ")
    }

    @Test func unterminatedQuoteKeepsEverythingAfterTheLastTerminatorInTheRemainder() {
        let (statements, remainder) = ScriptSplitter.split("USE d; INSERT INTO t VALUES ('a;\nb); SHOW x;")
        #expect(statements.map(\.text) == ["USE d"])
        #expect(remainder == " INSERT INTO t VALUES ('a;\nb); SHOW x;")
        let completed = ScriptSplitter.split(remainder + "');")
        #expect(completed.statements.map(\.text) == ["INSERT INTO t VALUES ('a;\nb); SHOW x;')"])
        #expect(completed.statements.first?.line == 1)
    }

    @Test func unterminatedCommentAndBackquote() {
        #expect(ScriptSplitter.split("USE d; /* open; ").remainder == " /* open; ")
        #expect(ScriptSplitter.split("SELECT `a; FROM t;").statements.isEmpty)
    }

    @Test func emptyStatementsAreSkipped() {
        let (statements, remainder) = ScriptSplitter.split(";; \n ; USE d;;/* only a comment */;")
        #expect(statements.map(\.text) == ["USE d"])
        #expect(statements.first?.line == 2)
        #expect(remainder == "")
    }

    @Test func emptyScript() {
        let (statements, remainder) = ScriptSplitter.split("")
        #expect(statements.isEmpty)
        #expect(remainder == "")
    }

    @Test func trailingCommentsBeforeTheTerminatorAreDropped() {
        #expect(texts("SELECT * FROM t -- note\n;") == ["SELECT * FROM t"])
    }

    @Test func cjkTextAndLineNumbers() {
        let (statements, _) = ScriptSplitter.split("CREATE DATABASE 销售;\n\nUSE 销售;")
        #expect(
            statements == [
                StatementText(text: "CREATE DATABASE 销售", terminator: .semicolon, line: 1),
                StatementText(text: "USE 销售", terminator: .semicolon, line: 3),
            ])
    }

    @Test func everySplitStatementParses() throws {
        let script = DorisReferenceCorpus.statements.joined(separator: ";\n") + ";"
        let (statements, remainder) = ScriptSplitter.split(script)
        #expect(statements.count == DorisReferenceCorpus.statements.count)
        #expect(remainder.isEmpty)
        for (index, statement) in statements.enumerated() {
            #expect(statement.line == index + 1)
            #expect(syntaxError(statement.text) == nil)
        }
    }

    @Test func blankMeansOnlyWhitespaceAndCommentsByTheLexersRules() {
        for blank in ["", " \n\t", "-- a; b", "--", "--\n# x\n/* y; */ ", "-- x\r\n"] {
            #expect(ScriptSplitter.isBlank(blank), "\(blank.debugDescription)")
        }
        for text in ["--force", "--1", "#\n--x", "/* open", "'open", "x", "/* */ ;"] {
            #expect(!ScriptSplitter.isBlank(text), "\(text.debugDescription)")
        }
        // A remainder of `--x` is a statement to run, not a comment to drop.
        #expect(ScriptSplitter.split("USE d; --x").remainder == " --x")
    }
}
