import SQLSyntax
import Testing

enum BackupCases {
    static let repositories: [ParseCase] = [
        ParseCase(
            "CREATE REPOSITORY example_repo WITH LOCAL ON LOCATION \"/data/backups\"",
            .createRepository(
                CreateRepository(name: "example_repo", readOnly: false, kind: .local, location: "/data/backups"))),
        ParseCase(
            "CREATE READ ONLY REPOSITORY `repo` WITH S3 ON LOCATION 's3://bucket/prefix' "
                + "PROPERTIES ('AWS_ENDPOINT' = 'http://127.0.0.1:9000', 'use_path_style' = 'true')",
            .createRepository(
                CreateRepository(
                    name: "repo", readOnly: true, kind: .s3, location: "s3://bucket/prefix",
                    properties: [
                        Property("AWS_ENDPOINT", "http://127.0.0.1:9000"), Property("use_path_style", "true"),
                    ]))),
        ParseCase(
            "CREATE REPOSITORY r WITH HDFS ON LOCATION 'hdfs://nn:8020/backup' PROPERTIES "
                + "(\"fs.defaultFS\" = \"hdfs://nn:8020\", \"hadoop.username\" = \"doris\")",
            .createRepository(
                CreateRepository(
                    name: "r", readOnly: false, kind: .hdfs, location: "hdfs://nn:8020/backup",
                    properties: [
                        Property("fs.defaultFS", "hdfs://nn:8020"), Property("hadoop.username", "doris"),
                    ]))),
        ParseCase(
            "CREATE REPOSITORY r WITH BROKER hdfs_broker ON LOCATION 'hdfs://nn/p'",
            .createRepository(
                CreateRepository(
                    name: "r", readOnly: false, kind: .broker(name: "hdfs_broker"), location: "hdfs://nn/p"))),
        ParseCase(
            "CREATE REPOSITORY r WITH BROKER ON LOCATION 'file:///tmp/r'",
            .createRepository(
                CreateRepository(name: "r", readOnly: false, kind: .broker(name: nil), location: "file:///tmp/r"))),
        ParseCase(
            "CREATE REPOSITORY r WITH S3 s3_name ON LOCATION 's3://b/p'",
            .createRepository(CreateRepository(name: "r", readOnly: false, kind: .s3, location: "s3://b/p"))),
        ParseCase("DROP REPOSITORY example_repo", .dropRepository(name: "example_repo")),
        ParseCase("SHOW REPOSITORIES", .showRepositories),
        ParseCase("SHOW CREATE REPOSITORY FOR `example_repo`", .showCreateRepository(name: "example_repo")),
    ]

    static let jobs: [ParseCase] = [
        ParseCase(
            "BACKUP SNAPSHOT example_db.snapshot_label1 TO example_repo",
            .backup(BackupRestore(database: "example_db", label: "snapshot_label1", repository: "example_repo"))),
        ParseCase(
            "BACKUP SNAPSHOT `label-2024` TO r ON (t1, d.t2 PARTITION (p1, p2), t3 PARTITION p4, "
                + "t4 PARTITIONS (p5)) PROPERTIES (\"type\" = \"full\", \"timeout\" = \"3600\")",
            .backup(
                BackupRestore(
                    database: nil, label: "label-2024", repository: "r",
                    scope: .only([
                        TableReference(name: "t1"),
                        TableReference(database: "d", name: "t2", partitions: ["p1", "p2"]),
                        TableReference(name: "t3", partitions: ["p4"]),
                        TableReference(name: "t4", partitions: ["p5"]),
                    ]),
                    properties: [Property("type", "full"), Property("timeout", "3600")]))),
        ParseCase(
            "BACKUP SNAPSHOT l TO r EXCLUDE (t1, t2)",
            .backup(
                BackupRestore(
                    database: nil, label: "l", repository: "r",
                    scope: .exclude([TableReference(name: "t1"), TableReference(name: "t2")])))),
        ParseCase(
            "BACKUP SNAPSHOT l TO r PROPERTIES ('content' = 'METADATA_ONLY')",
            .backup(
                BackupRestore(
                    database: nil, label: "l", repository: "r", properties: [Property("content", "METADATA_ONLY")]))),
        ParseCase(
            "RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo ON (backup_tbl "
                + "PARTITION (p1, p2) AS restored_tbl, t2 t2_alias) PROPERTIES "
                + "(\"backup_timestamp\" = \"2018-05-04-16-45-08\", \"replication_num\" = \"1\")",
            .restore(
                BackupRestore(
                    database: "example_db", label: "snapshot_label1", repository: "example_repo",
                    scope: .only([
                        TableReference(name: "backup_tbl", partitions: ["p1", "p2"], alias: "restored_tbl"),
                        TableReference(name: "t2", alias: "t2_alias"),
                    ]),
                    properties: [
                        Property("backup_timestamp", "2018-05-04-16-45-08"), Property("replication_num", "1"),
                    ]))),
        ParseCase(
            "restore snapshot l from r exclude (t1 partition p1)",
            .restore(
                BackupRestore(
                    database: nil, label: "l", repository: "r",
                    scope: .exclude([TableReference(name: "t1", partitions: ["p1"])])))),
        ParseCase(
            "RESTORE SNAPSHOT `快照` FROM `仓库` PROPERTIES ('backup_timestamp' = '2024-01-01-00-00-00')",
            .restore(
                BackupRestore(
                    database: nil, label: "快照", repository: "仓库",
                    properties: [Property("backup_timestamp", "2024-01-01-00-00-00")]))),
    ]

    static let all: [ParseCase] = repositories + jobs
}

@Suite struct BackupStatementTests {
    @Test(arguments: BackupCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test(arguments: [
        "CREATE REPOSITORY r WITH S3 ON LOCATION", "CREATE REPOSITORY r ON LOCATION 'x'",
        "CREATE REPOSITORY r WITH FTP ON LOCATION 'x'", "CREATE REPOSITORY r WITH LOCAL LOCATION 'x'",
        "CREATE REPOSITORY IF NOT EXISTS r WITH LOCAL ON LOCATION 'x'",
        "CREATE READ REPOSITORY r WITH LOCAL ON LOCATION 'x'",
        "CREATE REPOSITORY r WITH LOCAL ON LOCATION x", "DROP REPOSITORY", "SHOW REPOSITORY",
        "SHOW CREATE REPOSITORY r", "ALTER REPOSITORY r PROPERTIES ('a' = 'b')",
        "BACKUP SNAPSHOT l", "BACKUP SNAPSHOT l FROM r", "BACKUP l TO r", "BACKUP SNAPSHOT a.b.c TO r",
        "BACKUP SNAPSHOT l TO r ON ()", "BACKUP SNAPSHOT l TO r ON t1",
        "BACKUP SNAPSHOT l TO r ON (t1 TEMPORARY PARTITION (p1))",
        "BACKUP SNAPSHOT l TO r ON (t1 PARTITION)", "BACKUP SNAPSHOT l TO r ON (t1) EXCLUDE (t2)",
        "RESTORE SNAPSHOT l TO r", "RESTORE SNAPSHOT l FROM r ON (t AS)",
        "RESTORE SNAPSHOT l FROM r PROPERTIES", "BACKUP SNAPSHOT 'l' TO r",
    ])
    func rejects(_ sql: String) {
        #expect(syntaxError(sql) != nil)
    }
}
