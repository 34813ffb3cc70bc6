import Essentials
import SQLSyntax

/// Why a text or literal cannot become a value of a column type.
public struct ValueConversionError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case invalid
        case outOfRange
        case tooLong(limit: Int)
    }
    public var text: String
    public var type: ColumnType
    public var reason: Reason
}

extension ColumnType {
    /// Converts CSV or literal text into a value of this type. Whether NULL is allowed is the
    /// caller's check (it knows the column).
    public func value(fromText text: Substring) throws(ValueConversionError) -> Value {
        var copy = text
        let result: Result<Value, ValueConversionError> = copy.withUTF8 { bytes in
            do throws(ValueConversionError) {
                return .success(try value(fromUTF8: bytes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Converts UTF-8 text into a value of this type without building a String first (the
    /// bulk-load path converts millions of fields).
    public func value(fromUTF8 raw: UnsafeBufferPointer<UInt8>) throws(ValueConversionError) -> Value {
        func fail(_ reason: ValueConversionError.Reason) -> ValueConversionError {
            ValueConversionError(text: String(decoding: raw, as: UTF8.self), type: self, reason: reason)
        }
        switch self {
        case .char(let n), .varchar(let n):
            guard raw.count <= n else { throw fail(.tooLong(limit: n)) }
            return .string(String(decoding: raw, as: UTF8.self))
        case .string:
            return .string(String(decoding: raw, as: UTF8.self))
        default:
            break
        }
        let text = Self.trimmed(raw)
        switch self {
        case .tinyint, .smallint, .int, .bigint:
            guard let v = Self.integer(text) else {
                if Double(String(decoding: text, as: UTF8.self)) != nil { throw fail(.outOfRange) }
                throw fail(.invalid)
            }
            guard integerRange.contains(v) else { throw fail(.outOfRange) }
            return .int(v)
        case .boolean:
            switch String(decoding: text, as: UTF8.self).lowercased() {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: throw fail(.invalid)
            }
        case .float, .double:
            guard let v = Double(String(decoding: text, as: UTF8.self)), v.isFinite else { throw fail(.invalid) }
            return .double(self == .float ? Double(Float(v)) : v)
        case .largeint:
            guard let v = Self.largeInteger(text) else {
                if Self.isDigits(text) { throw fail(.outOfRange) }
                throw fail(.invalid)
            }
            return .largeint(v)
        case .decimal(let precision, let scale):
            guard let unscaled = DecimalText.unscaled(text, scale: scale) else {
                if Self.isNumber(text) { throw fail(.outOfRange) }
                throw fail(.invalid)
            }
            guard unscaled.magnitude < DecimalText.limit(precision: precision) else { throw fail(.outOfRange) }
            if precision <= DecimalText.narrowPrecision, let narrow = Int64(exactly: unscaled) {
                return .decimal(unscaled: narrow, scale: scale)
            }
            return .wideDecimal(unscaled: unscaled, scale: scale)
        case .date:
            guard let days = DateText.days(text) else { throw fail(.invalid) }
            return .date(days: days)
        case .datetime:
            guard let seconds = DateText.seconds(text) else { throw fail(.invalid) }
            return .datetime(seconds: seconds)
        case .datetimeV2(let scale):
            guard let micros = DateText.micros(text, scale: scale) else { throw fail(.invalid) }
            return .datetimeMicros(micros, scale: scale)
        case .char, .varchar, .string:
            return .string(String(decoding: raw, as: UTF8.self))
        }
    }

    private static func trimmed(_ raw: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var s = raw[...]
        while let f = s.first, f == 32 || f == 9 || f == 13 { s = s.dropFirst() }
        while let l = s.last, l == 32 || l == 9 || l == 13 { s = s.dropLast() }
        return s
    }

    /// A signed 128-bit integer; nil on any other byte or overflow.
    private static func largeInteger(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int128? {
        guard isDigits(bytes) else { return nil }
        let negative = bytes.first == 45
        var magnitude: UInt128 = 0
        for b in bytes where b >= 48 && b <= 57 {
            let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt128(b - 48))
            if o1 || o2 { return nil }
            magnitude = a
        }
        if negative { return magnitude == Int128.min.magnitude ? Int128.min : Int128(exactly: magnitude).map { -$0 } }
        return Int128(exactly: magnitude)
    }

    /// A signed run of digits (too long to be read is out of range, not invalid).
    private static func isDigits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let body = bytes.first == 45 || bytes.first == 43 ? bytes.dropFirst() : bytes
        return !body.isEmpty && body.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Digits with at most one point.
    private static func isNumber(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let body = bytes.first == 45 || bytes.first == 43 ? bytes.dropFirst() : bytes
        return body.contains { $0 >= 48 && $0 <= 57 }
            && body.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 } && body.filter { $0 == 46 }.count <= 1
    }

    /// Decimal integer with optional sign; nil on any other byte or overflow.
    private static func integer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int64? {
        var s = bytes
        var negative = false
        if let f = s.first, f == 45 || f == 43 {
            negative = f == 45
            s = s.dropFirst()
        }
        guard !s.isEmpty, s.count <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for b in s {
            guard b >= 48, b <= 57 else { return nil }
            magnitude = magnitude * 10 + UInt64(b - 48)
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// Converts a SQL literal into a value of this type.
    public func value(fromLiteral literal: Literal) throws(ValueConversionError) -> Value {
        switch literal {
        case .null: return .null
        case .maxValue: throw ValueConversionError(text: "MAXVALUE", type: self, reason: .invalid)
        case .boolean(let b):
            if self == .boolean { return .bool(b) }
            return try value(fromText: b ? "1" : "0")
        case .number(let text), .string(let text):
            return try value(fromText: Substring(text))
        }
    }

    private var integerRange: ClosedRange<Int64> {
        switch self {
        case .tinyint: -128...127
        case .smallint: -32768...32767
        case .int: Int64(Int32.min)...Int64(Int32.max)
        default: Int64.min...Int64.max
        }
    }

    /// The SQL spelling, as `DESC` and `SHOW CREATE TABLE` print it.
    public var sqlName: String {
        switch self {
        case .tinyint: "TINYINT"
        case .smallint: "SMALLINT"
        case .int: "INT"
        case .bigint: "BIGINT"
        case .largeint: "LARGEINT"
        case .boolean: "BOOLEAN"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case .decimal(let p, let s): "DECIMAL(\(p), \(s))"
        case .char(let n): "CHAR(\(n))"
        case .varchar(let n): "VARCHAR(\(n))"
        case .string: "TEXT"
        case .date: "DATE"
        case .datetime: "DATETIME"
        case .datetimeV2(let scale): "DATETIME(\(scale))"
        }
    }
}

extension Value {
    /// The text a client shows for this value (`nil` for NULL).
    public var displayText: String? {
        switch self {
        case .null: return nil
        case .int(let v): return String(v)
        case .bool(let v): return v ? "1" : "0"
        case .double(let v):
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return String(v)
        case .decimal(let unscaled, let scale): return DecimalText.format(unscaled, scale: scale)
        case .string(let v): return v
        case .date(let d): return CivilTime.formatDate(d)
        case .datetime(let s): return CivilTime.formatDateTime(s)
        case .largeint(let v): return String(v)
        case .wideDecimal(let unscaled, let scale): return DecimalText.format(unscaled, scale: scale)
        case .datetimeMicros(let micros, let scale): return Self.formatMicros(micros, scale: scale)
        }
    }
}

extension Value {
    /// `yyyy-MM-dd HH:mm:ss.ffffff` cut to `scale` fraction digits (Doris prints exactly the
    /// column's precision).
    static func formatMicros(_ micros: Int64, scale: Int) -> String {
        let (seconds, fraction) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        let whole = fraction < 0 ? seconds - 1 : seconds
        let text = CivilTime.formatDateTime(whole)
        guard scale > 0 else { return text }
        let digits = CivilTime.pad(Int(fraction < 0 ? fraction + 1_000_000 : fraction), 6)
        return text + "." + digits.prefix(scale)
    }
}
