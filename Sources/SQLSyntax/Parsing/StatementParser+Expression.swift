/// Select-list, GROUP BY, HAVING and ORDER BY expressions, by precedence from loosest:
/// `OR`, `AND`, `NOT`, comparisons and `IS [NOT] NULL`, `+ -`, `* / %`, unary minus, and
/// primaries (literals, `@@variables`, calls, columns, parentheses).
extension StatementParser {
    /// Deeper nesting than any real query is refused, so recursion stays bounded.
    static let maxExpressionDepth = 64

    /// Words that end a table reference or a select item instead of naming an alias.
    private static let clauseWords: Set<String> = [
        "GROUP", "HAVING", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL",
        "STRAIGHT_JOIN", "UNION", "INTERSECT", "EXCEPT", "MINUS", "LATERAL", "OVER", "WINDOW",
    ]

    var atAlias: Bool {
        atIdentifier && !(current.keyword.map(Self.clauseWords.contains) ?? false)
    }

    func unsupported(_ construct: String) -> SyntaxError {
        SyntaxError(unsupported: construct, line: current.line)
    }

    mutating func expression(depth: Int = 0) throws(SyntaxError) -> SelectExpression {
        guard depth < Self.maxExpressionDepth else { throw unexpected }
        var result = try conjunction(depth)
        while accept("OR") || acceptSymbol("||") {
            result = .binary(.or, result, try conjunction(depth))
        }
        return result
    }

    private mutating func conjunction(_ depth: Int) throws(SyntaxError) -> SelectExpression {
        var result = try negation(depth)
        while accept("AND") || acceptSymbol("&&") {
            result = .binary(.and, result, try negation(depth))
        }
        return result
    }

    private mutating func negation(_ depth: Int) throws(SyntaxError) -> SelectExpression {
        var negations = 0
        while accept("NOT") { negations += 1 }
        var result = try comparison(depth)
        for _ in 0..<negations { result = .unary(.not, result) }
        return result
    }

    private mutating func comparison(_ depth: Int) throws(SyntaxError) -> SelectExpression {
        var result = try additive(depth)
        while true {
            if accept("IS") {
                let negated = accept("NOT")
                try expect("NULL")
                result = .isNull(result, negated: negated)
            } else if case .symbol(let text) = current.kind,
                let op = text == "<>" ? .notEqual : BinaryOperator(rawValue: text), op.isComparison
            {
                advance()
                result = .binary(op, result, try additive(depth))
            } else {
                if (at("IN") || at("NOT") && peek().isKeyword("IN")), peek(at("NOT") ? 2 : 1).isSymbol("("),
                    peek(at("NOT") ? 3 : 2).isKeyword("SELECT")
                {
                    throw unsupported("a subquery")
                }
                return result
            }
        }
    }

    private mutating func additive(_ depth: Int) throws(SyntaxError) -> SelectExpression {
        var result = try multiplicative(depth)
        while true {
            if acceptSymbol("+") {
                result = .binary(.add, result, try multiplicative(depth))
            } else if acceptSymbol("-") {
                result = .binary(.subtract, result, try multiplicative(depth))
            } else {
                return result
            }
        }
    }

    private mutating func multiplicative(_ depth: Int) throws(SyntaxError) -> SelectExpression {
        var result = try unary(depth)
        while true {
            if acceptSymbol("*") {
                result = .binary(.multiply, result, try unary(depth))
            } else if acceptSymbol("/") {
                result = .binary(.divide, result, try unary(depth))
            } else if acceptSymbol("%") || accept("MOD") {
                result = .binary(.modulo, result, try unary(depth))
            } else {
                return result
            }
        }
    }

    private mutating func unary(_ depth: Int) throws(SyntaxError) -> SelectExpression {
        // `-5` is a literal; `-x` and `- (1)` negate.
        if !atLiteral, current.isSymbol("-") || current.isSymbol("+") {
            let negate = current.isSymbol("-")
            advance()
            guard depth + 1 < Self.maxExpressionDepth else { throw unexpected }
            let operand = try unary(depth + 1)
            return negate ? .unary(.negate, operand) : operand
        }
        return try primary(depth)
    }

    private mutating func primary(_ depth: Int) throws(SyntaxError) -> SelectExpression {
        if current.isSymbol("@") {
            let (name, scope) = try systemVariable()
            return .variable(name: name, scope: scope)
        }
        if atLiteral { return .literal(try literal()) }
        if current.isSymbol("(") {
            if peek().isKeyword("SELECT") || peek().isKeyword("WITH") { throw unsupported("a subquery") }
            advance()
            let inner = try expression(depth: depth + 1)
            try expectSymbol(")")
            return inner
        }
        if at("EXISTS"), peek().isSymbol("(") { throw unsupported("a subquery (EXISTS)") }
        if at("CASE") { throw unsupported("CASE") }
        if let name = current.keyword, peek().isSymbol("(") { return try call(name, depth) }
        if at("CURRENT_USER") {
            advance()
            return .function("CURRENT_USER")
        }
        return .column(try columnReference())
    }

    /// `NAME(...)`: an aggregate, a function without arguments, or any other call.
    private mutating func call(_ name: String, _ depth: Int) throws(SyntaxError) -> SelectExpression {
        advance()
        advance()
        let result: SelectExpression
        if let function = AggregateCall.Function(rawValue: name) {
            let distinct = accept("DISTINCT")
            if !distinct { _ = accept("ALL") }
            if function == .count, !distinct, acceptSymbol("*") {
                result = .aggregate(AggregateCall(.count, nil))
            } else {
                let argument = try expression(depth: depth + 1)
                if current.isSymbol(",") { throw unsupported("\(name) of several arguments") }
                result = .aggregate(AggregateCall(function, argument, distinct: distinct))
            }
        } else if current.isSymbol(")") {
            result = .function(name)
        } else {
            result = .call(name, try commaSeparated { parser throws(SyntaxError) in
                try parser.expression(depth: depth + 1)
            })
        }
        try expectSymbol(")")
        if at("OVER") { throw unsupported("a window function (OVER)") }
        return result
    }

    /// UNION and its kin after a SELECT.
    func rejectSetOperation() throws(SyntaxError) {
        for word in ["UNION", "INTERSECT", "EXCEPT", "MINUS"] where at(word) {
            throw unsupported(word)
        }
    }

    /// A second table after the first.
    func rejectJoin() throws(SyntaxError) {
        if current.isSymbol(",") { throw unsupported("a JOIN (a second table after a comma)") }
        for word in ["JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "STRAIGHT_JOIN", "LATERAL"] where at(word) {
            throw unsupported("a JOIN")
        }
    }
}
