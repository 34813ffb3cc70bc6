import Essentials

/// Parses `yyyy-MM-dd` and `yyyy-MM-dd HH:mm:ss[.ffffff]` (also `T` as separator and
/// `yyyyMMdd`).
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

    /// Whole seconds; fractional seconds are dropped (a DATETIME without precision).
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

    /// Microseconds since 1970 with the fraction rounded (half up) to `scale` digits, as Doris
    /// casts text into DATETIME(scale).
    static func micros<C: Collection>(_ text: C, scale: Int) -> Int64? where C.Element == UInt8 {
        guard let whole = seconds(text) else { return nil }
        let bytes = Array(text)
        // The fraction is what follows the point after the clock (`hh:mm:ss.fff`).
        guard bytes.count > 19, bytes[19] == UInt8(ascii: ".") else { return whole * 1_000_000 }
        let digits = bytes[20...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var fraction: Int64 = 0
        for i in 0..<6 {
            fraction = fraction * 10 + (i < digits.count ? Int64(digits[digits.startIndex + i] - 48) : 0)
        }
        var unit: Int64 = 1
        for _ in 0..<(6 - scale) { unit *= 10 }
        let roundDigit = digits.count > 6 ? Int64(digits[digits.startIndex + 6] - 48) : 0
        var kept = fraction / unit * unit
        let dropped = fraction % unit
        if scale < 6 ? dropped * 2 >= unit : roundDigit >= 5 { kept += unit }
        return whole * 1_000_000 + kept
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
