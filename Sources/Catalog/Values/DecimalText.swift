import Essentials

/// DECIMAL(p, s) as an unscaled 64-bit integer: precision is capped at 18 digits, which is
/// enough for every amount in the demo and keeps arithmetic exact without a big-number type.
public enum DecimalText {
    public static let maxPrecision = 18

    /// `"12.345"` at scale 2 → 1235 (half away from zero), or nil if not a decimal number.
    static func unscaled<C: Collection>(_ text: C, scale: Int) -> Int64? where C.Element == UInt8 {
        var digits = text[...]
        var negative = false
        if let f = digits.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        var integer: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var roundUp = false
        var seenPoint = false
        var seenDigit = false
        for byte in digits {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            seenDigit = true
            let d = Int64(byte - 48)
            if !seenPoint {
                let (m, o1) = integer.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(d)
                if o1 || o2 { return nil }
                integer = a
            } else if fractionDigits < scale {
                fraction = fraction * 10 + d
                fractionDigits += 1
            } else if fractionDigits == scale {
                roundUp = d >= 5
                fractionDigits += 1
            }
        }
        guard seenDigit else { return nil }
        while fractionDigits < scale {
            fraction *= 10
            fractionDigits += 1
        }
        var factor: Int64 = 1
        for _ in 0..<scale {
            let (f, o) = factor.multipliedReportingOverflow(by: 10)
            if o { return nil }
            factor = f
        }
        let (scaled, o1) = integer.multipliedReportingOverflow(by: factor)
        let (sum, o2) = scaled.addingReportingOverflow(fraction + (roundUp ? 1 : 0))
        if o1 || o2 { return nil }
        return negative ? -sum : sum
    }

    /// 10^precision, the exclusive bound on the unscaled magnitude.
    static func limit(precision: Int) -> UInt64 {
        var r: UInt64 = 1
        for _ in 0..<min(precision, 19) { r = r &* 10 }
        return r
    }

    /// 1235 at scale 2 → `"12.35"`.
    public static func format(_ unscaled: Int64, scale: Int) -> String {
        guard scale > 0 else { return String(unscaled) }
        let digits = String(unscaled.magnitude)
        let padded = digits.count <= scale
            ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (unscaled < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
    }
}

/// Parses `yyyy-MM-dd` and `yyyy-MM-dd HH:mm:ss` (also `T` as separator, `yyyyMMdd`, and
/// fractional seconds, which are dropped).
enum DateText {
    static func days<C: Collection>(_ text: C) -> Int32? where C.Element == UInt8 {
        let parts = numbers(text)
        guard parts.count == 3 || (parts.count >= 3 && parts[3...].allSatisfy { $0 == 0 }) else {
            if parts.count == 1, text.count == 8, let v = parts.first {
                return CivilTime.days(year: v / 10000, month: v / 100 % 100, day: v % 100)
            }
            return nil
        }
        return CivilTime.days(year: parts[0], month: parts[1], day: parts[2])
    }

    static func seconds<C: Collection>(_ text: C) -> Int64? where C.Element == UInt8 {
        var parts = numbers(text)
        if parts.count == 1, text.count == 8, let v = parts.first {
            parts = [v / 10000, v / 100 % 100, v % 100]
        }
        guard parts.count == 3 || parts.count == 6 || parts.count == 7,
            let days = CivilTime.days(year: parts[0], month: parts[1], day: parts[2])
        else { return nil }
        var clock = 0
        if parts.count >= 6 {
            guard (0..<24).contains(parts[3]), (0..<60).contains(parts[4]),
                (0..<60).contains(parts[5])
            else { return nil }
            clock = parts[3] * 3600 + parts[4] * 60 + parts[5]
        }
        return Int64(days) * 86400 + Int64(clock)
    }

    /// Splits on `-`, `/`, ` `, `T`, `:` and `.`; nil-free: any other byte makes it fail.
    private static func numbers<C: Collection>(_ text: C) -> [Int] where C.Element == UInt8 {
        var result: [Int] = []
        var current = 0
        var digits = 0
        for byte in text {
            if byte >= 48, byte <= 57 {
                guard digits < 9 else { return [] }
                current = current * 10 + Int(byte - 48)
                digits += 1
            } else if [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: " "), UInt8(ascii: "T"),
                UInt8(ascii: ":"), UInt8(ascii: ".")].contains(byte), digits > 0 {
                result.append(current)
                current = 0
                digits = 0
            } else {
                return []
            }
        }
        guard digits > 0 else { return [] }
        result.append(current)
        return result
    }
}
