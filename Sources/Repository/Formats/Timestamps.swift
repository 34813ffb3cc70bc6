import Foundation

/// The snapshot timestamp `yyyy-MM-dd-HH-mm-ss` (reference §9.3): the backup job's creation
/// time, part of the `__info_` file name, shown by SHOW SNAPSHOT and matched exactly by
/// RESTORE's `backup_timestamp`.
public enum SnapshotTimestamp {
    /// Renders epoch milliseconds in `timeZone` (sub-second part dropped, towards the past).
    public static func string(fromEpochMillis millis: Int64, timeZone: TimeZone = .current) -> String {
        let seconds = millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return pad(c.year ?? 0, 4) + "-" + pad(c.month ?? 0, 2) + "-" + pad(c.day ?? 0, 2) + "-"
            + pad(c.hour ?? 0, 2) + "-" + pad(c.minute ?? 0, 2) + "-" + pad(c.second ?? 0, 2)
    }

    /// True when `s` is exactly `yyyy-MM-dd-HH-mm-ss` with digits in every field and a real
    /// calendar date and time of day (month 1–12, a day that exists in that month, hour 0–23,
    /// minute and second 0–59).
    public static func isValid(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 19 else { return false }
        for (i, byte) in b.enumerated() {
            let isDash = [4, 7, 10, 13, 16].contains(i)
            if isDash ? byte != UInt8(ascii: "-") : !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return false
            }
        }
        func field(_ from: Int, _ count: Int) -> Int {
            b[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        let year = field(0, 4), month = field(5, 2), day = field(8, 2)
        guard (1...12).contains(month), field(11, 2) < 24, field(14, 2) < 60, field(17, 2) < 60 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
