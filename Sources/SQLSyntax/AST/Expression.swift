/// An aggregate call in a select list, HAVING or ORDER BY: `COUNT(*)`, `SUM(DISTINCT x)`.
public struct AggregateCall: Sendable, Equatable {
    public enum Function: String, Sendable, Equatable, CaseIterable {
        case count = "COUNT", sum = "SUM", min = "MIN", max = "MAX", avg = "AVG"
    }
    public var function: Function
    /// nil for `COUNT(*)`.
    public var argument: SelectExpression?
    public var distinct: Bool
    public init(_ function: Function, _ argument: SelectExpression?, distinct: Bool = false) {
        self.function = function
        self.argument = argument
        self.distinct = distinct
    }
}

/// `+ - * / %` and the comparisons, `AND`, `OR`.
public enum BinaryOperator: String, Sendable, Equatable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "AND", or = "OR"

    public var isComparison: Bool { comparison != nil }

    /// The comparison this operator is, if it is one (the two enums share their spellings).
    public var comparison: ComparisonOperator? { ComparisonOperator(rawValue: rawValue) }
}

/// `-x` and `NOT x`.
public enum UnaryOperator: String, Sendable, Equatable {
    case negate = "-", not = "NOT"
}
