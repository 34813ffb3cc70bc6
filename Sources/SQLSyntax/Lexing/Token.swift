/// One lexical unit of a statement, with its position in the source.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A bare identifier or keyword, as written (keywords are matched case-insensitively).
        case word(String)
        /// A `` `backquoted` `` identifier, unescaped.
        case quotedIdentifier(String)
        /// A single- or double-quoted string, unescaped.
        case string(String)
        /// An unsigned numeric literal, as written (`42`, `2.5`, `1e-3`).
        case number(String)
        /// Punctuation or an operator: `( ) , . = != <> < <= > >= * @ - + [ ]`, anything unknown.
        case symbol(String)
        /// `;` or `\G` (`\g` counts as `;`, as in the mysql client).
        case terminator(Terminator)
        case end
    }

    let kind: Kind
    /// Unicode-scalar offsets of the token in the source, `start..<end`.
    let start: Int
    let end: Int
    /// 1-based line of the token's first character.
    let line: Int
    /// The upper-cased text of an ASCII bare word, for keyword comparison. Non-ASCII words are
    /// never keywords: Unicode case mapping would otherwise let `ſelect` or `admın_prıv`
    /// (dotless i) pass for `SELECT` or `ADMIN_PRIV`.
    let keyword: String?

    init(kind: Kind, start: Int, end: Int, line: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        self.line = line
        if case .word(let text) = kind, text.utf8.allSatisfy({ $0 < 0x80 }) {
            keyword = text.uppercased()
        } else {
            keyword = nil
        }
    }

    func isKeyword(_ candidate: String) -> Bool {
        keyword == candidate
    }

    func isSymbol(_ candidate: String) -> Bool {
        if case .symbol(let text) = kind { return text == candidate }
        return false
    }

    var isTerminator: Bool {
        if case .terminator = kind { return true }
        return false
    }
}
