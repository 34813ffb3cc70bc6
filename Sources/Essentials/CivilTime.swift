/// Proleptic Gregorian calendar arithmetic without time zones (Howard Hinnant's algorithms):
/// DATE and DATETIME are zone-less in Doris, so Foundation's calendars would only add cost.
/// ``LocalTime`` builds wall-clock times on it.
public enum CivilTime {
    /// Days since 1970-01-01 for a valid year/month/day (year 0–9999), or nil.
    public static func days(year: Int, month: Int, day: Int) -> Int32? {
        guard (0...9999).contains(year), (1...12).contains(month),
            (1...daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return Int32(dayNumber(year: year, month: month, day: day))
    }

    /// Days since 1970-01-01 for any year/month/day, without checking that the date exists.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day) for days since 1970-01-01.
    public static func civil(days: Int32) -> (year: Int, month: Int, day: Int) {
        civil(dayNumber: Int(days))
    }

    public static func civil(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `yyyy-MM-dd`.
    public static func formatDate(_ days: Int32) -> String {
        let c = civil(days: days)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }

    /// `yyyy-MM-dd HH:mm:ss` of a zone-less DATETIME (seconds since 1970-01-01 00:00:00).
    public static func formatDateTime(_ seconds: Int64) -> String {
        LocalTime(epochSeconds: seconds, utcOffset: 0).dateTime
    }

    /// Zero-pads a non-negative number to `width` digits.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
