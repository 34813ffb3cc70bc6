/// A cursor over the tokens of one statement, with the building blocks shared by every grammar
/// rule (keywords, names, literals, lists, properties).
///
/// Every rule is iterative or recurses a fixed number of levels, so no input can exhaust the stack;
/// the token array always ends with `.end` and the cursor never moves past it.
struct StatementParser {
    let source: [Unicode.Scalar]
    let tokens: [Token]
    private(set) var position = 0
    /// Set when the lexer stopped at an unterminated quote or comment (the final `.end` token
    /// marks where), so reaching the end is an error.
    let lexerFailed: Bool
    /// Where the statement's text ends for error messages: after its last token, before a
    /// trailing terminator and trailing comments.
    let statementEnd: Int

    /// MySQL reserved words that occur in this grammar: they cannot be bare identifiers, so a
    /// misplaced keyword is reported where it stands rather than one token later.
    static let reservedWords: Set<String> = [
        "ADD", "ALL", "ALTER", "AND", "AS", "ASC", "BETWEEN", "BY", "CHECK", "CREATE",
        "DATABASE", "DATABASES", "DEFAULT", "DELETE", "DESC", "DESCRIBE", "DISTINCT", "DROP",
        "EXISTS", "FALSE", "FOR", "FROM", "GRANT", "IF", "IGNORE", "IN", "INFILE", "INSERT",
        "INTO", "IS", "KEY", "LIKE", "LIMIT", "LINES", "LOAD", "NOT", "NULL", "ON", "OR",
        "ORDER", "PARTITION", "RANGE", "REVOKE", "SCHEMA", "SELECT", "SET", "SHOW", "TABLE",
        "TERMINATED", "TO", "TRUE", "UNIQUE", "USE", "VALUES", "WHERE", "WITH",
    ]

    init(text: String) {
        source = Array(text.unicodeScalars)
        let output = Lexer.scan(source)
        tokens = output.tokens
        lexerFailed = output.failure != nil
        if let failure = output.failure {
            var end = source.count
            while end > failure.offset, Lexer.isSpace(source[end - 1]) { end -= 1 }
            statementEnd = end
        } else {
            var meaningful = tokens.dropLast()
            if meaningful.last?.isTerminator == true { meaningful = meaningful.dropLast() }
            statementEnd = meaningful.last?.end ?? 0
        }
    }

    // MARK: Cursor

    var current: Token { tokens[position] }

    func peek(_ distance: Int = 1) -> Token {
        tokens[min(position + distance, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// Moves to the final terminator or end, for rules that consume "the rest of the statement".
    mutating func skipToStatementEnd() {
        while !current.isTerminator, current.kind != .end { advance() }
    }

    // MARK: Errors

    func error(at token: Token) -> SyntaxError {
        let start = min(token.start, source.count)
        // The offending token itself is always quoted, even a terminator past `statementEnd`.
        let end = min(max(statementEnd, token.end), source.count)
        let near = String(String.UnicodeScalarView(source[start..<end]))
        return SyntaxError(near: String(near.prefix(SyntaxError.nearLimit)), line: token.line)
    }

    /// The error for "this token does not fit here".
    var unexpected: SyntaxError { error(at: current) }

    /// Accepts an optional trailing terminator, then requires the end of the statement.
    mutating func finish() throws(SyntaxError) {
        if current.isTerminator { advance() }
        guard current.kind == .end, !lexerFailed else { throw unexpected }
    }

    // MARK: Keywords and symbols

    func at(_ keyword: String) -> Bool { current.isKeyword(keyword) }

    mutating func accept(_ keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    /// Accepts a whole keyword sequence such as `IF NOT EXISTS`, or nothing of it.
    mutating func accept(sequence keywords: [String]) -> Bool {
        for (distance, keyword) in keywords.enumerated() {
            guard peek(distance).isKeyword(keyword) else { return false }
        }
        for _ in keywords { advance() }
        return true
    }

    mutating func expect(_ keywords: String...) throws(SyntaxError) {
        for keyword in keywords {
            guard accept(keyword) else { throw unexpected }
        }
    }

    /// Returns the keyword that matched, upper-cased.
    mutating func expectOne(of keywords: Set<String>) throws(SyntaxError) -> String {
        guard let keyword = current.keyword, keywords.contains(keyword) else { throw unexpected }
        advance()
        return keyword
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expectSymbol(_ symbol: String) throws(SyntaxError) {
        guard acceptSymbol(symbol) else { throw unexpected }
    }

    // MARK: Names

    /// A bare (non-reserved) word or a backquoted identifier.
    mutating func identifier() throws(SyntaxError) -> String {
        switch current.kind {
        case .word(let text) where !isReserved(current):
            advance()
            return text
        case .quotedIdentifier(let text):
            advance()
            return text
        default:
            throw unexpected
        }
    }

    var atIdentifier: Bool {
        switch current.kind {
        case .word: return !isReserved(current)
        case .quotedIdentifier: return true
        default: return false
        }
    }

    private func isReserved(_ token: Token) -> Bool {
        token.keyword.map(Self.reservedWords.contains) ?? false
    }

    /// `name` or `qualifier.name`.
    mutating func qualifiedName() throws(SyntaxError) -> (qualifier: String?, name: String) {
        let first = try identifier()
        guard acceptSymbol(".") else { return (nil, first) }
        return (first, try identifier())
    }

    mutating func tableName() throws(SyntaxError) -> TableName {
        let (database, name) = try qualifiedName()
        return TableName(database: database, name: name)
    }

    /// `FROM db` or `IN db`, if present.
    mutating func optionalDatabaseClause() throws(SyntaxError) -> String? {
        guard accept("FROM") || accept("IN") else { return nil }
        return try identifier()
    }

    // MARK: Literals

    mutating func stringLiteral() throws(SyntaxError) -> String {
        guard case .string(let value) = current.kind else { throw unexpected }
        advance()
        return value
    }

    mutating func optionalLike() throws(SyntaxError) -> String? {
        accept("LIKE") ? try stringLiteral() : nil
    }

    /// A non-negative integer that fits `Int` (LIMIT, BUCKETS, lengths, ...).
    mutating func integer() throws(SyntaxError) -> Int {
        guard case .number(let text) = current.kind,
            text.unicodeScalars.allSatisfy(\.isASCIIDigit), let value = Int(text)
        else { throw unexpected }
        advance()
        return value
    }

    var atLiteral: Bool {
        switch current.kind {
        case .number, .string: return true
        case .symbol("-"), .symbol("+"):
            if case .number = peek().kind { return true }
            return false
        case .word:
            return at("NULL") || at("TRUE") || at("FALSE")
        default:
            return false
        }
    }

    /// A number (a leading `-` or `+` folds into it), string, `NULL`, `TRUE` or `FALSE`.
    mutating func literal() throws(SyntaxError) -> Literal {
        switch current.kind {
        case .number(let text):
            advance()
            return .number(text)
        case .string(let text):
            advance()
            return .string(text)
        case .symbol(let sign) where sign == "-" || sign == "+":
            guard case .number(let text) = peek().kind else { throw error(at: peek()) }
            advance()
            advance()
            return .number(sign == "-" ? "-" + text : text)
        default:
            if accept("NULL") { return .null }
            if accept("TRUE") { return .boolean(true) }
            if accept("FALSE") { return .boolean(false) }
            throw unexpected
        }
    }

    // MARK: Lists

    /// One or more elements separated by commas.
    mutating func commaSeparated<Element>(
        _ element: (inout StatementParser) throws(SyntaxError) -> Element
    ) throws(SyntaxError) -> [Element] {
        var elements = [try element(&self)]
        while acceptSymbol(",") { elements.append(try element(&self)) }
        return elements
    }

    /// `( element, ... )` with at least one element.
    mutating func parenthesized<Element>(
        _ element: (inout StatementParser) throws(SyntaxError) -> Element
    ) throws(SyntaxError) -> [Element] {
        try expectSymbol("(")
        let elements = try commaSeparated(element)
        try expectSymbol(")")
        return elements
    }

    /// `(name, ...)`.
    mutating func identifierList() throws(SyntaxError) -> [String] {
        try parenthesized { parser throws(SyntaxError) in try parser.identifier() }
    }

    /// `("key" = "value", ...)`; keys may also be identifiers and values numbers or words,
    /// as Doris allows.
    mutating func propertyList() throws(SyntaxError) -> [Property] {
        try parenthesized { parser throws(SyntaxError) in try parser.property() }
    }

    private mutating func property() throws(SyntaxError) -> Property {
        let key: String
        if case .string(let text) = current.kind {
            advance()
            key = text
        } else {
            key = try identifier()
        }
        try expectSymbol("=")
        switch current.kind {
        case .word(let text):
            advance()
            return Property(key, text)
        default:
            switch try literal() {
            case .number(let text), .string(let text): return Property(key, text)
            case .boolean(let value): return Property(key, value ? "true" : "false")
            case .null, .maxValue: throw error(at: tokens[max(position - 1, 0)])
            }
        }
    }

    /// `PROPERTIES (...)`, if present.
    mutating func optionalProperties() throws(SyntaxError) -> [Property] {
        accept("PROPERTIES") ? try propertyList() : []
    }
}
