/// WHERE clauses: a conjunction of simple predicates on columns.
extension StatementParser {
    /// `WHERE pred [AND pred ...]`, if present.
    mutating func optionalWhere() throws(SyntaxError) -> [Predicate] {
        guard accept("WHERE") else { return [] }
        var predicates = [try predicate()]
        while accept("AND") { predicates.append(try predicate()) }
        return predicates
    }

    /// `t.col` keeps only `col`: statements read a single table, so the qualifier adds nothing.
    mutating func columnReference() throws(SyntaxError) -> String {
        var name = try identifier()
        var qualifiers = 0
        while qualifiers < 2, acceptSymbol(".") {
            name = try identifier()
            qualifiers += 1
        }
        return name
    }

    /// `col op lit`, `lit op col`, `col IS [NOT] NULL`, `col [NOT] IN (...)`,
    /// `col [NOT] LIKE 'p'`, `col BETWEEN a AND b`.
    mutating func predicate() throws(SyntaxError) -> Predicate {
        if atLiteral {
            let value = try literal()
            let op = try comparisonOperator()
            return .compare(column: try columnReference(), op: op.mirrored, value: value)
        }
        let column = try columnReference()
        if accept("IS") {
            let negated = accept("NOT")
            try expect("NULL")
            return .isNull(column: column, negated: negated)
        }
        let negated = accept("NOT")
        if accept("IN") {
            if current.isSymbol("("), peek().isKeyword("SELECT") { throw unsupported("a subquery") }
            let values = try parenthesized { parser throws(SyntaxError) in try parser.literal() }
            return .inList(column: column, values: values, negated: negated)
        }
        if accept("LIKE") {
            return .like(column: column, pattern: try stringLiteral(), negated: negated)
        }
        if negated { throw unexpected }
        if accept("BETWEEN") {
            let low = try literal()
            try expect("AND")
            return .between(column: column, low: low, high: try literal())
        }
        let op = try comparisonOperator()
        return .compare(column: column, op: op, value: try literal())
    }

    private mutating func comparisonOperator() throws(SyntaxError) -> ComparisonOperator {
        guard case .symbol(let text) = current.kind,
            let op = text == "<>" ? .notEqual : ComparisonOperator(rawValue: text)
        else { throw unexpected }
        advance()
        return op
    }
}

extension ComparisonOperator {
    /// The operator that keeps the meaning when its operands swap sides (`5 < a` is `a > 5`).
    var mirrored: ComparisonOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}
