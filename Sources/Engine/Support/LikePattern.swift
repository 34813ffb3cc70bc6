/// SQL `LIKE` patterns (`%` any run, `_` one character, `\` escapes). Case-insensitive by
/// default, as MySQL's SHOW ... LIKE and its default collation are.
///
/// The pattern is kept as the fixed-length pieces between its `%`s. The first piece must sit at
/// the start of the text and the last at its end; each middle piece is taken at its leftmost
/// fit after the one before, which never loses a match because a later fit leaves less room for
/// the pieces that follow. Matching is therefore iterative and near-linear (a piece's search is
/// at worst its length times the text's), where a recursive matcher ran out of stack on long
/// patterns.
public struct LikePattern {
    private enum Element: Equatable {
        case character(Character)
        case anyCharacter
    }

    /// The pieces between the `%`s; a single piece when the pattern has no `%`.
    private let pieces: [[Element]]
    private let caseSensitive: Bool

    public init(_ text: String, caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
        let pattern = Array(caseSensitive ? text : text.lowercased())
        var pieces: [[Element]] = [[]]
        var index = 0
        while index < pattern.count {
            switch pattern[index] {
            case "%":
                pieces.append([])
            case "_":
                pieces[pieces.count - 1].append(.anyCharacter)
            case "\\" where index + 1 < pattern.count:
                index += 1
                pieces[pieces.count - 1].append(.character(pattern[index]))
            case let character:
                pieces[pieces.count - 1].append(.character(character))
            }
            index += 1
        }
        self.pieces = pieces
    }

    public func matches(_ text: String) -> Bool {
        let t = Array(caseSensitive ? text : text.lowercased())
        let head = pieces[0]
        guard pieces.count > 1 else { return t.count == head.count && Self.piece(head, fits: t, at: 0) }
        let tail = pieces[pieces.count - 1]
        guard head.count + tail.count <= t.count, Self.piece(head, fits: t, at: 0),
            Self.piece(tail, fits: t, at: t.count - tail.count)
        else { return false }
        var position = head.count
        let end = t.count - tail.count
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let start = Self.firstFit(of: piece, in: t, from: position, before: end) else { return false }
            position = start + piece.count
        }
        return true
    }

    private static func piece(_ piece: [Element], fits text: [Character], at start: Int) -> Bool {
        for (offset, element) in piece.enumerated() {
            if case .character(let character) = element, text[start + offset] != character { return false }
        }
        return true
    }

    /// The leftmost start at or after `position` where `piece` fits wholly before `end`.
    private static func firstFit(of piece: [Element], in text: [Character], from position: Int, before end: Int) -> Int? {
        guard end - piece.count >= position else { return nil }
        return (position...(end - piece.count)).first { Self.piece(piece, fits: text, at: $0) }
    }
}
