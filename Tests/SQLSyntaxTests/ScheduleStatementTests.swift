import SQLSyntax
import Testing

enum ScheduleCases {
    static let all: [ParseCase] = [
        ParseCase(
            "CREATE JOB nightly ON SCHEDULE EVERY 1 DAY STARTS '2026-12-03 02:00:00' DO BACKUP SNAPSHOT shop.nightly_{ts} TO repo PROPERTIES (\"type\" = \"full\")",
            .createJob(CreateJob(
                name: "nightly", schedule: .every(amount: 1, unit: "DAY", starts: .text("2026-12-03 02:00:00"), ends: nil),
                body: "BACKUP SNAPSHOT shop.nightly_{ts} TO repo PROPERTIES (\"type\" = \"full\")"))),
        ParseCase(
            "create job h on schedule every 2 hour starts current_timestamp ends '2027-01-01 00:00:00' comment 'two-hourly' do backup snapshot d.h_{ts} to r;",
            .createJob(CreateJob(
                name: "h", schedule: .every(amount: 2, unit: "HOUR", starts: .currentTimestamp, ends: .text("2027-01-01 00:00:00")),
                comment: "two-hourly", body: "backup snapshot d.h_{ts} to r"))),
        ParseCase(
            "CREATE JOB once ON SCHEDULE AT '2026-12-03 02:00:00' DO BACKUP SNAPSHOT d.l TO r ON (t)",
            .createJob(CreateJob(name: "once", schedule: .at(.text("2026-12-03 02:00:00")), body: "BACKUP SNAPSHOT d.l TO r ON (t)"))),
        ParseCase(
            "CREATE JOB x ON SCHEDULE EVERY 5 SECOND DO SELECT 1",
            .createJob(CreateJob(name: "x", schedule: .every(amount: 5, unit: "SECOND", starts: nil, ends: nil), body: "SELECT 1"))),
        ParseCase("PAUSE JOB WHERE jobname = 'nightly'", .pauseJob(name: "nightly")),
        ParseCase("resume job where JobName = \"nightly\"", .resumeJob(name: "nightly")),
        ParseCase("DROP JOB WHERE jobName = 'nightly'", .dropJob(name: "nightly", ifExists: false)),
        ParseCase("DROP JOB IF EXISTS WHERE jobname = 'nightly';", .dropJob(name: "nightly", ifExists: true)),
        ParseCase("EXECUTE JOB WHERE jobname = 'nightly'", .executeJob(name: "nightly")),
        ParseCase(
            "SELECT * FROM jobs(\"type\"=\"backup\")",
            .select(Select(items: [.star], table: TableName(name: "jobs"), function: TableFunctionCall(name: "jobs", arguments: [Property("type", "backup")])))),
        ParseCase(
            "SELECT Name, Status FROM jobs('type' = 'backup') WHERE Name = 'n' ORDER BY Id LIMIT 3",
            .select(Select(
                items: [.column("Name"), .column("Status")], table: TableName(name: "jobs"),
                filter: [.compare(column: "Name", op: .equal, value: .string("n"))], orderBy: [OrderKey(column: "Id")], limit: 3,
                function: TableFunctionCall(name: "jobs", arguments: [Property("type", "backup")])))),
        ParseCase(
            "select count(*) from tasks(\"type\"=\"backup\") t where JobName = 'n'",
            .select(Select(
                items: [.countStar], table: TableName(name: "tasks"),
                filter: [.compare(column: "JobName", op: .equal, value: .string("n"))],
                function: TableFunctionCall(name: "tasks", arguments: [Property("type", "backup")])))),
        ParseCase(
            "SELECT * FROM jobs()",
            .select(Select(items: [.star], table: TableName(name: "jobs"), function: TableFunctionCall(name: "jobs", arguments: [])))),
    ]
}

@Suite struct ScheduleStatementTests {
    @Test(arguments: ScheduleCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test(arguments: [
        "CREATE JOB", "CREATE JOB n", "CREATE JOB n ON SCHEDULE", "CREATE JOB n ON SCHEDULE EVERY DAY DO BACKUP SNAPSHOT d.l TO r",
        "CREATE JOB n ON SCHEDULE EVERY 1 DAY", "CREATE JOB n ON SCHEDULE EVERY 1 DAY DO", "CREATE JOB n ON SCHEDULE EVERY 1 DAY DO ;",
        "CREATE JOB n ON SCHEDULE AT DO BACKUP SNAPSHOT d.l TO r", "CREATE JOB n ON SCHEDULE EVERY -1 DAY DO BACKUP SNAPSHOT d.l TO r",
        "CREATE JOB n ON SCHEDULE EVERY 1 DAY STARTS 2026 DO BACKUP SNAPSHOT d.l TO r",
        "CREATE JOB n ON SCHEDULE EVERY 1 DAY DO BACKUP SNAPSHOT d.l TO r PROPERTIES ('a' = 'unterminated)",
        "PAUSE JOB", "PAUSE JOB WHERE name = 'n'", "PAUSE JOB WHERE jobname = n", "RESUME JOB WHERE jobname 'n'",
        "DROP JOB 'n'", "DROP JOB IF WHERE jobname = 'n'", "EXECUTE JOB WHERE jobname = 'n' AND x = 1", "EXECUTE n",
        "SELECT * FROM jobs(type)", "SELECT * FROM jobs(\"type\"=\"backup\"", "SELECT * FROM d.jobs(\"type\"=\"backup\")",
    ])
    func rejects(_ sql: String) {
        #expect(syntaxError(sql) != nil)
    }

    @Test func theBodyIsKeptAsWrittenUpToTheTerminator() throws {
        let sql = "CREATE JOB n ON SCHEDULE EVERY 1 DAY DO\n  BACKUP SNAPSHOT d.n_{ts} TO r  -- nightly\n;"
        guard case .createJob(let create) = try Parser.parse(sql) else {
            Issue.record("not a CREATE JOB")
            return
        }
        #expect(create.body == "BACKUP SNAPSHOT d.n_{ts} TO r")
    }
}
