import Engine
import Foundation
import Jobs
import Catalog
import Testing
import TestSupport

/// Schedules firing on a manual clock: due runs, missed runs collapsed, pause, ENDS and AT,
/// a busy database, and a crash between journaling a run and submitting its backup.
@Suite(.serialized) struct ScheduleRunTests {
    typealias F = ScheduleFixture

    @Test func aDueScheduleRunsOnceForTheLatestMissedOccurrenceWithItsTimeInTheLabel() throws {
        let f = try F()
        try f.createHourly()
        try f.tick()
        #expect(try f.tasks("nightly").isEmpty)
        #expect(try f.job("nightly")["NextRunTime"] == F.text(F.t0))
        f.at(F.t0 + 3 * F.hour + 300)
        try f.tick()
        try f.tick()
        let label = "nightly_" + F.stamp(F.t0 + 3 * F.hour)
        #expect(try f.tasks("nightly").map { $0["Label"] ?? nil } == [label])
        #expect(try f.settle("nightly") == "SUCCESS")
        #expect(try f.backups("nightly_") == [label])
        let job = try f.job("nightly")
        #expect(job["SucceedTaskCount"] == "1" && job["FailedTaskCount"] == "0")
        #expect(job["LastResult"] == "SUCCESS")
        #expect(job["LastRunTime"] == F.text(F.t0 + 3 * F.hour + 300))
        #expect(job["NextRunTime"] == F.text(F.t0 + 4 * F.hour))
        #expect(job["Status"] == "RUNNING" && job["ExecuteType"] == "RECURRING")
        #expect(job["RecurringStrategy"] == "EVERY 1 HOUR STARTS \(F.text(F.t0))")
        #expect(job["ExecuteSql"] == "BACKUP SNAPSHOT shop.nightly_{ts} TO repo")
        #expect(try f.t.sql("SHOW SNAPSHOT ON repo").rows.contains { $0[0] == label })
        let task = try #require(try f.tasks("nightly").first)
        #expect(task["ScheduledTime"] == F.text(F.t0 + 3 * F.hour) && task["User"] == "root" && task["ErrorMsg"] == "")
    }

    @Test func aPausedScheduleNeverRunsAndResumingSkipsWhatCameDueMeanwhile() throws {
        let f = try F()
        try f.createHourly()
        try f.t.sql("PAUSE JOB WHERE jobname = 'nightly'")
        f.at(F.t0 + 5 * F.hour)
        try f.tick()
        #expect(try f.tasks("nightly").isEmpty)
        #expect(try f.job("nightly")["Status"] == "PAUSED")
        #expect(try f.job("nightly")["NextRunTime"] == "")
        try f.t.sql("RESUME JOB WHERE JOBNAME = 'nightly'")
        try f.tick()
        #expect(try f.tasks("nightly").isEmpty)
        #expect(try f.job("nightly")["NextRunTime"] == F.text(F.t0 + 6 * F.hour))
        f.at(F.t0 + 6 * F.hour)
        #expect(try f.settle("nightly") == "SUCCESS")
        #expect(try f.tasks("nightly").count == 1)
    }

    @Test func endsAndAtFinishTheirSchedules() throws {
        let f = try F()
        try f.createHourly(extra: "ENDS '\(F.text(F.t0 + 90 * 60))'")
        try f.t.sql("CREATE JOB once ON SCHEDULE AT '\(F.text(F.t0 + 600))' DO BACKUP SNAPSHOT shop.once TO repo ON (items)")
        f.at(F.t0 + 10 * F.hour)
        try f.tick()
        #expect(try f.tasks("nightly").map { $0["Label"] ?? nil } == ["nightly_" + F.stamp(F.t0 + F.hour)])
        #expect(try f.settle("nightly") == "SUCCESS")
        #expect(try f.settle("once") == "SUCCESS")
        try f.tick()
        #expect(try f.job("nightly")["Status"] == "FINISHED")
        #expect(try f.job("once")["Status"] == "FINISHED")
        #expect(try f.job("once")["ExecuteType"] == "ONE_TIME")
        #expect(try f.job("once")["RecurringStrategy"] == "AT \(F.text(F.t0 + 600))")
        f.at(F.t0 + 50 * F.hour)
        try f.tick()
        #expect(try f.tasks("nightly").count == 1 && f.tasks("once").count == 1)
        #expect(f.t.error("RESUME JOB WHERE jobname = 'once'")?.message
            == "Alter job status error, jobName is once, errorMsg is Can't update job FINISHED status to the RUNNING status")
    }

    @Test func aRunWaitsWhileItsDatabaseRunsAnotherJobThenRunsOnce() throws {
        let f = try F()
        try f.t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'UPLOADING')")
        try f.t.sql("BACKUP SNAPSHOT shop.manual TO repo")
        #expect(try f.t.waitUntil { try f.t.backupState("manual") == "UPLOADING" })
        try f.createHourly()
        f.at(F.t0)
        try f.tick()
        #expect(try f.tasks("nightly").map { $0["Status"] ?? nil } == ["PENDING"])
        #expect(try f.job("nightly")["LastResult"] == "PENDING")
        f.at(F.t0 + 3 * F.hour)
        try f.tick()
        #expect(try f.tasks("nightly").count == 1)
        #expect(try f.backups("nightly_").isEmpty)
        try f.t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try f.t.waitForBackup("manual"))
        #expect(try f.settle("nightly") == "SUCCESS")
        #expect(try f.tasks("nightly").count == 1)
        // The run keeps the time of the occurrence it was opened for.
        #expect(try f.backups("nightly_") == ["nightly_" + F.stamp(F.t0)])
    }

    @Test func aRunJournaledBeforeACrashIsSubmittedOnceAfterTheRestart() throws {
        let f = try F()
        try f.createHourly(starts: F.t0 + 100 * F.hour)
        let label = try journalRunWhileClosed(f, submitted: false)
        try f.tick()
        try f.tick()
        #expect(try f.settle("nightly") == "SUCCESS")
        #expect(try f.backups("nightly_") == [label])
        #expect(try f.tasks("nightly").count == 1)
    }

    @Test func aRunWhoseBackupWasSubmittedBeforeTheCrashIsAdoptedNotSubmittedAgain() throws {
        let f = try F()
        try f.createHourly(starts: F.t0 + 100 * F.hour)
        let label = try journalRunWhileClosed(f, submitted: true)
        try f.tick()
        #expect(try f.tasks("nightly").first?["Status"] == "RUNNING" || f.tasks("nightly").first?["Status"] == "SUCCESS")
        #expect(try f.settle("nightly") == "SUCCESS")
        #expect(try f.backups("nightly_") == [label])
        #expect(try f.job("nightly")["SucceedTaskCount"] == "1")
    }

    /// Leaves the data directory as a process that died right after journaling a run (and,
    /// with `submitted`, after submitting its backup but before recording that) leaves it,
    /// then reopens it. Returns the run's label.
    private func journalRunWhileClosed(_ f: F, submitted: Bool) throws -> String {
        let time = F.t0 + 2 * F.hour
        let label = "nightly_" + F.stamp(time)
        if submitted {
            // The reopened cluster starts on the wall clock (it prunes job history by it before
            // the test sets the manual one again), so the backup is dated by the wall clock too.
            f.t.cluster!.scheduler.now = { Date() }
            try f.t.sql("BACKUP SNAPSHOT shop.\(label) TO repo")
        }
        f.t.cluster = nil
        do {
            let store = try CatalogStore(path: f.t.path + "/meta.sqlite")
            let book = ScheduleBook(database: store.database)
            var schedule = try #require(try book.schedules().first)
            let millis = time * 1000
            schedule.consumedThrough = millis
            let run = ScheduleRun(
                scheduleId: schedule.id, jobName: schedule.name, label: label, databaseName: "shop",
                sql: schedule.statement(scheduledAt: millis), scheduledTime: millis, createTime: millis, user: "root", manual: false)
            _ = try book.open(run, schedule: schedule)
        }
        try f.t.reopen()
        f.useClock()
        f.at(time + 60)
        return label
    }

    @Test func executeJobRunsNowOutsideTheScheduleAndOnlyOneRunAtATime() throws {
        let f = try F()
        try f.createHourly(starts: F.t0 + 100 * F.hour)
        try f.t.sql("PAUSE JOB WHERE jobname = 'nightly'")
        try f.t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'UPLOADING')")
        try f.t.sql("EXECUTE JOB WHERE jobname = 'nightly'")
        let label = "nightly_" + F.stamp(F.t0 - 600)
        #expect(try f.tasks("nightly").map { $0["Status"] ?? nil } == ["RUNNING"])
        #expect(f.t.error("EXECUTE JOB WHERE jobname = 'nightly'")?.message.hasPrefix("job nightly already has an unfinished task") == true)
        try f.t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try f.settle("nightly") == "SUCCESS")
        #expect(try f.backups("nightly_") == [label])
        #expect(try f.job("nightly")["Status"] == "PAUSED")
    }

    /// Nothing reads jobs() or turns the schedules between the two (a one-shot `snapdeck sql`
    /// each): the second EXECUTE JOB still sees the first run's backup has ended.
    @Test func executeJobAfterTheLastRunsBackupEndedStartsTheNextRun() throws {
        let f = try F()
        try f.createHourly(starts: F.t0 + 100 * F.hour)
        try f.t.sql("EXECUTE JOB WHERE jobname = 'nightly'")
        let first = "nightly_" + F.stamp(F.t0 - 600)
        #expect(try f.t.waitForBackup(first))
        f.at(F.t0 - 300)
        try f.t.sql("EXECUTE JOB WHERE jobname = 'nightly'")
        let second = "nightly_" + F.stamp(F.t0 - 300)
        #expect(try f.t.waitForBackup(second))
        #expect(try f.tasks("nightly").map { $0["Label"] ?? nil } == [second, first])
        #expect(try f.job("nightly")["SucceedTaskCount"] == "2")
    }

    /// Two schedules of one database firing at the same time into two repositories give both
    /// runs the same label: each run is the backup to its own repository, never the other's.
    @Test func runsWithTheSameLabelInTwoRepositoriesAreEachTheirOwnBackup() throws {
        let f = try F()
        let offsite = f.t.repositoryPath + "-offsite"
        defer { try? FileManager.default.removeItem(atPath: offsite) }
        try f.t.sql("CREATE REPOSITORY offsite WITH LOCAL ON LOCATION '\(offsite)'")
        try f.createHourly("near")
        try f.t.sql("CREATE JOB far ON SCHEDULE EVERY 1 HOUR STARTS '\(F.text(F.t0))' DO BACKUP SNAPSHOT shop.near_{ts} TO offsite")
        f.at(F.t0 + 60)
        #expect(try f.settle("near") == "SUCCESS")
        #expect(try f.settle("far") == "SUCCESS")
        let label = "near_" + F.stamp(F.t0)
        for repository in ["repo", "offsite"] {
            #expect(try f.t.sql("SHOW SNAPSHOT ON \(repository)").rows.contains { $0[0] == label }, "\(repository)")
        }
    }

    @Test func aFailedRunIsCountedWithItsError() throws {
        let f = try F()
        try f.createHourly()
        try f.t.sql("DROP REPOSITORY repo")
        f.at(F.t0)
        #expect(try f.settle("nightly") == "FAILED")
        #expect(try f.tasks("nightly").first?["ErrorMsg"] == "Repository repo does not exist")
        let job = try f.job("nightly")
        #expect(job["FailedTaskCount"] == "1" && job["LastResult"] == "FAILED: Repository repo does not exist")
    }

    @Test func backgroundWorkFiresDueSchedulesEverySecondUntilClose() throws {
        let f = try F()
        let cluster = try #require(f.t.cluster)
        // The wall clock: the job is due at once.
        cluster.scheduler.now = { Date() }
        try f.t.sql("CREATE JOB bg ON SCHEDULE EVERY 1 DAY STARTS CURRENT_TIMESTAMP DO BACKUP SNAPSHOT shop.bg_{ts} TO repo")
        #expect(try f.tasks("bg").isEmpty)
        cluster.startBackgroundWork()
        cluster.startBackgroundWork()
        #expect(cluster.backgroundWorkRuns)
        #expect(try f.t.waitUntil(seconds: 30) { try f.tasks("bg").first?["Status"] == "SUCCESS" })
        #expect(try f.tasks("bg").count == 1)
        cluster.close()
        #expect(!cluster.backgroundWorkRuns)
    }
}
