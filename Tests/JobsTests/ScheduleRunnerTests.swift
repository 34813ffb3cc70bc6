import Jobs
import Testing

/// The pure core of schedules: what is due, what collapses, what waits, what finishes.
@Suite struct ScheduleRunnerTests {
    private static let hour: Int64 = 3_600_000
    private static let t0: Int64 = 1_800_000_000_000

    private func hourly(id: Int64 = 1, ends: Int64? = nil, status: ScheduleStatus = .running, database: String = "shop") -> BackupSchedule {
        BackupSchedule(
            id: id, name: "s\(id)", definer: "root", databaseName: database,
            executeSql: "BACKUP SNAPSHOT \(database).s\(id)_{ts} TO repo", comment: "", createTime: Self.t0 - Self.hour,
            timing: .every(amount: 1, unit: .hour, starts: Self.t0, ends: ends), status: status, consumedThrough: Self.t0 - 1)
    }

    private func run(_ taskId: Int64, of schedule: BackupSchedule, _ status: RunStatus = .pending) -> ScheduleRun {
        var run = ScheduleRun(
            taskId: taskId, scheduleId: schedule.id, jobName: schedule.name, label: "l\(taskId)", databaseName: schedule.databaseName,
            sql: "", scheduledTime: Self.t0, createTime: Self.t0, user: "root", manual: false)
        run.status = status
        return run
    }

    private func decide(
        _ now: Int64, _ schedules: [BackupSchedule], open: [ScheduleRun] = [], backups: [Int64: ScheduleRunner.BackupProgress] = [:],
        busy: Set<String> = []
    ) -> [ScheduleRunner.Action] {
        ScheduleRunner.decide(.init(now: now, schedules: schedules, openRuns: open, backups: backups, busyDatabases: busy))
    }

    @Test func aScheduleRunsWhenItsOccurrenceComesDueAndNotBefore() {
        let s = hourly()
        #expect(decide(Self.t0 - 1, [s]).isEmpty)
        #expect(decide(Self.t0, [s]) == [.open(scheduleId: 1, scheduledTime: Self.t0)])
        var spent = s
        spent.consumedThrough = Self.t0
        #expect(decide(Self.t0 + Self.hour - 1, [spent]).isEmpty)
        #expect(decide(Self.t0 + Self.hour, [spent]) == [.open(scheduleId: 1, scheduledTime: Self.t0 + Self.hour)])
    }

    @Test func occurrencesMissedWhileNoProcessWasUpCollapseIntoOneRunForTheLatest() {
        let actions = decide(Self.t0 + 5 * Self.hour + 600_000, [hourly()])
        #expect(actions == [.open(scheduleId: 1, scheduledTime: Self.t0 + 5 * Self.hour)])
    }

    @Test func aPausedScheduleNeverRunsAndAFinishedOneNeither() {
        #expect(decide(Self.t0 + 9 * Self.hour, [hourly(status: .paused)]).isEmpty)
        #expect(decide(Self.t0 + 9 * Self.hour, [hourly(status: .finished)]).isEmpty)
    }

    @Test func endsStopsTheOccurrencesAndFinishesTheScheduleOnceItsRunSettled() {
        let ends = Self.t0 + 2 * Self.hour
        // Missed past ENDS: one run for the last occurrence before ENDS (ENDS itself excluded).
        #expect(decide(Self.t0 + 10 * Self.hour, [hourly(ends: ends)]) == [.open(scheduleId: 1, scheduledTime: Self.t0 + Self.hour)])
        var spent = hourly(ends: ends)
        spent.consumedThrough = Self.t0 + Self.hour
        // Still open: not finished yet.
        #expect(decide(Self.t0 + 10 * Self.hour, [spent], open: [run(7, of: spent, .running)], backups: [7: .running]).isEmpty)
        #expect(decide(Self.t0 + 10 * Self.hour, [spent]) == [.finish(scheduleId: 1)])
    }

    @Test func anAtScheduleRunsOnceThenFinishes() {
        var s = hourly()
        s.timing = .at(Self.t0 + 600_000)
        s.consumedThrough = Self.t0 + 600_000 - 1
        #expect(decide(Self.t0, [s]).isEmpty)
        #expect(decide(Self.t0 + Self.hour, [s]) == [.open(scheduleId: 1, scheduledTime: Self.t0 + 600_000)])
        s.consumedThrough = Self.t0 + 600_000
        #expect(decide(Self.t0 + 2 * Self.hour, [s], open: [run(3, of: s, .running)], backups: [3: .running]).isEmpty)
        #expect(decide(Self.t0 + 2 * Self.hour, [s], open: [run(3, of: s, .running)], backups: [3: .finished])
            == [.settle(taskId: 3, status: .success, message: ""), .finish(scheduleId: 1)])
    }

    @Test func aRunWaitsWhileItsDatabaseIsBusyAbsorbsFurtherOccurrencesThenRunsOnce() {
        var s = hourly()
        s.consumedThrough = Self.t0
        let waiting = run(4, of: s)
        let later = Self.t0 + 3 * Self.hour + 5
        #expect(decide(later, [s], open: [waiting], busy: ["shop"]) == [.absorb(scheduleId: 1, through: Self.t0 + 3 * Self.hour)])
        s.consumedThrough = Self.t0 + 3 * Self.hour
        #expect(decide(later, [s], open: [waiting], busy: ["shop"]).isEmpty)
        #expect(decide(later, [s], open: [waiting]) == [.submit(taskId: 4)])
        // Another database's job does not hold it up.
        #expect(decide(later, [s], open: [waiting], busy: ["other"]) == [.submit(taskId: 4)])
    }

    @Test func twoWaitingRunsOfOneDatabaseStartOneAtATime() {
        let a = hourly(id: 1), b = hourly(id: 2)
        var sa = a, sb = b
        sa.consumedThrough = Self.t0
        sb.consumedThrough = Self.t0
        let actions = decide(Self.t0 + 1, [sa, sb], open: [run(5, of: sa), run(6, of: sb)])
        #expect(actions == [.submit(taskId: 5)])
    }

    @Test func aJournaledRunWhoseBackupAlreadyExistsIsAdoptedNeverSubmittedAgain() {
        var s = hourly()
        s.consumedThrough = Self.t0
        let pending = run(8, of: s)
        // A crash came between submitting the backup and recording it: found by label.
        #expect(decide(Self.t0 + 1, [s], open: [pending], backups: [8: .running]) == [.adopt(taskId: 8)])
        #expect(decide(Self.t0 + 1, [s], open: [pending], backups: [8: .finished]) == [.settle(taskId: 8, status: .success, message: "")])
        // A crash came before submitting: nothing knows the label, the run is submitted (not lost).
        #expect(decide(Self.t0 + 1, [s], open: [pending]) == [.submit(taskId: 8)])
    }

    @Test func aRunSettlesWithItsBackupsFinalState() {
        var s = hourly()
        s.consumedThrough = Self.t0
        let running = run(9, of: s, .running)
        #expect(decide(Self.t0 + 1, [s], open: [running], backups: [9: .cancelled("user cancelled")])
            == [.settle(taskId: 9, status: .failed, message: "user cancelled")])
        let lost = decide(Self.t0 + 1, [s], open: [running])
        #expect(lost == [.settle(taskId: 9, status: .failed, message: "the backup job of label l9 is no longer in the job history")])
    }

    @Test func occurrencesFollowStartsIntervalAndEnds() {
        let every = ScheduleTiming.every(amount: 2, unit: .day, starts: Self.t0, ends: Self.t0 + 5 * 86_400_000)
        #expect(every.occurrence(after: 0) == Self.t0)
        #expect(every.occurrence(after: Self.t0) == Self.t0 + 2 * 86_400_000)
        #expect(every.occurrence(after: Self.t0 + 4 * 86_400_000) == nil)
        #expect(every.latestOccurrence(after: Self.t0 - 1, upTo: Self.t0 + 9 * 86_400_000) == Self.t0 + 4 * 86_400_000)
        #expect(every.latestOccurrence(after: Self.t0 + 4 * 86_400_000, upTo: Self.t0 + 9 * 86_400_000) == nil)
        #expect(ScheduleUnit.week.milliseconds == 7 * 86_400_000)
    }

    @Test func theTimePlaceholderBecomesALabelSafeLocalStamp() {
        let s = hourly()
        let stamp = BackupSchedule.labelStamp(Self.t0)
        #expect(stamp.count == 15 && stamp.allSatisfy { $0.isNumber || $0 == "_" })
        #expect(s.statement(scheduledAt: Self.t0) == "BACKUP SNAPSHOT shop.s1_\(stamp) TO repo")
    }
}
