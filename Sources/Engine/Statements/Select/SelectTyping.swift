import SQLSyntax

/// Result types of aggregates, as Doris types them.
enum AggregateTyping {
    /// COUNT is BIGINT; SUM of integers BIGINT, of DECIMAL(p, s) DECIMAL(38, s); AVG of integers
    /// DOUBLE, of DECIMAL(p, s) DECIMAL(38, max(s, 4)); MIN and MAX keep the argument's type.
    static func resultType(_ function: AggregateCall.Function, _ argument: ResultColumnType?) throws(SQLError) -> ResultColumnType {
        guard let argument else { return .bigint }
        switch function {
        case .count: return .bigint
        case .min, .max: return argument
        case .sum, .avg:
            let name = function.rawValue.lowercased()
            switch NumericClass(argument) {
            case .integer?: return function == .sum ? .bigint : .double
            case .decimal(_, let scale)?:
                return .decimal(precision: ExactDecimal.maxPrecision, scale: function == .sum ? scale : max(scale, 4))
            case .floating?: return .double
            case nil: throw SQLError.general("\(name) requires a numeric parameter: \(argument.sqlName)")
            }
        }
    }
}

/// How a result type takes part in arithmetic.
enum NumericClass: Equatable {
    case integer
    case decimal(precision: Int, scale: Int)
    case floating

    init?(_ type: ResultColumnType) {
        switch type {
        case .null, .boolean, .tinyint, .smallint, .int, .bigint, .largeint: self = .integer
        case .decimal(let p, let s): self = .decimal(precision: p, scale: s)
        case .float, .double: self = .floating
        default: return nil
        }
    }

    /// An integer joins decimal arithmetic as DECIMAL(19, 0), which holds every BIGINT.
    var asDecimal: (precision: Int, scale: Int) {
        if case .decimal(let p, let s) = self { return (p, s) }
        return (19, 0)
    }
}

extension ExpressionBinder {
    /// How `a op b` computes and its type: integers stay BIGINT (except `/`, which is DOUBLE as in
    /// Doris), anything with a float is DOUBLE, and decimals are exact with MySQL's result scales
    /// (the larger scale for `+ - %`, the sum of scales for `*`, the dividend's plus 4 for `/`).
    static func arithmetic(_ op: BinaryOperator, _ a: ResultColumnType, _ b: ResultColumnType, _ name: String) throws(SQLError) -> (Arithmetic, ResultColumnType) {
        guard let x = NumericClass(a), let y = NumericClass(b) else {
            let culprit = NumericClass(a) == nil ? a : b
            throw SQLError.general("'\(name)': arithmetic needs numbers, not \(culprit.sqlName)")
        }
        if x == .floating || y == .floating || (op == .divide && x == .integer && y == .integer) {
            return (.floating, .double)
        }
        if x == .integer && y == .integer { return (.integer, .bigint) }
        let (p1, s1) = x.asDecimal
        let (p2, s2) = y.asDecimal
        let scale: Int
        let precision: Int
        switch op {
        case .multiply: (scale, precision) = (s1 + s2, p1 + p2)
        case .divide: (scale, precision) = (s1 + 4, p1 - s1 + s2 + s1 + 4)
        case .modulo: (scale, precision) = (max(s1, s2), max(p1 - s1, p2 - s2) + max(s1, s2))
        default: (scale, precision) = (max(s1, s2), max(p1 - s1, p2 - s2) + max(s1, s2) + 1)
        }
        guard scale <= ExactDecimal.maxPrecision else {
            throw SQLError.general("'\(name)': the result would have more than \(ExactDecimal.maxPrecision) decimal places")
        }
        return (.decimal(scale: scale), .decimal(precision: min(max(precision, scale, 1), ExactDecimal.maxPrecision), scale: scale))
    }

    /// The result column name Doris gives an expression without an alias: a column's own name,
    /// functions lower-cased, operations in parentheses (`sum(amount)`, `count(*)`, `(a + 1)`).
    func name(of e: SelectExpression) -> String {
        switch e {
        case .literal(let literal):
            switch literal {
            case .number(let text): return text
            case .string(let text): return "'\(text)'"
            case .boolean(let flag): return flag ? "TRUE" : "FALSE"
            case .null: return "NULL"
            case .maxValue: return "MAXVALUE"
            }
        case .variable(let variable, let scope): return scope == .global ? "@@global.\(variable)" : "@@\(variable)"
        case .function(let function): return "\(function.lowercased())()"
        case .call(let function, let arguments): return "\(function.lowercased())(\(arguments.map(name(of:)).joined(separator: ", ")))"
        case .column(let column): return columns.first { $0.name.caseInsensitiveEquals(column) }?.name ?? column
        case .aggregate(let call):
            let argument = call.argument.map(name(of:)) ?? "*"
            return "\(call.function.rawValue.lowercased())(\(call.distinct ? "DISTINCT " : "")\(argument))"
        case .unary(.negate, let x): return "(-\(name(of: x)))"
        case .unary(.not, let x): return "(NOT \(name(of: x)))"
        case .binary(let op, let x, let y): return "(\(name(of: x)) \(op.rawValue) \(name(of: y)))"
        case .isNull(let x, let negated): return "(\(name(of: x)) IS \(negated ? "NOT " : "")NULL)"
        }
    }
}

extension SelectExpression {
    var containsAggregate: Bool {
        switch self {
        case .aggregate: return true
        case .literal, .variable, .function, .column: return false
        case .call(_, let arguments): return arguments.contains { $0.containsAggregate }
        case .unary(_, let x), .isNull(let x, _): return x.containsAggregate
        case .binary(_, let x, let y): return x.containsAggregate || y.containsAggregate
        }
    }
}

extension ResultColumnType {
    /// The type as SQL spells it, for messages.
    var sqlName: String {
        switch self {
        case .null: "NULL"
        case .boolean: "BOOLEAN"
        case .tinyint: "TINYINT"
        case .smallint: "SMALLINT"
        case .int: "INT"
        case .bigint: "BIGINT"
        case .largeint: "LARGEINT"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case .decimal(let p, let s): "DECIMAL(\(p), \(s))"
        case .date: "DATE"
        case .datetime: "DATETIME"
        case .char(let n): "CHAR(\(n))"
        case .varchar(let n?): "VARCHAR(\(n))"
        case .varchar(nil): "VARCHAR"
        case .string: "STRING"
        }
    }
}
