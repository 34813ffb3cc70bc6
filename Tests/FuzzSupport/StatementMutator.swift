/// Produces broken variants of valid statements: pieces (words, quoted strings, numbers,
/// punctuation, whitespace) deleted, duplicated, swapped or replaced, text truncated, noise
/// inserted.
public struct StatementMutator {
    private static let noise = [
        "(", ")", ",", ".", ";", "=", "<", ">", "!", "*", "@", "-", "+", "[", "]", "`", "'", "\"",
        "\\", "\\G", "#", "-- ", "/*", "*/", "\0", "\n", "\t", "MAXVALUE", "NULL", "表", "é", "，",
        "''", "``", "\"\"", "--", "0", "-1", "1.5", "1e", "AND", "WHERE", "PARTITION", "ON", "(((",
        ")))", "\u{301}", "🙂", "\r\n",
    ]

    private let corpusPieces: [[String]]

    public init(corpus: [String]) {
        corpusPieces = corpus.map(Self.pieces)
    }

    /// Splits text into identifier runs, quoted runs, whitespace runs and single characters.
    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var characters = Array(text)[...]
        while let first = characters.first {
            let length: Int
            if first == "'" || first == "\"" || first == "`" {
                let close = characters.dropFirst().firstIndex(of: first).map { $0 + 1 } ?? characters.endIndex
                length = close - characters.startIndex
            } else if first.isWhitespace {
                length = characters.prefix(while: \.isWhitespace).count
            } else if first.isLetter || first.isNumber || first == "_" {
                length = characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" }.count
            } else {
                length = 1
            }
            pieces.append(String(characters.prefix(length)))
            characters = characters.dropFirst(length)
        }
        return pieces
    }

    public func mutant(using generator: inout SplitMix64) -> String {
        var pieces = corpusPieces[Int.random(in: 0..<corpusPieces.count, using: &generator)]
        let rounds = Int.random(in: 1...3, using: &generator)
        for _ in 0..<rounds { mutate(&pieces, using: &generator) }
        return pieces.joined()
    }

    private func mutate(_ pieces: inout [String], using generator: inout SplitMix64) {
        let position = pieces.isEmpty ? 0 : Int.random(in: 0..<pieces.count, using: &generator)
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<18:
            if !pieces.isEmpty { pieces.remove(at: position) }
        case 18..<30:
            if !pieces.isEmpty { pieces.insert(pieces[position], at: position) }
        case 30..<42:
            if !pieces.isEmpty {
                pieces.swapAt(position, Int.random(in: 0..<pieces.count, using: &generator))
            }
        case 42..<52:
            let text = pieces.joined()
            let cut = Int.random(in: 0...text.count, using: &generator)
            pieces = [String(text.prefix(cut))]
        case 52..<72:
            pieces.insert(Self.noise.randomElement(using: &generator) ?? "", at: position)
        case 72..<86:
            let donor = corpusPieces.randomElement(using: &generator) ?? []
            if let piece = donor.randomElement(using: &generator) { pieces.insert(piece, at: position) }
        case 86..<90:
            let length = Int.random(in: 100...3000, using: &generator)
            let unit = ["x", "表", "9", "_"].randomElement(using: &generator) ?? "x"
            pieces.insert(String(repeating: unit, count: length), at: position)
        case 90..<93:
            let depth = Int.random(in: 1...2000, using: &generator)
            pieces.insert(String(repeating: "(", count: depth), at: position)
            if Bool.random(using: &generator) {
                pieces.append(String(repeating: ")", count: depth))
            }
        case 93..<96:
            pieces.insert("99999999999999999999999999", at: position)
        default:
            if !pieces.isEmpty {
                pieces[position] = Bool.random(using: &generator)
                    ? pieces[position].uppercased() : pieces[position].lowercased()
            }
        }
    }
}
