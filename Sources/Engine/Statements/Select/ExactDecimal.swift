/// Exact DECIMAL arithmetic on 128-bit unscaled integers: DECIMAL(38, s), the widest Doris
/// result of SUM and AVG, fits, so no sum or average of a DECIMAL goes through floating point.
enum ExactDecimal {
    static let maxPrecision = 38

    /// 10^0 ... 10^38.
    static let powersOfTen: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 0..<maxPrecision { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// 10^38: the exclusive bound of a DECIMAL(38, s) unscaled value.
    static var limit: Int128 { powersOfTen[maxPrecision] }

    static func fits(_ unscaled: Int128) -> Bool { unscaled.magnitude < limit.magnitude }

    /// `unscaled` at `scale` moved to the larger `target` scale; nil on overflow.
    static func rescale(_ unscaled: Int128, from scale: Int, to target: Int) -> Int128? {
        guard target > scale else { return unscaled }
        guard target - scale <= maxPrecision else { return unscaled == 0 ? 0 : nil }
        let (result, overflow) = unscaled.multipliedReportingOverflow(by: powersOfTen[target - scale])
        return overflow ? nil : result
    }

    /// `numerator / denominator` rounded half away from zero (MySQL's and Doris's rounding of
    /// DECIMAL results).
    static func divideRounded(_ numerator: Int128, by denominator: Int128) -> Int128 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard remainder != 0, remainder.magnitude * 2 >= denominator.magnitude else { return quotient }
        return (numerator < 0) != (denominator < 0) ? quotient - 1 : quotient + 1
    }

    /// 1235 at scale 2 → `"12.35"`.
    static func format(_ unscaled: Int128, scale: Int) -> String {
        let digits = String(unscaled.magnitude)
        guard scale > 0 else { return (unscaled < 0 ? "-" : "") + digits }
        let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (unscaled < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    /// `"-12.5"` at its own scale (1) → -125; nil if not a plain decimal number or wider than 38
    /// digits.
    static func parse(_ text: String) -> (unscaled: Int128, scale: Int)? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        var unscaled: Int128 = 0
        var scale = 0
        var seenPoint = false
        var count = 0
        for character in digits {
            if character == "." {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
            if unscaled == 0, digit == 0, !seenPoint { continue }
            count += 1
            guard count <= maxPrecision else { return nil }
            unscaled = unscaled * 10 + Int128(digit)
            if seenPoint { scale += 1 }
        }
        return (negative ? -unscaled : unscaled, scale)
    }
}
