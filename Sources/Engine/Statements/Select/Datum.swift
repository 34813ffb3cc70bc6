import Catalog
import Essentials

/// A value while a SELECT computes: a stored ``Value`` widened so sums and exact decimals have
/// room (128-bit integers; DECIMAL as an unscaled 128-bit integer and its scale).
enum Datum: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int128)
    case decimal(Int128, scale: Int)
    case double(Double)
    case string(String)
    case date(days: Int32)
    case datetime(seconds: Int64)
    /// DATETIME(p) with p > 0: microseconds since 1970, printed with `scale` fraction digits.
    case datetimeMicros(Int64, scale: Int)

    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .int(let v): self = .int(Int128(v))
        case .bool(let v): self = .bool(v)
        case .double(let v): self = .double(v)
        case .decimal(let unscaled, let scale): self = .decimal(Int128(unscaled), scale: scale)
        case .string(let v): self = .string(v)
        case .date(let days): self = .date(days: days)
        case .datetime(let seconds): self = .datetime(seconds: seconds)
        case .largeint(let v): self = .int(v)
        case .wideDecimal(let unscaled, let scale): self = .decimal(unscaled, scale: scale)
        case .datetimeMicros(let micros, let scale): self = .datetimeMicros(micros, scale: scale)
        }
    }

    var isNull: Bool { self == .null }

    /// The cell a client sees, formatted as stored values are (`Value.displayText`).
    var text: String? {
        switch self {
        case .null: return nil
        case .bool(let v): return v ? "1" : "0"
        case .int(let v): return String(v)
        case .decimal(let unscaled, let scale): return ExactDecimal.format(unscaled, scale: scale)
        case .double(let v): return Value.double(v).displayText
        case .string(let v): return v
        case .date(let days): return CivilTime.formatDate(days)
        case .datetime(let seconds): return CivilTime.formatDateTime(seconds)
        case .datetimeMicros(let micros, let scale): return Value.datetimeMicros(micros, scale: scale).displayText
        }
    }

    /// As an integer, if it is one (BOOLEAN counts as 0 and 1).
    var integer: Int128? {
        switch self {
        case .int(let v): return v
        case .bool(let v): return v ? 1 : 0
        default: return nil
        }
    }

    /// As an unscaled decimal at `scale`, for exact arithmetic; nil if not an integer or decimal
    /// or if it overflows.
    func unscaled(at scale: Int) -> Int128? {
        if let v = integer { return ExactDecimal.rescale(v, from: 0, to: scale) }
        if case .decimal(let v, let s) = self {
            if s <= scale { return ExactDecimal.rescale(v, from: s, to: scale) }
            return ExactDecimal.divideRounded(v, by: ExactDecimal.powersOfTen[min(s - scale, ExactDecimal.maxPrecision)])
        }
        return nil
    }

    /// As a binary floating-point number (strings as MySQL reads them: a leading number, else 0).
    var double: Double? {
        switch self {
        case .null, .date, .datetime, .datetimeMicros: return nil
        case .bool(let v): return v ? 1 : 0
        case .int(let v): return Double(v)
        case .decimal(let v, let s): return Double(v) / pow10(s)
        case .double(let v): return v
        case .string(let v): return Double(v.trimmingPrefixNumber) ?? 0
        }
    }

    /// SQL truth: nil for NULL, else whether it is non-zero.
    var truth: Bool? {
        switch self {
        case .null: return nil
        case .date, .datetime, .datetimeMicros: return true
        default: return double.map { $0 != 0 }
        }
    }

    private func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }
}

extension String {
    /// The longest leading part that reads as a number (`"12abc"` → `"12"`), as MySQL converts
    /// text to a number.
    fileprivate var trimmingPrefixNumber: Substring {
        // A number is never longer than this; the cap keeps long text linear.
        let trimmed = drop { $0 == " " }.prefix(64)
        var end = trimmed.startIndex
        var best = end
        for index in trimmed.indices {
            end = trimmed.index(after: index)
            if Double(trimmed[trimmed.startIndex..<end]) != nil { best = end }
        }
        return trimmed[trimmed.startIndex..<best]
    }
}
