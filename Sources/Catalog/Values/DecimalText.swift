import Essentials

/// DECIMAL(p, s) as an unscaled integer: up to 18 digits in an `Int64` (`Value.decimal`, the
/// form every existing segment holds), 19 to 38 digits in an `Int128` (`Value.wideDecimal`).
/// Both are exact: no value ever passes through floating point.
public enum DecimalText {
    /// Doris's DECIMALV3 limit (DECIMAL128); wider needs Doris's decimal256 switch.
    public static let maxPrecision = 38
    /// The widest precision whose unscaled values always fit an `Int64`.
    public static let narrowPrecision = 18

    /// `"12.345"` at scale 2 → 1235 (half away from zero), or nil if not a decimal number or
    /// beyond 128 bits.
    static func unscaled<C: Collection>(_ text: C, scale: Int) -> Int128? where C.Element == UInt8 {
        var digits = text[...]
        var negative = false
        if let f = digits.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        var integer: Int128 = 0
        var fraction: Int128 = 0
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
            let d = Int128(byte - 48)
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
        guard let factor = power(scale) else { return nil }
        let (scaled, o1) = integer.multipliedReportingOverflow(by: factor)
        let (sum, o2) = scaled.addingReportingOverflow(fraction + (roundUp ? 1 : 0))
        if o1 || o2 { return nil }
        return negative ? -sum : sum
    }

    /// 10^n, or nil beyond `Int128` (n > 38).
    static func power(_ n: Int) -> Int128? {
        var r: Int128 = 1
        for _ in 0..<max(0, n) {
            let (m, o) = r.multipliedReportingOverflow(by: 10)
            if o { return nil }
            r = m
        }
        return r
    }

    /// 10^precision, the exclusive bound on the unscaled magnitude.
    static func limit(precision: Int) -> UInt128 {
        var r: UInt128 = 1
        for _ in 0..<min(precision, maxPrecision) { r &*= 10 }
        return r
    }

    /// 1235 at scale 2 → `"12.35"`.
    public static func format(_ unscaled: Int64, scale: Int) -> String {
        format(Int128(unscaled), scale: scale)
    }

    public static func format(_ unscaled: Int128, scale: Int) -> String {
        guard scale > 0 else { return String(unscaled) }
        let digits = String(unscaled.magnitude)
        let padded = digits.count <= scale
            ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (unscaled < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    /// Orders `a / 10^sa` against `b / 10^sb` exactly: whole parts first, then the fractions
    /// brought to the larger scale (both stay below 10^38, inside `Int128`).
    static func compare(_ a: Int128, scale sa: Int, _ b: Int128, scale sb: Int) -> Int {
        if sa == sb { return a < b ? -1 : (a == b ? 0 : 1) }
        let fa = power(sa) ?? 1, fb = power(sb) ?? 1
        let (qa, ra) = a.quotientAndRemainder(dividingBy: fa)
        let (qb, rb) = b.quotientAndRemainder(dividingBy: fb)
        if qa != qb { return qa < qb ? -1 : 1 }
        let scale = max(sa, sb)
        let xa = ra * (power(scale - sa) ?? 1), xb = rb * (power(scale - sb) ?? 1)
        return xa < xb ? -1 : (xa == xb ? 0 : 1)
    }
}
