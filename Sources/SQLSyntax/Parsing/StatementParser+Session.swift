/// Session statements, the ones MySQL clients send right after connecting: SET, SET NAMES,
/// SHOW VARIABLES and SELECT without a table.
extension StatementParser {
    /// `SET NAMES ...`, `SET PASSWORD ...` or `SET assignment [, assignment ...]`.
    mutating func setStatement() throws(SyntaxError) -> Statement {
        try expect("SET")
        if at("NAMES") { return try setNames() }
        if at("PASSWORD") { return try setPassword() }
        return .setVariables(try commaSeparated { parser throws(SyntaxError) in try parser.variableAssignment() })
    }

    /// `[GLOBAL | SESSION | LOCAL] name = value` or `@@[global. | session. | local.]name = value`;
    /// `:=` works as `=`, as in MySQL.
    private mutating func variableAssignment() throws(SyntaxError) -> VariableAssignment {
        let name: String
        var scope = VariableScope.session
        if current.isSymbol("@") {
            (name, scope) = try systemVariable()
        } else {
            if let keyword = current.keyword, Self.scopeWords.contains(keyword), peek().kind != .symbol("=") {
                scope = keyword == "GLOBAL" ? .global : .session
                advance()
            }
            name = try variableName()
        }
        if current.isSymbol(":") {
            // `:=` lexes as two symbols; only the pair, written together, assigns.
            guard peek().isSymbol("="), peek().start == current.end else { throw unexpected }
            advance()
        }
        try expectSymbol("=")
        return VariableAssignment(name, scope: scope, try variableValue())
    }

    private static let scopeWords: Set<String> = ["GLOBAL", "SESSION", "LOCAL"]

    /// `@@name`, `@@global.name`, `@@session.name` or `@@local.name`, written without spaces.
    /// A user variable (`@name`) is not supported and fails at its `@`.
    mutating func systemVariable() throws(SyntaxError) -> (name: String, scope: VariableScope) {
        let at = current
        guard at.isSymbol("@"), peek().isSymbol("@"), peek().start == at.end, peek(2).start == peek().end else {
            throw unexpected
        }
        advance()
        advance()
        var scope = VariableScope.session
        if let keyword = current.keyword, Self.scopeWords.contains(keyword), peek().isSymbol("."),
            peek().start == current.end {
            scope = keyword == "GLOBAL" ? .global : .session
            advance()
            advance()
        }
        return (try variableName(), scope)
    }

    /// A variable's name: any word (`version`, `sql_mode`) or a backquoted name.
    private mutating func variableName() throws(SyntaxError) -> String {
        switch current.kind {
        case .word(let text), .quotedIdentifier(let text):
            advance()
            return text
        default:
            throw unexpected
        }
    }

    /// `DEFAULT`, a literal, or a bare word such as `ON`, `OFF` or `SYSTEM`.
    private mutating func variableValue() throws(SyntaxError) -> VariableValue {
        if accept("DEFAULT") { return .default }
        if atLiteral { return .literal(try literal()) }
        if case .word(let text) = current.kind {
            advance()
            return .word(text)
        }
        throw unexpected
    }

    /// `SET NAMES {charset | 'charset' | DEFAULT} [COLLATE {collation | 'collation' | DEFAULT}]`
    private mutating func setNames() throws(SyntaxError) -> Statement {
        try expect("NAMES")
        let charset = try nameOrDefault()
        let collation = accept("COLLATE") ? try nameOrDefault() : nil
        return .setNames(charset: charset, collation: collation)
    }

    /// A character set or collation name, bare or quoted; nil for `DEFAULT`.
    private mutating func nameOrDefault() throws(SyntaxError) -> String? {
        if accept("DEFAULT") { return nil }
        if case .string(let text) = current.kind {
            advance()
            return text
        }
        return try variableName()
    }

    /// `SHOW [GLOBAL | SESSION | LOCAL] VARIABLES [LIKE 'pattern' | WHERE ...]`; a LIKE becomes
    /// a predicate on `Variable_name`, the column MySQL matches it against.
    mutating func showVariables() throws(SyntaxError) -> Statement {
        var scope = VariableScope.session
        if let keyword = current.keyword, Self.scopeWords.contains(keyword) {
            scope = keyword == "GLOBAL" ? .global : .session
            advance()
        }
        try expect("VARIABLES")
        if let pattern = try optionalLike() {
            return .showVariables(scope: scope, filter: [.like(column: "Variable_name", pattern: pattern, negated: false)])
        }
        return .showVariables(scope: scope, filter: try optionalWhere())
    }

    /// Whether the SELECT at the cursor reads a table: it has a FROM, outside parentheses, that
    /// does not name MySQL's dummy table `DUAL`.
    var selectReadsTable: Bool {
        var depth = 0
        for index in position..<tokens.count {
            let token = tokens[index]
            if token.isTerminator || token.kind == .end { return false }
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isKeyword("FROM") {
                return !tokens[min(index + 1, tokens.count - 1)].isKeyword("DUAL")
            }
        }
        return false
    }

    /// `SELECT item [, item ...] [FROM DUAL] [LIMIT ...]`
    mutating func valueSelect() throws(SyntaxError) -> Statement {
        try expect("SELECT")
        let items = try commaSeparated { parser throws(SyntaxError) in try parser.valueItem() }
        try rejectSetOperation()
        if accept("FROM") { try expect("DUAL") }
        let (limit, offset) = try optionalLimit()
        try rejectSetOperation()
        return .selectValues(ValueSelect(items: items, limit: limit, offset: offset))
    }

    /// `expression [[AS] alias]`, named as MySQL names it: the alias, else a string literal's
    /// value, else the expression's text as written.
    private mutating func valueItem() throws(SyntaxError) -> ValueSelect.Item {
        let start = current.start
        let expression = try expression()
        let written = String(String.UnicodeScalarView(source[start..<tokens[position - 1].end]))
        var name = written
        if case .literal(.string(let value)) = expression { name = value }
        if let alias = try optionalAlias() { name = alias }
        return ValueSelect.Item(expression, name: name)
    }

    /// `LIMIT n [OFFSET m]` or `LIMIT m, n`, if present.
    mutating func optionalLimit() throws(SyntaxError) -> (limit: Int?, offset: Int?) {
        guard accept("LIMIT") else { return (nil, nil) }
        let first = try integer()
        if acceptSymbol(",") { return (try integer(), first) }
        return (first, accept("OFFSET") ? try integer() : nil)
    }
}
