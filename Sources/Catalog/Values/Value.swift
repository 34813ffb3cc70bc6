import SQLSyntax

/// One stored cell. Which case a column holds is fixed by its `ColumnType`:
/// integers and BOOLEAN as `.int`/`.bool`, FLOAT/DOUBLE as `.double`, DECIMAL as an unscaled
/// integer with its scale, CHAR/VARCHAR/STRING as `.string`, DATE as days since 1970-01-01 and
/// DATETIME as seconds since 1970-01-01 00:00:00 (no time zone: Doris DATETIME is zone-less).
public enum Value: Sendable, Hashable, Codable {
    case null
    case int(Int64)
    case bool(Bool)
    case double(Double)
    case decimal(unscaled: Int64, scale: Int)
    case string(String)
    case date(days: Int32)
    case datetime(seconds: Int64)

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
        case (.decimal(let a, let sa), .decimal(let b, let sb)):
            if sa == sb { return three(a, b) }
            return three(Double(a) / pow10(sa), Double(b) / pow10(sb))
        case (.string(let a), .string(let b)): return a == b ? 0 : (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1)
        case (.date(let a), .date(let b)): return three(a, b)
        case (.datetime(let a), .datetime(let b)): return three(a, b)
        default:
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
        default: return nil
        }
    }

    private var kindRank: Int {
        switch self {
        case .null: 0
        case .bool: 1
        case .int: 2
        case .decimal: 3
        case .double: 4
        case .date: 5
        case .datetime: 6
        case .string: 7
        }
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(0, n) { r *= 10 }
        return r
    }
}
