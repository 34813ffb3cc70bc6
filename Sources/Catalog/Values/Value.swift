import SQLSyntax

/// One stored cell. Which case a column holds is fixed by its `ColumnType`:
/// integers and BOOLEAN as `.int`/`.bool`, FLOAT/DOUBLE as `.double`, DECIMAL as an unscaled
/// integer with its scale, CHAR/VARCHAR/STRING as `.string`, DATE as days since 1970-01-01 and
/// DATETIME as seconds since 1970-01-01 00:00:00 (no time zone: Doris DATETIME is zone-less).
/// DECIMAL wider than 18 digits is `.wideDecimal`, LARGEINT `.largeint`, and DATETIME(p) with
/// p > 0 `.datetimeMicros` (microseconds, printed with `scale` fraction digits).
public enum Value: Sendable, Hashable, Codable {
    case null
    case int(Int64)
    case bool(Bool)
    case double(Double)
    case decimal(unscaled: Int64, scale: Int)
    case string(String)
    case date(days: Int32)
    case datetime(seconds: Int64)
    case largeint(Int128)
    case wideDecimal(unscaled: Int128, scale: Int)
    case datetimeMicros(Int64, scale: Int)

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension Value: Comparable {
    /// Orders values of one column type; NULL sorts first (MySQL's ascending order).
    public static func < (lhs: Value, rhs: Value) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or 1. Values of different kinds compare by a fixed kind order, which only matters
    /// for mixed literals; stored columns never mix kinds.
    public static func compare(_ lhs: Value, _ rhs: Value) -> Int {
        switch (lhs, rhs) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.int(let a), .int(let b)): return three(a, b)
        case (.bool(let a), .bool(let b)): return three(a ? 1 : 0, b ? 1 : 0)
        case (.double(let a), .double(let b)): return three(a, b)
        case (.largeint(let a), .largeint(let b)): return three(a, b)
        case (.int(let a), .largeint(let b)): return three(Int128(a), b)
        case (.largeint(let a), .int(let b)): return three(a, Int128(b))
        case (.datetimeMicros(let a, _), .datetimeMicros(let b, _)): return three(a, b)
        case (.datetime(let a), .datetimeMicros(let b, _)): return three(Int128(a) * 1_000_000, Int128(b))
        case (.datetimeMicros(let a, _), .datetime(let b)): return three(Int128(a), Int128(b) * 1_000_000)
        case (.string(let a), .string(let b)): return a == b ? 0 : (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1)
        case (.date(let a), .date(let b)): return three(a, b)
        case (.datetime(let a), .datetime(let b)): return three(a, b)
        default:
            if let (a, sa) = lhs.exactDecimal, let (b, sb) = rhs.exactDecimal {
                return DecimalText.compare(a, scale: sa, b, scale: sb)
            }
            if let a = lhs.numericValue, let b = rhs.numericValue { return three(a, b) }
            return three(lhs.kindRank, rhs.kindRank)
        }
    }

    private static func three<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }

    var numericValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .bool(let v): return v ? 1 : 0
        case .double(let v): return v
        case .decimal(let v, let s): return Double(v) / Value.pow10(s)
        case .largeint(let v): return Double(v)
        case .wideDecimal(let v, let s): return Double(v) / Value.pow10(s)
        default: return nil
        }
    }

    /// Integers and decimals as an unscaled 128-bit integer and a scale, so that any two of
    /// them compare exactly.
    var exactDecimal: (Int128, Int)? {
        switch self {
        case .int(let v): (Int128(v), 0)
        case .largeint(let v): (v, 0)
        case .decimal(let v, let s): (Int128(v), s)
        case .wideDecimal(let v, let s): (v, s)
        default: nil
        }
    }

    private var kindRank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .int, .largeint: 2
        case .decimal, .wideDecimal: 3
        case .double: 4
        case .date: 5
        case .datetime, .datetimeMicros: 6
        case .string: 7
        }
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(0, n) { r *= 10 }
        return r
    }
}
