import Essentials
import Foundation

/// How long a snapshot is kept: BACKUP's `"ttl" = "<n> HOUR|DAY|WEEK|MONTH"` (case-insensitive,
/// plural accepted, 1 ≤ n ≤ 9999), written into `__info` normalised (`7 DAY`).
///
/// HOUR, DAY and WEEK are fixed lengths (3600, 86400, 604800 s); MONTH is calendar months on the
/// local wall clock, the day clamped to the month's last (Jan 31 + 1 MONTH = Feb 28/29).
public struct RetentionPeriod: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable {
        case hour = "HOUR", day = "DAY", week = "WEEK", month = "MONTH"

        var seconds: Int64? {
            switch self {
            case .hour: 3600
            case .day: 86400
            case .week: 604_800
            case .month: nil
            }
        }
    }

    /// A `ttl` value that is not a retention period; `message` says why and what is expected.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses the property's value; the error names what is wrong and what is expected.
    public init(parsing text: String) throws(Invalid) {
        let expected = "expected \"<n> HOUR|DAY|WEEK|MONTH\" with n from 1 to 9999, e.g. \"7 DAY\""
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let word = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).uppercased()
        guard !digits.isEmpty, !word.isEmpty else { throw Invalid("Invalid ttl \"\(text)\": \(expected)") }
        guard let unit = Unit(rawValue: word) ?? (word.hasSuffix("S") ? Unit(rawValue: String(word.dropLast())) : nil) else {
            throw Invalid("Invalid ttl unit \"\(word)\" in \"\(text)\": \(expected)")
        }
        guard digits.count <= 4, let count = Int(digits), count >= 1 else {
            throw Invalid("Invalid ttl \"\(text)\": the number must be from 1 to 9999")
        }
        self.init(count: count, unit: unit)
    }

    /// `7 DAY`: the form `__info` and SHOW SNAPSHOT carry.
    public var text: String { "\(count) \(unit.rawValue)" }

    /// When a snapshot made at `millis` (epoch ms) expires. `offsetAt` gives the local time
    /// zone's offset at an instant (seconds east of UTC); MONTH counts on that wall clock.
    public func expiry(after millis: Int64, offsetAt: (Int64) -> Int = LocalTime.machineOffset(atEpochSeconds:)) -> Int64 {
        if let seconds = unit.seconds { return millis + Int64(count) * seconds * 1000 }
        let epochSeconds = millis.floorDivided(by: 1000)
        let start = LocalTime(epochSeconds: epochSeconds, utcOffset: offsetAt(epochSeconds))
        let months = start.year * 12 + (start.month - 1) + count
        let (year, month) = (months / 12, months % 12 + 1)
        let day = min(start.day, CivilTime.daysInMonth(year: year, month: month))
        let wall = Int64(CivilTime.dayNumber(year: year, month: month, day: day)) * 86400
            + Int64(start.hour * 3600 + start.minute * 60 + start.second)
        // The offset where the result lands (daylight saving may differ from the start's).
        let landed = wall - Int64(offsetAt(wall - Int64(start.utcOffset)))
        return landed * 1000 + (millis - epochSeconds * 1000)
    }
}

extension Int64 {
    fileprivate func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
