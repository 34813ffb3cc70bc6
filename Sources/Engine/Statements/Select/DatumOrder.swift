import Catalog
import SQLSyntax

extension Datum {
    /// -1, 0 or 1, or nil when either side is NULL (SQL comparison). Numbers compare exactly
    /// unless one is floating point; a date compares with text that reads as a date.
    static func compare(_ a: Datum, _ b: Datum) -> Int? {
        if a.isNull || b.isNull { return nil }
        if let x = a.instant, let y = b.instant ?? b.instantFromText { return three(x, y) }
        if let x = a.instantFromText, let y = b.instant { return three(x, y) }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            return x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        default:
            break
        }
        if let scale = commonScale(a, b), let x = a.unscaled(at: scale), let y = b.unscaled(at: scale) {
            return three(x, y)
        }
        if let x = a.double, let y = b.double { return three(x, y) }
        return three(a.rank, b.rank)
    }

    /// The order of ORDER BY, MIN and MAX: NULL before every value, as Doris and MySQL sort
    /// ascending (and so after every value descending).
    static func order(_ a: Datum, _ b: Datum) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return -1
        case (false, true): return 1
        case (false, false): return compare(a, b) ?? 0
        }
    }

    /// Microseconds since 1970 of a DATE or DATETIME (DATETIME(p) keeps its fraction).
    private var instant: Int64? {
        switch self {
        case .date(let days): return Int64(days) * 86_400_000_000
        case .datetime(let seconds): return seconds * 1_000_000
        case .datetimeMicros(let micros, _): return micros
        default: return nil
        }
    }

    private var instantFromText: Int64? {
        guard case .string(let text) = self else { return nil }
        do {
            if case .datetime(let seconds) = try ColumnType.datetime.value(fromText: Substring(text)) { return seconds * 1_000_000 }
        } catch {
            // Text that is not a date compares as text or a number instead.
        }
        return nil
    }

    /// The scale both exact numbers fit at; nil unless both are integers or decimals.
    private static func commonScale(_ a: Datum, _ b: Datum) -> Int? {
        guard let x = a.exactScale, let y = b.exactScale else { return nil }
        return max(x, y)
    }

    private var exactScale: Int? {
        switch self {
        case .int, .bool: return 0
        case .decimal(_, let scale): return scale
        default: return nil
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .bool, .int, .decimal, .double: 1
        case .date, .datetime, .datetimeMicros: 2
        case .string: 3
        }
    }

    private static func three<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }
}
