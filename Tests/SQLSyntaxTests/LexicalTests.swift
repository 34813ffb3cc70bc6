import SQLSyntax
import Testing

/// Lexing rules, observed through the statements they produce.
@Suite struct LexicalTests {
    private func insertedValues(_ values: String) throws -> [Literal] {
        let statement = try Parser.parse("INSERT INTO t VALUES (\(values))")
        guard case .insert(let insert) = statement, let row = insert.rows.first else { return [] }
        return row
    }

    @Test func keywordsAreCaseInsensitive() throws {
        #expect(try Parser.parse("sHoW dAtAbAsEs") == .showDatabases(like: nil))
    }

    @Test func stringEscapes() throws {
        let values = try insertedValues(
            #"'a\nb', 'a\tb', 'a\\b', 'a\'b', 'a\"b', 'a\0b', 'it''s', "say ""hi""", 'a\rb', 'a\%b', 'a\qb', "it's", 'say "x"'"#
        )
        #expect(
            values == [
                .string("a\nb"), .string("a\tb"), .string("a\\b"), .string("a'b"), .string("a\"b"),
                .string("a\0b"), .string("it's"), .string("say \"hi\""), .string("a\rb"),
                .string("a\\%b"), .string("aqb"), .string("it's"), .string("say \"x\""),
            ])
    }

    /// A megabyte of escapes in one literal. Each escape used to copy the whole value built so
    /// far (about 19 s for this input through `snapdeck sql`); the answer is what is checked here.
    @Test func aMegabyteOfEscapes() throws {
        let pairs = 1 << 19
        let backslashes = String(repeating: "\\", count: 2 * pairs)
        #expect(try insertedValues("'\(backslashes)'") == [.string(String(repeating: "\\", count: pairs))])
        let mixed = String(repeating: #"\%\n"#, count: pairs / 2)
        #expect(try insertedValues("'\(mixed)'") == [.string(String(repeating: "\\%\n", count: pairs / 2))])
    }

    @Test func numbers() throws {
        let values = try insertedValues("0, 42, -7, 3.25, -0.5, 1e3, 1.5E-3, -2e+2, 007, +4")
        #expect(
            values == [
                .number("0"), .number("42"), .number("-7"), .number("3.25"), .number("-0.5"),
                .number("1e3"), .number("1.5E-3"), .number("-2e+2"), .number("007"), .number("4"),
            ])
    }

    @Test func literalsOfEveryKind() throws {
        #expect(try insertedValues("NULL, null, TRUE, false") == [.null, .null, .boolean(true), .boolean(false)])
    }

    @Test func identifiers() throws {
        #expect(try Parser.parse("USE abc_$9") == .use(database: "abc_$9"))
        #expect(try Parser.parse("USE 1st_db") == .use(database: "1st_db"))
        #expect(try Parser.parse("USE 销售数据") == .use(database: "销售数据"))
        #expect(try Parser.parse("USE データ_2024") == .use(database: "データ_2024"))
        #expect(try Parser.parse("USE café") == .use(database: "café"))
        #expect(try Parser.parse("USE `a b`") == .use(database: "a b"))
        #expect(try Parser.parse("USE `a``b`") == .use(database: "a`b"))
        #expect(try Parser.parse("USE `select`") == .use(database: "select"))
        #expect(try Parser.parse("USE `a;b -- c`") == .use(database: "a;b -- c"))
    }

    @Test func reservedWordsNeedBackquotes() {
        #expect(syntaxError("USE select") == SyntaxError(near: "select", line: 1))
        #expect(syntaxError("CREATE TABLE t (key INT)") != nil)
        #expect(syntaxError("CREATE TABLE t (`key` INT)") == nil)
        #expect(syntaxError("CREATE TABLE t (comment STRING, status INT, date DATE)") == nil)
    }

    @Test func onlyASCIIWordsAreKeywords() throws {
        #expect(syntaxError("GRANT adm\u{131}n_pr\u{131}v ON *.* TO u") != nil)
        #expect(try Parser.parse("USE \u{17F}elect") == .use(database: "\u{17F}elect"))
    }

    @Test func comments() throws {
        #expect(try Parser.parse("-- lead\nUSE /* inline */ d # trailing") == .use(database: "d"))
        #expect(try Parser.parse("USE d -- ;\n") == .use(database: "d"))
        #expect(try Parser.parse("USE d --") == .use(database: "d"))
        #expect(try Parser.parse("/* multi\nline */ USE d") == .use(database: "d"))
    }

    @Test func doubleDashWithoutSpaceIsNotAComment() {
        // `--1` is two minus signs and a number, which no literal position accepts.
        #expect(syntaxError("INSERT INTO t VALUES (--1)") != nil)
        #expect(syntaxError("INSERT INTO t VALUES (-- 1\n2)") == nil)
    }

    @Test func comparisonOperatorsWithoutSpaces() throws {
        let statement = try Parser.parse("SELECT * FROM t WHERE a>=1 AND b<>2 AND c!=3 AND d<=-4")
        #expect(
            statement
                == .select(
                    Select(
                        items: [.star], table: TableName(name: "t"),
                        filter: [
                            .compare(column: "a", op: .greaterOrEqual, value: .number("1")),
                            .compare(column: "b", op: .notEqual, value: .number("2")),
                            .compare(column: "c", op: .notEqual, value: .number("3")),
                            .compare(column: "d", op: .lessOrEqual, value: .number("-4")),
                        ])))
    }
}
