import Glibc

/// A wall-clock time: epoch seconds seen at a fixed UTC offset, and every text form SnapDeck
/// prints times in. The arithmetic is ``CivilTime``'s, so the dashboard's reducer and renderer
/// stay deterministic (the app passes the offset once, tests pick their own); only
/// ``init(epochSeconds:)`` asks the machine for its time zone.
public struct LocalTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Seconds east of UTC.
    public var utcOffset: Int

    /// Sub-second parts are dropped towards the past.
    public init(epoch: Double, utcOffset: Int) {
        self.init(epochSeconds: Int64(epoch.rounded(.down)), utcOffset: utcOffset)
    }

    public init(epochSeconds: Int64, utcOffset: Int) {
        let total = Int(epochSeconds) + utcOffset
        var days = total / 86400
        var seconds = total % 86400
        if seconds < 0 {
            seconds += 86400
            days -= 1
        }
        (year, month, day) = CivilTime.civil(dayNumber: days)
        hour = seconds / 3600
        minute = seconds / 60 % 60
        second = seconds % 60
        self.utcOffset = utcOffset
    }

    /// In this machine's time zone, as Doris prints times.
    public init(epochSeconds: Int64) {
        self.init(epochSeconds: epochSeconds, utcOffset: Self.machineOffset(atEpochSeconds: epochSeconds))
    }

    /// The machine time zone's offset from UTC at that instant (it moves with daylight saving).
    public static func machineOffset(atEpochSeconds seconds: Int64) -> Int {
        var t = time_t(seconds)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// `HH:mm:ss`
    public var clock: String { pad(hour) + ":" + pad(minute) + ":" + pad(second) }

    /// `yyyy-MM-dd`, the date part of the engine's time cells.
    public var date: String { CivilTime.pad(year, 4) + "-" + pad(month) + "-" + pad(day) }

    /// `yyyy-MM-dd HH:mm:ss`, the engine's time cells.
    public var dateTime: String { date + " " + clock }

    /// `yyyy-MM-dd-HH-mm-ss`: a snapshot's timestamp (its backup job's creation time), part of
    /// the `__info_` file name and matched exactly by RESTORE's `backup_timestamp`.
    public var snapshotTimestamp: String { date + "-" + pad(hour) + "-" + pad(minute) + "-" + pad(second) }

    /// `yyyyMMdd`
    public var compactDate: String { CivilTime.pad(year, 4) + pad(month) + pad(day) }

    /// `HHmmss`
    public var compactClock: String { pad(hour) + pad(minute) + pad(second) }

    /// `yyyyMMdd_HHmm`, the stamp in a suggested backup label.
    public var labelStamp: String { compactDate + "_" + pad(hour) + pad(minute) }

    /// `yyyy-MM-ddTHH:mm:ssZ`, or with `±HH:mm` off UTC.
    public var iso8601: String {
        let zone = utcOffset == 0
            ? "Z" : (utcOffset < 0 ? "-" : "+") + pad(abs(utcOffset) / 3600) + ":" + pad(abs(utcOffset) / 60 % 60)
        return date + "T" + clock + zone
    }

    private func pad(_ n: Int) -> String { CivilTime.pad(n, 2) }

    /// Seconds from 1970-01-01 00:00:00 to a `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd-HH-mm-ss`)
    /// wall-clock text, read as if it were UTC: differences between two such values are exact.
    public static func wallSeconds(_ text: String) -> Double? {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 6 else { return nil }
        let days = CivilTime.dayNumber(year: numbers[0], month: numbers[1], day: numbers[2])
        return Double(days * 86400 + numbers[3] * 3600 + numbers[4] * 60 + numbers[5])
    }

    /// Epoch seconds of a `yyyy-MM-dd HH:mm:ss` text read in this machine's time zone (as
    /// Doris reads a job's STARTS, ENDS and AT), or nil when the text is not such a time.
    public static func epochSeconds(localDateTime text: String) -> Int64? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        let widths = [4, 2, 2, 2, 2, 2]
        let fields = date + clock
        guard fields.count == 6, zip(fields, widths).allSatisfy({ $0.utf8.count == $1 && $0.utf8.allSatisfy { (48...57).contains($0) } }) else { return nil }
        let n = fields.map { Int($0)! }
        guard let days = CivilTime.days(year: n[0], month: n[1], day: n[2]), n[3] < 24, n[4] < 60, n[5] < 60 else { return nil }
        let wall = Int64(days) * 86400 + Int64(n[3] * 3600 + n[4] * 60 + n[5])
        // The offset at the instant itself: the first guess uses the wall time as if it were
        // UTC, which may sit on the other side of a daylight-saving change.
        let guess = wall - Int64(machineOffset(atEpochSeconds: wall))
        return wall - Int64(machineOffset(atEpochSeconds: guess))
    }
}
