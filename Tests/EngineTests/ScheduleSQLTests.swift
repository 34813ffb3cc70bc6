import Engine
import Foundation
import Testing
import TestSupport

/// CREATE / PAUSE / RESUME / DROP JOB and jobs() / tasks(): what they accept, what they refuse
/// (changing nothing), and who may run them.
@Suite struct ScheduleSQLTests {
    typealias F = ScheduleFixture

    @Test func jobsAndTasksHaveDorissColumnsThenSnapDecksAndWorkWithSelect() throws {
        let f = try F()
        try f.createHourly(extra: "COMMENT 'hourly shop'")
        try f.createHourly("second")
        let jobs = try f.t.sql("SELECT * FROM jobs(\"type\"=\"backup\")")
        #expect(jobs.columns == [
            "Id", "Name", "Definer", "ExecuteType", "RecurringStrategy", "Status", "ExecuteSql", "CreateTime",
            "SucceedTaskCount", "FailedTaskCount", "CanceledTaskCount", "Comment", "LastRunTime", "LastResult", "NextRunTime",
        ])
        #expect(jobs.rows.map { $0[1] } == ["nightly", "second"])
        #expect(jobs.rows[0][2] == "root" && jobs.rows[0][11] == "hourly shop" && jobs.rows[0][13] == "")
        let tasks = try f.t.sql("SELECT * FROM tasks('type' = 'BACKUP')")
        #expect(tasks.columns == [
            "TaskId", "JobId", "JobName", "Label", "Status", "ErrorMsg", "CreateTime", "FinishTime", "TrackingUrl",
            "LoadStatistic", "User", "ScheduledTime",
        ])
        #expect(tasks.rows.isEmpty)
        #expect(try f.t.scalar("SELECT COUNT(*) FROM jobs(\"type\"=\"backup\") WHERE Status = 'RUNNING'") == "2")
        #expect(try f.t.sql("SELECT Name FROM jobs(\"type\"=\"backup\") ORDER BY Name DESC LIMIT 1").rows == [["second"]])
        #expect(f.t.error("SELECT * FROM jobs(\"type\"=\"insert\")")?.message
            == "SnapDeck's jobs are backup schedules: use jobs(\"type\"=\"backup\"); there are no insert jobs here")
        #expect(f.t.error("SELECT * FROM jobs(\"type\"=\"x\")")?.message == "Invalid job type: x; SnapDeck's jobs are \"backup\"")
        #expect(f.t.error("SELECT * FROM jobs()")?.message == "Invalid job metadata query: jobs() needs \"type\"=\"backup\"")
        #expect(f.t.error("SELECT * FROM numbers(\"number\"=\"3\")")?.message.hasPrefix("Unknown table function 'numbers'") == true)
        #expect(f.t.error("SELECT Nope FROM jobs(\"type\"=\"backup\")")?.message == "Unknown column 'Nope' in 'field list'")
        // An ordinary table is still an ordinary table.
        #expect(try f.t.scalar("SELECT COUNT(*) FROM shop.items") == "2")
    }

    @Test func createJobRefusesWhatCannotRunAndSavesNothing() throws {
        let f = try F()
        let starts = "STARTS '\(F.text(F.t0))'"
        let cases: [(String, String)] = [
            ("EVERY 1 HOUR \(starts) DO RESTORE SNAPSHOT shop.x FROM repo",
             "SnapDeck's jobs run backups: the statement after DO must be BACKUP SNAPSHOT db.label TO repo ..., not: RESTORE SNAPSHOT shop.x FROM repo"),
            ("EVERY 1 HOUR \(starts) DO BACKUP SNAPSHOT shop.fixed TO repo",
             "A recurring backup job needs {ts} in its label (replaced by each run's time, e.g. shop.nightly_{ts}): every run makes a snapshot of its own"),
            ("EVERY 1 SECOND DO BACKUP SNAPSHOT shop.s_{ts} TO repo",
             "Invalid interval unit: SECOND; a backup job runs every n MINUTE, HOUR, DAY, WEEK"),
            ("EVERY 0 DAY DO BACKUP SNAPSHOT shop.s_{ts} TO repo", "interval must be greater than 0: EVERY 0 DAY"),
            ("EVERY 1 DAY STARTS '2026-02-30 00:00:00' DO BACKUP SNAPSHOT shop.s_{ts} TO repo",
             "Invalid datetime '2026-02-30 00:00:00': a job's times are 'yyyy-MM-dd HH:mm:ss'"),
            ("EVERY 1 DAY \(starts) ENDS '\(F.text(F.t0))' DO BACKUP SNAPSHOT shop.s_{ts} TO repo", "endTimeMs must be greater than the start time"),
            ("AT '\(F.text(F.t0 - 3600))' DO BACKUP SNAPSHOT shop.s TO repo", "startTimeMs must be greater than current time"),
            ("EVERY 1 DAY STARTS '\(F.text(F.t0 - 10 * 86400))' ENDS '\(F.text(F.t0 - 86400))' DO BACKUP SNAPSHOT shop.s_{ts} TO repo",
             "endTimeMs must be greater than current time"),
            ("EVERY 1 DAY DO BACKUP SNAPSHOT shop.s_{ts} TO nowhere", "Repository nowhere does not exist"),
            ("EVERY 1 DAY DO BACKUP SNAPSHOT nodb.s_{ts} TO repo", "Unknown database 'nodb'"),
            ("EVERY 1 DAY DO BACKUP SNAPSHOT shop.s_{ts} INTO repo", "syntax"),
            ("EVERY 1 DAY DO BACKUP SNAPSHOT shop.s_{ts}$ TO repo", "Label format error"),
            ("EVERY 1 DAY DO BACKUP SNAPSHOT shop.s_{ts} TO repo PROPERTIES ('colour' = 'red')", "Unknown backup job properties: [colour]"),
        ]
        for (definition, message) in cases {
            let error = f.t.error("CREATE JOB bad ON SCHEDULE \(definition)")
            if message == "syntax" {
                #expect(error?.code == 1064, "\(definition)")
            } else if message == "Label format error" {
                #expect(error?.message.hasPrefix("Label format error. regex: ") == true, "\(definition)")
            } else {
                #expect(error?.message == message, "\(definition)")
            }
        }
        #expect(try f.t.sql("SELECT * FROM jobs(\"type\"=\"backup\")").rows.isEmpty)
        try f.createHourly()
        #expect(f.t.error("CREATE JOB nightly ON SCHEDULE EVERY 1 DAY DO BACKUP SNAPSHOT shop.x_{ts} TO repo")?.message
            == "job name exist, jobName:nightly")
    }

    @Test func withoutStartsTheFirstRunIsOneIntervalAheadAndTheDatabaseDefaultsToTheSessions() throws {
        let f = try F()
        try f.t.sql("USE shop")
        try f.t.sql("CREATE JOB d ON SCHEDULE EVERY 2 DAY DO BACKUP SNAPSHOT d_{ts} TO repo")
        let job = try f.job("d")
        let created = F.t0 - 600
        #expect(job["NextRunTime"] == F.text(created + 2 * 86400))
        #expect(job["RecurringStrategy"] == "EVERY 2 DAY STARTS \(F.text(created + 2 * 86400))")
        try f.t.sql("CREATE JOB now ON SCHEDULE EVERY 1 WEEK STARTS CURRENT_TIMESTAMP DO BACKUP SNAPSHOT now_{ts} TO repo")
        #expect(try f.settle("now") == "SUCCESS")
        #expect(try f.backups("now_") == ["now_" + F.stamp(created)])
    }

    @Test func pauseResumeDropFollowDorissRulesAndMessages() throws {
        let f = try F()
        try f.createHourly()
        #expect(f.t.error("RESUME JOB WHERE jobname = 'nightly'")?.message
            == "Alter job status error, jobName is nightly, errorMsg is Can't change job status to the same status")
        try f.t.sql("PAUSE JOB WHERE jobname = 'nightly'")
        #expect(f.t.error("PAUSE JOB WHERE jobname = 'nightly'")?.message
            == "Alter job status error, jobName is nightly, errorMsg is Can't change job status to the same status")
        #expect(f.t.error("PAUSE JOB WHERE jobname = 'NIGHTLY'")?.message == "job not exist, jobName:NIGHTLY")
        #expect(f.t.error("EXECUTE JOB WHERE jobname = 'none'")?.message == "job not exist, jobName:none")
        #expect(f.t.error("DROP JOB WHERE jobname = 'none'")?.message == "job not exist, jobName:none")
        try f.t.sql("DROP JOB IF EXISTS WHERE jobname = 'none'")
        try f.t.sql("DROP JOB WHERE jobname = 'nightly'")
        #expect(try f.t.sql("SELECT * FROM jobs(\"type\"=\"backup\")").rows.isEmpty)
        f.at(F.t0 + 5 * F.hour)
        try f.tick()
        #expect(try f.t.sql("SELECT * FROM tasks(\"type\"=\"backup\")").rows.isEmpty)
    }

    @Test func changesNeedAdminAndListingsShowOnlyTheDatabasesAUserMayLoad() throws {
        let f = try F()
        try f.createHourly()
        try f.t.sql("CREATE DATABASE other")
        try f.t.sql("CREATE JOB elsewhere ON SCHEDULE EVERY 1 DAY DO BACKUP SNAPSHOT other.e_{ts} TO repo")
        try f.t.sql("CREATE USER 'ops' IDENTIFIED BY 'pw'")
        try f.t.sql("GRANT LOAD_PRIV ON shop.* TO 'ops'")
        f.t.session = Engine.Session(user: "ops")
        let denied = "Access denied; you need (at least one of) the (ADMIN) privilege(s) for this operation"
        #expect(f.t.error("CREATE JOB x ON SCHEDULE EVERY 1 DAY DO BACKUP SNAPSHOT shop.x_{ts} TO repo")?.message == denied)
        #expect(f.t.error("PAUSE JOB WHERE jobname = 'nightly'")?.message == denied)
        #expect(f.t.error("EXECUTE JOB WHERE jobname = 'nightly'")?.message == denied)
        #expect(f.t.error("DROP JOB WHERE jobname = 'nightly'")?.message == denied)
        #expect(try f.t.sql("SELECT Name FROM jobs(\"type\"=\"backup\")").rows == [["nightly"]])
    }
}
