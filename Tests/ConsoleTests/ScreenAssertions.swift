import Essentials
import Foundation
import Testing
@testable import Console

/// Compares screen lines and reports every differing row, so a failing render test reads like a diff.
func expectLines(_ actual: [String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var differences: [String] = []
    for row in 0..<max(actual.count, wanted.count) {
        let a = row < actual.count ? actual[row] : "<missing>"
        let w = row < wanted.count ? wanted[row] : "<missing>"
        if a != w { differences.append("row \(row):\n  expected |\(w)|\n  actual   |\(a)|") }
    }
    #expect(differences.isEmpty, Comment(rawValue: differences.joined(separator: "\n")), sourceLocation: sourceLocation)
}

extension CellBuffer {
    /// The display column where `text` starts on row `y`, counting wide characters as two.
    func column(of text: String, row y: Int) -> Int? {
        let line = textLines()[y]
        guard let range = line.range(of: text) else { return nil }
        return DisplayWidth.of(String(line[..<range.lowerBound]))
    }
}
