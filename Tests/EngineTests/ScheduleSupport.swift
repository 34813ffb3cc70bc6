import Engine
import Essentials
import Foundation
import TestSupport

/// A backup fixture whose job scheduler reads a manual clock, with helpers to turn the
/// schedules and read jobs() / tasks().
final class ScheduleFixture {
    let t: TestCluster
    let clock: ManualClock
    /// A whole local hour, far from daylight-saving changes.
    static let t0 = LocalTime.epochSeconds(localDateTime: "2026-06-15 02:00:00")!
    static let hour: Int64 = 3600

    init() throws {
        t = try TestCluster()
        try t.makeBackupFixture()
        clock = ManualClock(start: Date(timeIntervalSince1970: TimeInterval(Self.t0 - 600)))
        useClock()
    }

    /// After a reopen the new cluster reads the same manual clock.
    func useClock() {
        let clock = self.clock
        t.cluster!.scheduler.now = { clock.now() }
    }

    func at(_ epochSeconds: Int64) {
        clock.advance(TimeInterval(epochSeconds) - clock.now().timeIntervalSince1970)
    }

    static func text(_ epochSeconds: Int64) -> String { LocalTime(epochSeconds: epochSeconds).dateTime }

    static func stamp(_ epochSeconds: Int64) -> String {
        let time = LocalTime(epochSeconds: epochSeconds)
        return time.compactDate + "_" + time.compactClock
    }

    func tick() throws { try t.cluster!.runScheduledJobs() }

    func job(_ name: String) throws -> [String: String?] {
        let result = try t.sql("SELECT * FROM jobs(\"type\"=\"backup\") WHERE Name = '\(name)'")
        guard let row = result.rows.first else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(result.columns, row))
    }

    /// Newest first, as tasks() lists them.
    func tasks(_ name: String) throws -> [[String: String?]] {
        let result = try t.sql("SELECT * FROM tasks(\"type\"=\"backup\") WHERE JobName = '\(name)'")
        return result.rows.map { Dictionary(uniqueKeysWithValues: zip(result.columns, $0)) }
    }

    /// Turns the schedules until the job's newest run has settled; returns its status.
    func settle(_ name: String) throws -> String? {
        var status: String?
        t.waitUntil(seconds: 30) {
            do {
                try tick()
                status = try tasks(name).first?["Status"] ?? nil
            } catch {
                return false
            }
            return status == "SUCCESS" || status == "FAILED" || status == "CANCELED"
        }
        return status
    }

    /// Backup jobs of `shop` whose label starts with `prefix`.
    func backups(_ prefix: String) throws -> [String] {
        try t.sql("SHOW BACKUP FROM shop").rows.compactMap { $0[1] }.filter { $0.hasPrefix(prefix) }
    }

    func createHourly(_ name: String = "nightly", starts: Int64 = t0, extra: String = "") throws {
        try t.sql("CREATE JOB \(name) ON SCHEDULE EVERY 1 HOUR STARTS '\(Self.text(starts))' \(extra) DO BACKUP SNAPSHOT shop.\(name)_{ts} TO repo")
    }
}
