import Console
import Engine
import Essentials
import Testing

/// The CLI's result grid and the dashboard measure text with one function, so a grid that lines
/// up in `snapdeck sql` lines up drawn by the dashboard too.
@Suite struct DisplayAlignmentTests {
    /// (text, columns it takes in a terminal)
    static let tricky: [(String, Int)] = [
        ("上海", 4), ("e\u{301}te", 3), ("👩‍💻 dev", 6), ("1\u{FE0F}\u{20E3}", 2), ("🇨🇳", 2),
        ("a\u{200B}b", 2), ("ｶﾅ", 2), ("한국어", 6), ("\u{1100}\u{1161}", 2), ("plain", 5),
    ]

    @Test func theDashboardDrawsTrickyTextInTheColumnsTheGridCounts() {
        for (text, columns) in Self.tricky {
            var buffer = CellBuffer(width: 20, height: 1)
            #expect(buffer.put(text, x: 0, y: 0) == columns, "\(text.debugDescription)")
            #expect(DisplayWidth.of(text) == columns, "\(text.debugDescription)")
        }
    }

    @Test func everyLineOfTheGridEndsInTheSameDashboardColumn() {
        let result = ResultSet(columns: ["name", "n"], rows: Self.tricky.map { [$0.0, String($0.1)] })
        let grid = ResultFormatter(format: .table, showsStatus: false).render(result, seconds: 0)
        let lines = grid.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.tricky.count + 4)
        let ends = lines.map { line -> Int in
            var buffer = CellBuffer(width: 80, height: 1)
            return buffer.put(line, x: 0, y: 0)
        }
        #expect(Set(ends) == [ends[0]], "\(zip(lines, ends).map { "\($1): \($0)" }.joined(separator: "\n"))")
    }
}
