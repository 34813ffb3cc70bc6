import SQLSyntax
import Testing

enum JobCases {
    static let all: [ParseCase] = [
        ParseCase("SHOW BACKUP", .showBackup(ShowJobs())),
        ParseCase("SHOW FULL BACKUP FROM example_db", .showBackup(ShowJobs(detail: .full, database: "example_db"))),
        ParseCase(
            "SHOW BACKUP IN d WHERE SnapshotName = \"snapshot_label1\"",
            .showBackup(
                ShowJobs(
                    database: "d",
                    filter: [.compare(column: "SnapshotName", op: .equal, value: .string("snapshot_label1"))]))),
        ParseCase(
            "SHOW BACKUP WHERE LABEL LIKE 'snap%'",
            .showBackup(ShowJobs(filter: [.like(column: "LABEL", pattern: "snap%", negated: false)]))),
        ParseCase(
            "SHOW BACKUP LIKE 'snap%'",
            .showBackup(ShowJobs(filter: [.like(column: "Label", pattern: "snap%", negated: false)]))),
        ParseCase("SHOW RESTORE", .showRestore(ShowJobs())),
        ParseCase("SHOW BRIEF RESTORE FROM d", .showRestore(ShowJobs(detail: .brief, database: "d"))),
        ParseCase(
            "SHOW FULL RESTORE IN d LIKE \"x\"",
            .showRestore(
                ShowJobs(detail: .full, database: "d", filter: [.like(column: "Label", pattern: "x", negated: false)]))),
        ParseCase(
            "SHOW RESTORE WHERE Label = 'l1'",
            .showRestore(ShowJobs(filter: [.compare(column: "Label", op: .equal, value: .string("l1"))]))),
        ParseCase(
            "SHOW SNAPSHOT ON example_repo",
            .showSnapshot(repository: "example_repo", snapshot: nil, timestamp: nil)),
        ParseCase(
            "SHOW SNAPSHOT ON example_repo WHERE SNAPSHOT = \"backup1\"",
            .showSnapshot(repository: "example_repo", snapshot: "backup1", timestamp: nil)),
        ParseCase(
            "SHOW SNAPSHOT ON r WHERE SNAPSHOT = 'backup1' AND TIMESTAMP = '2018-05-05-15-34-26'",
            .showSnapshot(repository: "r", snapshot: "backup1", timestamp: "2018-05-05-15-34-26")),
        ParseCase(
            "show snapshot on r where timestamp = 'ts' and snapshot = 's'",
            .showSnapshot(repository: "r", snapshot: "s", timestamp: "ts")),
        ParseCase(
            "SHOW SNAPSHOT ON r WHERE TIMESTAMP = 'ts'",
            .showSnapshot(repository: "r", snapshot: nil, timestamp: "ts")),
        ParseCase("CANCEL BACKUP", .cancelBackup(database: nil)),
        ParseCase("CANCEL BACKUP FROM example_db", .cancelBackup(database: "example_db")),
        ParseCase("CANCEL RESTORE", .cancelRestore(database: nil)),
        ParseCase("cancel restore in d", .cancelRestore(database: "d")),
        ParseCase("SHOW BROKER", .showBroker),
        ParseCase("DROP SNAPSHOT l ON r", .dropSnapshot(label: "l", timestamp: nil, repository: "r")),
        ParseCase("DROP SNAPSHOT l ON r force", .dropSnapshot(label: "l", timestamp: nil, repository: "r", force: true)),
        ParseCase(
            "DROP SNAPSHOT l TIMESTAMP 'ts' ON r FORCE", .dropSnapshot(label: "l", timestamp: "ts", repository: "r", force: true)),
        ParseCase(
            "DROP SNAPSHOT `l` TIMESTAMP \"2024-01-01-00-00-00\" ON r",
            .dropSnapshot(label: "l", timestamp: "2024-01-01-00-00-00", repository: "r")),
        ParseCase(
            "DROP SNAPSHOT l ON r TIMESTAMP 'ts'", .dropSnapshot(label: "l", timestamp: "ts", repository: "r")),
        ParseCase(
            "ADMIN CHECK SNAPSHOT l ON r", .adminCheckSnapshot(label: "l", timestamp: nil, repository: "r")),
        ParseCase(
            "ADMIN CHECK SNAPSHOT l ON r TIMESTAMP 'ts'",
            .adminCheckSnapshot(label: "l", timestamp: "ts", repository: "r")),
        ParseCase(
            "admin check snapshot l timestamp 'ts' on r",
            .adminCheckSnapshot(label: "l", timestamp: "ts", repository: "r")),
    ]
}

@Suite struct JobStatementTests {
    @Test(arguments: JobCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test(arguments: [
        "SHOW BRIEF BACKUP", "SHOW FULL", "SHOW BACKUP FROM", "SHOW BACKUP WHERE",
        "SHOW BACKUP LIKE x", "SHOW RESTORE WHERE Label = 'a' OR Label = 'b'",
        "SHOW SNAPSHOT", "SHOW SNAPSHOT ON", "SHOW SNAPSHOT ON r WHERE LABEL = 'x'",
        "SHOW SNAPSHOT ON r WHERE SNAPSHOTTYPE = 'remote'",
        "SHOW SNAPSHOT ON r WHERE SNAPSHOT = 'a' AND SNAPSHOT = 'b'",
        "SHOW SNAPSHOT ON r WHERE SNAPSHOT LIKE 'a'", "SHOW SNAPSHOT ON r WHERE SNAPSHOT = x",
        "CANCEL", "CANCEL BACKUP FROM", "CANCEL LOAD", "SHOW BROKERS x", "DROP SNAPSHOT l",
        "DROP SNAPSHOT l TIMESTAMP 'ts'", "DROP SNAPSHOT l ON r TIMESTAMP", "ADMIN CHECK SNAPSHOT l",
        "ADMIN CHECK SNAPSHOT l ON r ON s", "DROP SNAPSHOT l TIMESTAMP 'a' ON r TIMESTAMP 'b'",
        "DROP SNAPSHOT l FORCE ON r", "DROP SNAPSHOT l ON r FORCE FORCE",
    ])
    func rejects(_ sql: String) {
        #expect(syntaxError(sql) != nil)
    }
}
