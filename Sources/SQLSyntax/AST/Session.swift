/// Which value of a system variable a statement reads or sets: the connection's own, or the
/// server-wide one new connections start from.
///
/// `@@x`, `@@session.x`, `@@local.x`, `SET x`, `SET SESSION x` and `SET LOCAL x` all mean
/// `.session`; `@@global.x` and `SET GLOBAL x` mean `.global`.
public enum VariableScope: Sendable, Equatable {
    case session
    case global
}

/// `SELECT expr [[AS] alias], ... [FROM DUAL] [LIMIT ...]`: a query without a table, which is
/// what MySQL clients send right after connecting (`SELECT @@version_comment LIMIT 1`).
public struct ValueSelect: Sendable, Equatable {
    /// One output column: what it computes and the name the client sees.
    public struct Item: Sendable, Equatable {
        public var expression: SelectExpression
        /// The alias when one is given; otherwise the expression as written, as MySQL names
        /// such columns (`@@version_comment`, `DATABASE()`, `1`), or a string literal's value.
        public var name: String
        public init(_ expression: SelectExpression, name: String) {
            self.expression = expression
            self.name = name
        }
    }
    public var items: [Item]
    public var limit: Int?
    public var offset: Int?
    public init(items: [Item], limit: Int? = nil, offset: Int? = nil) {
        self.items = items
        self.limit = limit
        self.offset = offset
    }
}

/// An expression of a select list, HAVING or ORDER BY: a literal, a system variable, a call of a
/// function without arguments (`DATABASE()`, `CURRENT_USER`), a column, an aggregate, or
/// arithmetic, comparisons and logic over those. Which functions exist is the engine's business:
/// the parser keeps any name so the engine can say what it supports.
public indirect enum SelectExpression: Sendable, Equatable {
    case literal(Literal)
    case variable(name: String, scope: VariableScope)
    /// The function's name, upper-cased.
    case function(String)
    /// A column of the queried table (a qualifier is dropped: a query reads one table).
    case column(String)
    case aggregate(AggregateCall)
    case unary(UnaryOperator, SelectExpression)
    case binary(BinaryOperator, SelectExpression, SelectExpression)
    case isNull(SelectExpression, negated: Bool)
    /// A function given arguments that is not an aggregate (`ROUND(x, 2)`): its upper-cased
    /// name and arguments, for the engine to refuse by name.
    case call(String, [SelectExpression])
}

/// One `name = value` of `SET`.
public struct VariableAssignment: Sendable, Equatable {
    public var name: String
    public var scope: VariableScope
    public var value: VariableValue
    public init(_ name: String, scope: VariableScope = .session, _ value: VariableValue) {
        self.name = name
        self.scope = scope
        self.value = value
    }
}

/// The right-hand side of `SET name = value`.
public enum VariableValue: Sendable, Equatable {
    /// A number, string, NULL, TRUE or FALSE.
    case literal(Literal)
    /// A bare word such as `ON`, `OFF` or `SYSTEM`, as written.
    case word(String)
    /// `DEFAULT`: the global value for a session variable, the built-in one for a global.
    case `default`
}

/// A password as a statement gives it: in clear (`IDENTIFIED BY 'pw'`, `PASSWORD('pw')`) or
/// already hashed the way MySQL stores it (`IDENTIFIED BY PASSWORD '*HEX'`, `SET PASSWORD =
/// '*HEX'`).
public enum PasswordSpec: Sendable, Equatable {
    case plain(String)
    case hashed(String)
}
