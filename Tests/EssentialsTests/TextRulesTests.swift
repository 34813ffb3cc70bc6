import Essentials
import Testing

@Suite struct NameRulesTests {
    @Test func namesThatWouldTrickAPathOrATerminalAreRefused() {
        #expect(NameRules.problem(with: "遥测_first") == nil)
        #expect(NameRules.problem(with: "") == "it is empty")
        #expect(NameRules.problem(with: String(repeating: "x", count: 65)) == "it is longer than 64 characters")
        #expect(NameRules.problem(with: "a/b") == "it contains a path separator")
        #expect(NameRules.problem(with: "a..b") == "it contains '..'")
        #expect(NameRules.problem(with: "a\u{1B}b") == "it contains a control character")
        #expect(NameRules.problem(with: ".hidden") != nil)
        #expect(NameRules.printable("a\u{1B}[2Jb") == "a\\x1b[2Jb")
    }

    @Test func labelsFollowDorisRegexCountedInCodePoints() {
        #expect(NameRules.isValidLabel("nightly-2024_01"))
        #expect(NameRules.isValidLabel("遥测备份"))
        #expect(!NameRules.isValidLabel("a b"))
        #expect(!NameRules.isValidLabel("label\n"), "no line end slips past the end anchor")
        #expect(NameRules.isValidLabel(String(repeating: "备", count: 128)))
        #expect(!NameRules.isValidLabel(String(repeating: "a", count: 129)))
        #expect(NameRules.labelProblem("") == "Label is empty")
    }

    @Test func repositoryNamesFollowDorisCommonNameRule() {
        #expect(NameRules.isValidRepositoryName("demo_repo2"))
        #expect(!NameRules.isValidRepositoryName("2repo"))
        #expect(!NameRules.isValidRepositoryName("仓库"))
        #expect(!NameRules.isValidRepositoryName(String(repeating: "r", count: 65)))
    }
}

@Suite struct QuotingTests {
    @Test func identifiersAndStringsAreQuotedForSQL() {
        #expect(Quoting.sqlIdentifier("we`ird") == "`we``ird`")
        #expect(Quoting.sqlString("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
        #expect(Quoting.sqlString("it's\u{0}") == "\"it's\\0\"")
    }

    @Test func jsonStringsEscapeQuotesAndEveryControlCharacter() {
        #expect(Quoting.jsonString("上海") == "\"上海\"")
        #expect(Quoting.jsonString("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(Quoting.jsonString("\n\t\u{8}\u{C}\u{1}") == "\"\\n\\t\\b\\f\\u0001\"")
        #expect(Quoting.jsonString("\u{2028}") == "\"\\u2028\"")
    }
}

@Suite struct HexTests {
    @Test func bytesBecomeTwoLowerCaseDigitsEach() {
        #expect(Hex.lowercase([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(Hex.lowercase([UInt8]()) == "")
    }
}
