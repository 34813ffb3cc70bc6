import Catalog
import SQLSyntax

/// How an arithmetic operator computes: on 64-bit-range integers, on exact decimals (the
/// result's scale), or in binary floating point.
enum Arithmetic: Equatable {
    case integer
    case decimal(scale: Int)
    case floating
}

/// A select expression bound to the query: columns are row positions, and in an aggregate query
/// group-by expressions and aggregates are positions in the group's key and results.
indirect enum Bound: Equatable {
    case constant(Datum)
    case column(Int)
    case groupKey(Int)
    case aggregate(Int)
    case negate(Bound, Arithmetic, name: String)
    case not(Bound)
    case arithmetic(BinaryOperator, Bound, Bound, Arithmetic, name: String)
    case compare(BinaryOperator, Bound, Bound)
    case logic(BinaryOperator, Bound, Bound)
    case isNull(Bound, negated: Bool)

    /// Whether its value depends on the row (a constant is computed once per query).
    var readsColumns: Bool {
        switch self {
        case .constant: return false
        case .column, .groupKey, .aggregate: return true
        case .negate(let x, _, _), .not(let x), .isNull(let x, _): return x.readsColumns
        case .arithmetic(_, let x, let y, _, _), .compare(_, let x, let y), .logic(_, let x, let y):
            return x.readsColumns || y.readsColumns
        }
    }
}

/// A bound expression with the type of its result column.
struct Typed: Equatable {
    var bound: Bound
    var type: ResultColumnType
}

/// What an expression reads: the current row (per-row expressions), or a group's key and
/// finished aggregates (expressions of an aggregate query's output).
struct EvaluationInput {
    var row: [Value] = []
    var key: [Datum] = []
    var aggregates: [Datum] = []
}

extension Bound {
    func evaluate(_ input: EvaluationInput) throws(SQLError) -> Datum {
        switch self {
        case .constant(let value): return value
        case .column(let i): return Datum(input.row[i])
        case .groupKey(let i): return input.key[i]
        case .aggregate(let i): return input.aggregates[i]
        case .negate(let x, let arithmetic, let name):
            return try Self.apply(.subtract, .int(0), try x.evaluate(input), arithmetic, name)
        case .not(let x):
            return try x.evaluate(input).truth.map { .bool(!$0) } ?? .null
        case .arithmetic(let op, let x, let y, let arithmetic, let name):
            return try Self.apply(op, try x.evaluate(input), try y.evaluate(input), arithmetic, name)
        case .compare(let op, let x, let y):
            guard let c = Datum.compare(try x.evaluate(input), try y.evaluate(input)) else { return .null }
            return .bool(op.comparison?.holds(c) ?? false)
        case .logic(let op, let x, let y):
            // Three-valued: FALSE AND NULL is FALSE, TRUE OR NULL is TRUE.
            let a = try x.evaluate(input).truth
            if op == .and, a == false { return .bool(false) }
            if op == .or, a == true { return .bool(true) }
            let b = try y.evaluate(input).truth
            if op == .and { return b == false ? .bool(false) : (a == nil || b == nil ? .null : .bool(true)) }
            return b == true ? .bool(true) : (a == nil || b == nil ? .null : .bool(false))
        case .isNull(let x, let negated):
            return .bool(try x.evaluate(input).isNull != negated)
        }
    }

    /// One arithmetic operator; NULL in gives NULL out, and so does dividing by zero (as in
    /// Doris and MySQL).
    static func apply(_ op: BinaryOperator, _ a: Datum, _ b: Datum, _ arithmetic: Arithmetic, _ name: String) throws(SQLError) -> Datum {
        if a.isNull || b.isNull { return .null }
        switch arithmetic {
        case .floating:
            guard let x = a.double, let y = b.double else { return .null }
            switch op {
            case .add: return .double(x + y)
            case .subtract: return .double(x - y)
            case .multiply: return .double(x * y)
            case .divide: return y == 0 ? .null : .double(x / y)
            default: return y == 0 ? .null : .double(x.truncatingRemainder(dividingBy: y))
            }
        case .integer:
            guard let x = a.integer, let y = b.integer else { return .null }
            let result: Int128
            switch op {
            case .add: result = x + y
            case .subtract: result = x - y
            case .multiply: result = x * y
            default:
                if y == 0 { return .null }
                result = x % y
            }
            guard result >= Int128(Int64.min), result <= Int128(Int64.max) else {
                throw SQLError(code: 1690, sqlState: "22003", "BIGINT value is out of range in '\(name)'")
            }
            return .int(result)
        case .decimal(let scale):
            return try decimal(op, a, b, scale, name)
        }
    }

    private static func decimal(_ op: BinaryOperator, _ a: Datum, _ b: Datum, _ scale: Int, _ name: String) throws(SQLError) -> Datum {
        let overflow = SQLError(code: 1690, sqlState: "22003", "DECIMAL value is out of range in '\(name)'")
        let result: Int128
        switch op {
        case .multiply, .divide:
            guard let (x, xs) = a.exact, let (y, ys) = b.exact else { return .null }
            if op == .multiply {
                let (product, o) = x.multipliedReportingOverflow(by: y)
                guard !o, let r = Datum.decimal(product, scale: xs + ys).unscaled(at: scale) else { throw overflow }
                result = r
            } else {
                if y == 0 { return .null }
                // x / 10^xs ÷ y / 10^ys at scale s is x · 10^(s - xs + ys) ÷ y.
                guard let numerator = ExactDecimal.rescale(x, from: 0, to: scale - xs + ys) else { throw overflow }
                result = ExactDecimal.divideRounded(numerator, by: y)
            }
        default:
            guard let x = a.unscaled(at: scale), let y = b.unscaled(at: scale) else { throw overflow }
            switch op {
            case .add, .subtract:
                // Two values below 10^38 can sum past the 128-bit range.
                let (r, o) = op == .add ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
                if o { throw overflow }
                result = r
            default:
                if y == 0 { return .null }
                result = x % y
            }
        }
        guard ExactDecimal.fits(result) else { throw overflow }
        return .decimal(result, scale: scale)
    }
}

extension Datum {
    /// An integer or decimal as its unscaled value and scale.
    fileprivate var exact: (Int128, Int)? {
        if let v = integer { return (v, 0) }
        if case .decimal(let v, let s) = self { return (v, s) }
        return nil
    }
}
