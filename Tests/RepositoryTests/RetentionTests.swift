import Foundation
import Repository
import Testing

@Suite struct RetentionPeriodTests {
    @Test(arguments: [
        ("7 DAY", "7 DAY"), ("1 hour", "1 HOUR"), ("2 Weeks", "2 WEEK"), ("  3   months ", "3 MONTH"), ("12DAY", "12 DAY"),
        ("007 day", "7 DAY"), ("9999 HOURS", "9999 HOUR"),
    ])
    func parsesAndNormalises(text: String, normal: String) throws {
        #expect(try RetentionPeriod(parsing: text).text == normal)
    }

    @Test(arguments: [
        ("", "Invalid ttl \"\": expected \"<n> HOUR|DAY|WEEK|MONTH\" with n from 1 to 9999, e.g. \"7 DAY\""),
        ("7", "Invalid ttl \"7\": expected \"<n> HOUR|DAY|WEEK|MONTH\" with n from 1 to 9999, e.g. \"7 DAY\""),
        ("DAY", "Invalid ttl \"DAY\": expected \"<n> HOUR|DAY|WEEK|MONTH\" with n from 1 to 9999, e.g. \"7 DAY\""),
        ("-1 DAY", "Invalid ttl \"-1 DAY\": expected \"<n> HOUR|DAY|WEEK|MONTH\" with n from 1 to 9999, e.g. \"7 DAY\""),
        ("7 YEAR", "Invalid ttl unit \"YEAR\" in \"7 YEAR\": expected \"<n> HOUR|DAY|WEEK|MONTH\" with n from 1 to 9999, e.g. \"7 DAY\""),
        ("7 DAYS AGO", "Invalid ttl unit \"DAYS AGO\" in \"7 DAYS AGO\": expected \"<n> HOUR|DAY|WEEK|MONTH\" with n from 1 to 9999, e.g. \"7 DAY\""),
        ("0 DAY", "Invalid ttl \"0 DAY\": the number must be from 1 to 9999"),
        ("10000 DAY", "Invalid ttl \"10000 DAY\": the number must be from 1 to 9999"),
    ])
    func rejectsWithAClearMessage(text: String, message: String) {
        #expect(throws: RetentionPeriod.Invalid(message)) { try RetentionPeriod(parsing: text) }
    }

    private static func millis(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> Int64 {
        Int64(CivilTimeProbe.days(y, m, d) * 86400 + h * 3600 + min * 60) * 1000
    }

    @Test func fixedUnitsAddTheirLength() {
        let start: Int64 = 1_700_000_000_123
        #expect(RetentionPeriod(count: 3, unit: .hour).expiry(after: start) == start + 3 * 3_600_000)
        #expect(RetentionPeriod(count: 7, unit: .day).expiry(after: start) == start + 7 * 86_400_000)
        #expect(RetentionPeriod(count: 2, unit: .week).expiry(after: start) == start + 14 * 86_400_000)
    }

    @Test func monthsAreCalendarMonthsClampedToTheLastDay() {
        let utc: (Int64) -> Int = { _ in 0 }
        let month = RetentionPeriod(count: 1, unit: .month)
        #expect(month.expiry(after: Self.millis(2026, 1, 31, 10) + 5, offsetAt: utc) == Self.millis(2026, 2, 28, 10) + 5)
        #expect(month.expiry(after: Self.millis(2024, 1, 31, 10), offsetAt: utc) == Self.millis(2024, 2, 29, 10))
        #expect(RetentionPeriod(count: 13, unit: .month).expiry(after: Self.millis(2024, 1, 31), offsetAt: utc) == Self.millis(2025, 2, 28))
        #expect(RetentionPeriod(count: 12, unit: .month).expiry(after: Self.millis(2025, 12, 15), offsetAt: utc) == Self.millis(2026, 12, 15))
        // On a clock one hour east of UTC, 00:30 local on Jan 31 is 23:30 UTC on Jan 30; a
        // month later is 00:30 local on Feb 28.
        let east: (Int64) -> Int = { _ in 3600 }
        #expect(month.expiry(after: Self.millis(2026, 1, 30, 23, 30), offsetAt: east) == Self.millis(2026, 2, 27, 23, 30))
    }
}

/// Days since 1970 for the tests' dates (through Foundation, independently of the code under test).
private enum CivilTimeProbe {
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: y, month: m, day: d))!
        return Int(date.timeIntervalSince1970) / 86400
    }
}

@Suite struct RetentionPlanTests {
    private let now: Int64 = 1_000_000

    @Test func expiredSnapshotsGoDependentsFirstAndOnlyTheOwners() throws {
        let f = LifecycleFixture()
        let a = try f.snapshot("a", expireTime: now - 10)
        try f.snapshot("b", own: 1, reads: LifecycleFixture.reads(of: a), base: "a", expireTime: now)
        try f.snapshot("foreign", owner: "cluster-b", expireTime: now - 10)
        try f.snapshot("doris", owner: nil)
        try f.snapshot("later", expireTime: now + 1)
        try f.snapshot("forever")
        let plan = RetentionPlan(inventory: try f.inventory(), owner: LifecycleFixture.owner, now: now)
        #expect(plan.order == ["b", "a"])
        #expect(plan.keptForReaders.isEmpty)
    }

    @Test func anExpiredBaseStaysWhileAReaderStays() throws {
        let f = LifecycleFixture()
        let a = try f.snapshot("a", expireTime: now - 10)
        let b = try f.snapshot("b", own: 1, reads: LifecycleFixture.reads(of: a), base: "a", expireTime: now - 5)
        try f.snapshot("c", own: 1, reads: LifecycleFixture.reads(of: b), base: "b", expireTime: now + 100)
        let f2 = LifecycleFixture()
        let x = try f2.snapshot("x", expireTime: now - 10)
        try f2.snapshot("y", own: 1, reads: LifecycleFixture.reads(of: x), base: "x", owner: "cluster-b", expireTime: now - 10)
        #expect(RetentionPlan(inventory: try f.inventory(), owner: LifecycleFixture.owner, now: now)
            == RetentionPlan(order: [], keptForReaders: ["a", "b"]))
        // Another cluster's incremental keeps this cluster's expired base.
        #expect(RetentionPlan(inventory: try f2.inventory(), owner: LifecycleFixture.owner, now: now).keptForReaders == ["x"])
        // Once the reader expires too, the whole chain goes, newest first.
        #expect(RetentionPlan(inventory: try f.inventory(), owner: LifecycleFixture.owner, now: now + 100).order == ["c", "b", "a"])
        // A snapshot a running job uses stays, and with it what it reads.
        #expect(RetentionPlan(inventory: try f.inventory(), owner: LifecycleFixture.owner, now: now + 100, protected: ["b"]).order == ["c"])
    }
}
