import Essentials
import Testing

@Suite struct TimeTests {
    @Test func civilDatesRoundTrip() {
        for days in stride(from: Int32(-800_000), through: 2_900_000, by: 997) {
            let c = CivilTime.civil(days: days)
            guard (0...9999).contains(c.year) else { continue }
            #expect(CivilTime.days(year: c.year, month: c.month, day: c.day) == days)
        }
        #expect(CivilTime.days(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilTime.formatDate(CivilTime.days(year: 2000, month: 2, day: 29)!) == "2000-02-29")
        #expect(CivilTime.formatDateTime(-1) == "1969-12-31 23:59:59")
    }

    @Test func localTimeIsPureArithmetic() {
        let time = LocalTime(epoch: 1_795_707_000, utcOffset: 0)
        #expect(time.clock == "15:30:00")
        #expect(time.labelStamp == "20261126_1530")
        #expect(LocalTime(epoch: 0, utcOffset: 0).labelStamp == "19700101_0000")
        #expect(LocalTime(epoch: 1_700_000_000, utcOffset: 8 * 3600).labelStamp == "20231115_0613")
        #expect(LocalTime(epoch: 1_700_000_000, utcOffset: 0).clock == "22:13:20")
        let a = LocalTime.wallSeconds("2026-11-26 15:25:31")!
        let b = LocalTime.wallSeconds("2026-11-26-15-26-11")!
        #expect(b - a == 40)
        #expect(LocalTime.wallSeconds("not a time") == nil)
    }

    @Test func everyTextFormOfOneInstant() {
        let shanghai = LocalTime(epochSeconds: 1_649_404_349, utcOffset: 8 * 3600)
        #expect(shanghai.dateTime == "2022-04-08 15:52:29")
        #expect(shanghai.snapshotTimestamp == "2022-04-08-15-52-29")
        #expect(shanghai.compactDate + shanghai.compactClock == "20220408155229")
        #expect(shanghai.iso8601 == "2022-04-08T15:52:29+08:00")
        #expect(LocalTime(epochSeconds: 0, utcOffset: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(LocalTime(epochSeconds: -1, utcOffset: 0).snapshotTimestamp == "1969-12-31-23-59-59")
        #expect(LocalTime(epochSeconds: 951_782_400, utcOffset: 0).date == "2000-02-29")
        #expect(LocalTime(epoch: -0.5, utcOffset: 0).clock == "23:59:59", "sub-seconds go towards the past")
    }

    @Test func machineTimeUsesTheMachineOffsetAtThatInstant() {
        let seconds: Int64 = 1_700_000_000
        let offset = LocalTime.machineOffset(atEpochSeconds: seconds)
        #expect(LocalTime(epochSeconds: seconds) == LocalTime(epochSeconds: seconds, utcOffset: offset))
    }

    @Test func timeSpansShowTwoUnitsAtMost() {
        #expect(TimeSpan.text(5) == "5s")
        #expect(TimeSpan.text(5.9) == "5s")
        #expect(TimeSpan.text(62) == "1m02s")
        #expect(TimeSpan.text(7500) == "2h05m")
        #expect(TimeSpan.text(3 * 86400 + 4 * 3600 + 59) == "3d04h")
        #expect(TimeSpan.text(-3) == "0s")
    }
}
