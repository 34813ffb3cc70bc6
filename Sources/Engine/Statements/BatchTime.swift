import Essentials

/// Calendar arithmetic for batch range partitions, on zone-less seconds since 1970 (DATE and
/// DATETIME partition values carry no time zone).
enum BatchTime {
    /// The FROM or TO text in the forms Doris accepts for `unit`, missing fields filled with
    /// their first value (`2026-01` = 2026-01-01 00:00:00).
    static func seconds(_ text: String, unit: String) -> Int64? {
        let digits = text.filter(\.isNumber)
        let shapes: [Int: String]
        switch unit {
        case "HOUR": shapes = [10: "yyyyMMddHH", 13: "yyyy-MM-dd HH"]
        case "DAY", "WEEK": shapes = [8: "yyyyMMdd", 10: "yyyy-MM-dd"]
        case "MONTH": shapes = [6: "yyyyMM", 7: "yyyy-MM", 10: "yyyy-MM-dd"]
        default: shapes = [4: "yyyy", 8: "yyyyMMdd", 10: "yyyy-MM-dd"]
        }
        let fraction = text.count > 20 ? "." + String(repeating: "S", count: text.count - 20) : ""
        let shape = isDateTime(text) ? "yyyy-MM-dd HH:mm:ss" + fraction : shapes[text.count]
        guard let shape, shape.count == text.count, digits.count == shape.filter(\.isLetter).count,
            zip(text, shape).allSatisfy({ $0.isNumber == $1.isLetter && ($1.isLetter || $0 == $1 || $1 == ".") })
        else { return nil }
        var fields: [Character: Int] = [:]
        for (c, s) in zip(text, shape) where s.isLetter && s != "S" {
            fields[s, default: 0] = fields[s, default: 0] * 10 + (c.wholeNumberValue ?? 0)
        }
        let hour = fields["H"] ?? 0, minute = fields["m"] ?? 0, second = fields["s"] ?? 0
        guard let days = CivilTime.days(year: fields["y"] ?? 0, month: fields["M"] ?? 1, day: fields["d"] ?? 1),
            hour < 24, minute < 60, second < 60
        else { return nil }
        return Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// A datetime as Doris recognizes one: 19 characters, or 21 to 26 with a fraction.
    static func isDateTime(_ text: String) -> Bool {
        text.count == 19 || (21...26).contains(text.count)
    }

    static func name(of seconds: Int64, unit: String) -> String {
        let (days, clock) = split(seconds)
        let c = CivilTime.civil(days: days)
        let year = CivilTime.pad(c.year, 4), month = CivilTime.pad(c.month, 2), day = CivilTime.pad(c.day, 2)
        switch unit {
        case "HOUR": return year + month + day + CivilTime.pad(Int(clock / 3600), 2)
        case "DAY": return year + month + day
        case "WEEK": return year + "_" + CivilTime.pad(weekOfYear(days), 2)
        case "MONTH": return year + month
        default: return year
        }
    }

    /// The start of the next partition: `interval` units on, from the Monday, the 1st or the
    /// January 1st of the current one for WEEK, MONTH and YEAR (time of day kept, as Doris).
    static func next(after seconds: Int64, unit: String, interval written: Int64) -> Int64 {
        // Any interval past the year 9999 ends the batch; capping it keeps the sums in range.
        let interval = min(written, 100_000_000)
        let (days, clock) = split(seconds)
        let c = CivilTime.civil(days: days)
        switch unit {
        case "HOUR": return seconds + interval * 3600
        case "DAY": return seconds + interval * 86400
        case "WEEK":
            let monday = Int64(days) - Int64(isoWeekday(days) - 1)
            return (monday + 7 * interval) * 86400 + clock
        case "MONTH":
            let months = Int64(c.year) * 12 + Int64(c.month - 1) + interval
            return at(year: Int(months / 12), month: Int(months % 12) + 1, clock: clock)
        default:
            return at(year: c.year + Int(interval), month: 1, clock: clock)
        }
    }

    static func format(_ seconds: Int64, withTime: Bool) -> String {
        withTime ? CivilTime.formatDateTime(seconds) : CivilTime.formatDate(split(seconds).days)
    }

    /// Monday = 1 ... Sunday = 7 (1970-01-01 was a Thursday).
    static func isoWeekday(_ days: Int32) -> Int {
        Int(((Int64(days) % 7) + 7 + 3) % 7) + 1
    }

    /// Weeks starting on Monday, week 1 being the one that holds January 1st (Java's
    /// `WeekFields.of(MONDAY, 1)`, which Doris uses).
    static func weekOfYear(_ days: Int32) -> Int {
        let c = CivilTime.civil(days: days)
        guard let january1 = CivilTime.days(year: c.year, month: 1, day: 1) else { return 1 }
        let offset = isoWeekday(january1) - 1
        return (Int(days - january1) + offset) / 7 + 1
    }

    private static func split(_ seconds: Int64) -> (days: Int32, clock: Int64) {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        return (Int32(clamping: days), seconds - days * 86400)
    }

    private static func at(year: Int, month: Int, clock: Int64) -> Int64 {
        // Years past 9999 cannot be dates; the caller's TO bound is reached before that.
        let days = CivilTime.days(year: min(year, 9999), month: month, day: 1) ?? Int32.max
        return Int64(days) * 86400 + clock
    }
}
