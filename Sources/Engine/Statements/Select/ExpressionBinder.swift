import Catalog
import SQLSyntax

/// One aggregate an aggregate query computes per group.
struct AggregatePlan: Equatable {
    var function: AggregateCall.Function
    /// nil for `COUNT(*)`.
    var argument: Typed?
    var distinct: Bool
    var type: ResultColumnType
    /// As Doris names it (`sum(amount)`), for messages.
    var name: String
}

/// Binds select expressions to a table's columns (none for a SELECT without FROM) and types
/// them. In an aggregate query it collects the aggregates to compute and resolves group-by
/// expressions to key positions.
struct ExpressionBinder {
    let columns: [Column]
    /// The value of an `@@variable` or an argument-less function such as `DATABASE()`.
    let sessionValue: (SelectExpression) throws(SQLError) -> (ResultColumnType, String?)
    var groupKeys: [Typed] = []
    var aggregates: [AggregatePlan] = []
    /// The clause being bound, as MySQL names it in "Unknown column 'x' in 'field list'".
    var place = "field list"

    /// Binds `e` for every row (`grouped: false`) or for each group of an aggregate query.
    mutating func bind(_ e: SelectExpression, grouped: Bool) throws(SQLError) -> Typed {
        guard grouped else { return try bindNode(e, grouped: false) }
        if !e.containsAggregate {
            let row = try bindNode(e, grouped: false)
            if let i = groupKeys.firstIndex(where: { $0.bound == row.bound }) {
                return Typed(bound: .groupKey(i), type: groupKeys[i].type)
            }
            if !row.bound.readsColumns { return row }
            if case .column = e {
                throw SQLError.general(
                    "'\(name(of: e))' must appear in the GROUP BY clause or be used in an aggregate function")
            }
        }
        return try bindNode(e, grouped: true)
    }

    private mutating func bindNode(_ e: SelectExpression, grouped: Bool) throws(SQLError) -> Typed {
        switch e {
        case .literal(let literal):
            let (type, text) = ValueSelectStatements.cell(of: literal)
            return Typed(bound: .constant(try Self.constant(type, text)), type: type)
        case .variable, .function:
            let (type, text) = try sessionValue(e)
            return Typed(bound: .constant(try Self.constant(type, text)), type: type)
        case .call(let function, _):
            throw SQLError(code: 1105, sqlState: "HY000", "Can not found function '\(function.lowercased())': SnapDeck's SELECT computes COUNT, SUM, MIN, MAX and AVG")
        case .column(let column):
            guard let i = columns.firstIndex(where: { $0.name.caseInsensitiveEquals(column) }) else {
                throw SQLError.unknownColumn(column, in: place)
            }
            return Typed(bound: .column(i), type: columns[i].type.resultType)
        case .aggregate(let call):
            guard grouped else {
                throw SQLError.general("'\(name(of: e))': an aggregate function is not allowed in \(place)")
            }
            return try bindAggregate(call)
        case .isNull(let x, let negated):
            return Typed(bound: .isNull(try bind(x, grouped: grouped).bound, negated: negated), type: .boolean)
        case .unary(.not, let x):
            return Typed(bound: .not(try bind(x, grouped: grouped).bound), type: .boolean)
        case .unary(.negate, let x):
            let operand = try bind(x, grouped: grouped)
            let (arithmetic, type) = try Self.arithmetic(.subtract, .bigint, operand.type, name(of: e))
            return Typed(bound: .negate(operand.bound, arithmetic, name: name(of: e)), type: type)
        case .binary(let op, let x, let y):
            let left = try bind(x, grouped: grouped)
            let right = try bind(y, grouped: grouped)
            if op == .and || op == .or { return Typed(bound: .logic(op, left.bound, right.bound), type: .boolean) }
            if op.isComparison { return Typed(bound: .compare(op, left.bound, right.bound), type: .boolean) }
            let (arithmetic, type) = try Self.arithmetic(op, left.type, right.type, name(of: e))
            return Typed(bound: .arithmetic(op, left.bound, right.bound, arithmetic, name: name(of: e)), type: type)
        }
    }

    private mutating func bindAggregate(_ call: AggregateCall) throws(SQLError) -> Typed {
        var argument: Typed?
        if let x = call.argument {
            if x.containsAggregate { throw SQLError.general("aggregate function cannot contain aggregate parameters") }
            argument = try bindNode(x, grouped: false)
        }
        let type = try AggregateTyping.resultType(call.function, argument?.type)
        let plan = AggregatePlan(
            function: call.function, argument: argument, distinct: call.distinct, type: type, name: name(of: .aggregate(call)))
        let index = aggregates.firstIndex(of: plan) ?? aggregates.count
        if index == aggregates.count { aggregates.append(plan) }
        return Typed(bound: .aggregate(index), type: type)
    }

    /// A literal's or session value's cell as a datum of its type.
    static func constant(_ type: ResultColumnType, _ text: String?) throws(SQLError) -> Datum {
        guard let text else { return .null }
        switch type {
        case .bigint, .int, .smallint, .tinyint: return Int128(text).map(Datum.int) ?? .string(text)
        case .boolean: return .bool(text == "1")
        case .double, .float: return Double(text).map(Datum.double) ?? .string(text)
        case .decimal:
            guard let (unscaled, scale) = ExactDecimal.parse(text) else {
                throw SQLError(code: 1690, sqlState: "22003", "Number '\(text)' has more than \(ExactDecimal.maxPrecision) digits")
            }
            return .decimal(unscaled, scale: scale)
        default: return .string(text)
        }
    }
}
