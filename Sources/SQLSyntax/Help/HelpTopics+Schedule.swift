/// Help for backup schedules: Doris's job-scheduler statements and table functions.
extension HelpTopics {
    static let scheduleEntries: [HelpEntry] = [
        HelpEntry(
            name: "CREATE JOB",
            syntax: """
                CREATE JOB job_name ON SCHEDULE
                    { EVERY n {MINUTE | HOUR | DAY | WEEK} [STARTS 'yyyy-MM-dd HH:mm:ss' | CURRENT_TIMESTAMP]
                                                           [ENDS 'yyyy-MM-dd HH:mm:ss']
                    | AT {'yyyy-MM-dd HH:mm:ss' | CURRENT_TIMESTAMP} }
                    [COMMENT 'comment']
                    DO BACKUP SNAPSHOT [db_name.]label_{ts} TO repo_name [...] [PROPERTIES (...)]
                """,
            summary: """
                Creates a schedule that runs a backup: every n units from STARTS (local time; \
                without STARTS the first run is one interval from now) until ENDS, or once AT a \
                time. SnapDeck's jobs run backups only: the statement after DO must be a \
                BACKUP SNAPSHOT, checked when the job is created. {ts} in it becomes each run's \
                scheduled time as yyyyMMdd_HHmmss (local), so every run makes a snapshot of its \
                own; a recurring job needs it. Runs are journaled before their backup starts. \
                Schedules fire while snapdeck serve, the dashboard or the interactive snapdeck \
                sql shell has the data directory open; occurrences missed while none was \
                running collapse into one run at the next start. A run whose database is busy \
                with another backup or restore waits for it; a job never has two runs at once. \
                Runs execute as the job's creator. Needs the ADMIN privilege.
                """,
            example: """
                CREATE JOB nightly ON SCHEDULE EVERY 1 DAY STARTS '2026-12-03 02:00:00'
                COMMENT 'nightly incremental'
                DO BACKUP SNAPSHOT shop.nightly_{ts} TO example_repo PROPERTIES ("type" = "full");
                """),
        HelpEntry(
            name: "PAUSE JOB",
            syntax: "PAUSE JOB WHERE jobname = 'job_name'",
            summary: """
                Stops a job from starting runs (Status PAUSED). A run still waiting for its \
                database is cancelled; a backup already started runs to its end. Needs ADMIN.
                """,
            example: "PAUSE JOB WHERE jobname = 'nightly';"),
        HelpEntry(
            name: "RESUME JOB",
            syntax: "RESUME JOB WHERE jobname = 'job_name'",
            summary: """
                Lets a paused job run again (Status RUNNING). Occurrences that came due while it \
                was paused are skipped: the next run is the next occurrence from now. A FINISHED \
                job cannot be resumed. Needs ADMIN.
                """,
            example: "RESUME JOB WHERE jobname = 'nightly';"),
        HelpEntry(
            name: "DROP JOB",
            syntax: "DROP JOB [IF EXISTS] WHERE jobname = 'job_name'",
            summary: """
                Deletes a job and its run history. A backup one of its runs started goes on as \
                an ordinary backup job (SHOW BACKUP); the snapshots it made stay. Needs ADMIN.
                """,
            example: "DROP JOB IF EXISTS WHERE jobname = 'nightly';"),
        HelpEntry(
            name: "EXECUTE JOB",
            syntax: "EXECUTE JOB WHERE jobname = 'job_name'",
            summary: """
                SnapDeck's extension: runs a job now, outside its schedule (a paused job too), \
                with {ts} standing for the current time. Refused while the job has an unfinished \
                run, or once it is FINISHED. Needs ADMIN.
                """,
            example: "EXECUTE JOB WHERE jobname = 'nightly';"),
        HelpEntry(
            name: "JOBS", aliases: ["JOBS()", "TASKS", "TASKS()", "SHOW JOBS"],
            syntax: """
                SELECT ... FROM jobs("type" = "backup") [WHERE ...] [ORDER BY ...] [LIMIT ...]
                SELECT ... FROM tasks("type" = "backup") [WHERE ...] [ORDER BY ...] [LIMIT ...]
                """,
            summary: """
                Doris's table functions over the job scheduler. jobs() lists the backup jobs: \
                Id, Name, Definer, ExecuteType (RECURRING or ONE_TIME), RecurringStrategy, \
                Status (RUNNING, PAUSED, FINISHED), ExecuteSql, CreateTime, SucceedTaskCount, \
                FailedTaskCount, CanceledTaskCount, Comment, then SnapDeck's LastRunTime (when \
                the latest run started), LastResult (its status: PENDING, RUNNING, SUCCESS, or \
                FAILED / CANCELED with the reason) and NextRunTime. tasks() lists their runs, \
                newest first: TaskId, JobId, JobName, Label, Status, ErrorMsg, CreateTime, \
                FinishTime, TrackingUrl, LoadStatistic, User, then ScheduledTime (the time {ts} \
                stands for). A user sees the jobs of databases it may load; only "backup" jobs \
                exist here.
                """,
            example: """
                SELECT Name, Status, LastResult, NextRunTime FROM jobs("type" = "backup");
                SELECT Label, Status, ErrorMsg FROM tasks("type" = "backup") WHERE JobName = 'nightly';
                """),
    ]
}
