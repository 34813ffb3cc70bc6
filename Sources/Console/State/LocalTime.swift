/// Calendar arithmetic on epoch seconds and a fixed UTC offset, without Foundation's clock, so the
/// reducer and renderer stay deterministic: the app passes the offset once, tests pick their own.
public struct LocalTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(epoch: Double, utcOffset: Int) {
        let total = Int((epoch + Double(utcOffset)).rounded(.down))
        var days = total / 86400
        var seconds = total % 86400
        if seconds < 0 {
            seconds += 86400
            days -= 1
        }
        (year, month, day) = Self.civil(fromDays: days)
        hour = seconds / 3600
        minute = seconds / 60 % 60
        second = seconds % 60
    }

    /// `HH:mm:ss`
    public var clock: String { pad(hour) + ":" + pad(minute) + ":" + pad(second) }

    /// `yyyy-MM-dd`, the date part of the engine's time cells.
    public var date: String { String(year) + "-" + pad(month) + "-" + pad(day) }

    /// `yyyyMMdd_HHmm`, the stamp in a suggested backup label.
    public var labelStamp: String { String(year) + pad(month) + pad(day) + "_" + pad(hour) + pad(minute) }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Seconds from 1970-01-01 00:00:00 to a `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd-HH-mm-ss`)
    /// wall-clock text, read as if it were UTC: differences between two such values are exact.
    public static func wallSeconds(_ text: String) -> Double? {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 6 else { return nil }
        let days = daysFromCivil(year: numbers[0], month: numbers[1], day: numbers[2])
        return Double(days * 86400 + numbers[3] * 3600 + numbers[4] * 60 + numbers[5])
    }

    // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
