import Essentials
import Testing

@Suite struct DisplayWidthTests {
    @Test func widthsFollowEastAsianWidthAndCombiningMarks() {
        #expect(DisplayWidth.of("nightly") == 7)
        #expect(DisplayWidth.of("遥测_first") == 10)
        #expect(DisplayWidth.of("上海") == 4)
        #expect(DisplayWidth.of("ｶﾅ") == 2, "halfwidth katakana is narrow")
        #expect(DisplayWidth.of("ＡＢ") == 4, "fullwidth Latin is wide")
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1, "a combining accent adds nothing")
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("👩‍💻") == 2, "a ZWJ sequence is one wide glyph")
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2, "a keycap is an emoji")
        #expect(DisplayWidth.of("🇨🇳") == 2, "a flag is one wide glyph")
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2, "VS16 asks for emoji presentation")
        #expect(DisplayWidth.of("👍🏽") == 2, "a skin tone modifier joins its base")
        #expect(DisplayWidth.of("\u{1100}\u{1161}") == 2, "a Hangul syllable of jamo is one wide glyph")
    }

    @Test func truncationCountsColumnsAndNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("遥测_first", to: 10) == "遥测_first")
        #expect(DisplayWidth.truncate("遥测_first", to: 6) == "遥测_…")
        #expect(DisplayWidth.truncate("遥测_first", to: 4) == "遥…")
        #expect(DisplayWidth.truncate("遥测_first", to: 2) == "…")
        #expect(DisplayWidth.fit("上海", 6) == "上海  ")
        #expect(DisplayWidth.fit("42", 5, alignRight: true) == "   42")
        #expect(DisplayWidth.truncateLeading("/tmp/console-demo", to: 10) == "…sole-demo")
    }

    @Test func wrappingBreaksAtSpacesThenInsideLongWordsAndKeepsIndent() {
        #expect(DisplayWidth.wrap("backend 10002 is down", width: 10) == ["backend", "10002 is", "down"])
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("遥测遥测遥", width: 4) == ["遥测", "遥测", "遥"])
        #expect(DisplayWidth.wrap("a\nb", width: 4) == ["a", "b"])
        #expect(DisplayWidth.wrap("  orders: p1, p2", width: 10) == ["  orders:", "  p1, p2"])
    }

    @Test func padCountsColumnsAndNeverCuts() {
        #expect(DisplayWidth.pad("上海", to: 6) == "上海  ")
        #expect(DisplayWidth.pad("e\u{301}", to: 3) == "e\u{301}  ")
        #expect(DisplayWidth.pad("overlong", to: 3) == "overlong")
    }
}
