/// Help for repositories, backup, restore and snapshots.
extension HelpTopics {
    static let backupEntries: [HelpEntry] = [
        HelpEntry(
            name: "CREATE REPOSITORY",
            syntax: """
                CREATE [READ ONLY] REPOSITORY repo_name
                    WITH {LOCAL | S3 | HDFS | BROKER [broker_name]}
                    ON LOCATION "location"
                    [PROPERTIES ("key" = "value", ...)]
                """,
            summary: """
                Registers a place where snapshots are stored: a local directory (WITH LOCAL, \
                location a path or file:///path) or an S3 bucket (WITH S3, location \
                s3://bucket/prefix, credentials and endpoint as "s3.*" or "AWS_*" properties). \
                Two clusters that create a repository with the same name and location see the \
                same snapshots, which is how data moves between clusters. A READ ONLY repository \
                can be restored from but not backed up to. SnapDeck runs no brokers: WITH \
                BROKER is accepted for a local path only, which SnapDeck reads and writes \
                itself, exactly as WITH LOCAL. HDFS is not supported.
                """,
            example: """
                CREATE REPOSITORY example_repo WITH S3 ON LOCATION "s3://bucket/backups"
                PROPERTIES ("s3.endpoint" = "http://127.0.0.1:9000", "s3.region" = "us-east-1",
                            "s3.access_key" = "ak", "s3.secret_key" = "sk", "use_path_style" = "true");
                """),
        HelpEntry(
            name: "DROP REPOSITORY",
            syntax: "DROP REPOSITORY repo_name",
            summary: """
                Forgets a repository. The snapshots stored at its location are left untouched. \
                A repository used by a running job cannot be dropped.
                """,
            example: "DROP REPOSITORY example_repo;"),
        HelpEntry(
            name: "SHOW REPOSITORIES",
            syntax: "SHOW REPOSITORIES",
            summary: """
                Lists the repositories with their id, name, creation time, read-only flag, \
                location, broker, type and last health-check error.
                """,
            example: "SHOW REPOSITORIES;"),
        HelpEntry(
            name: "SHOW CREATE REPOSITORY",
            syntax: "SHOW CREATE REPOSITORY FOR repo_name",
            summary: """
                Prints the CREATE REPOSITORY statement of a repository, with secret properties \
                masked.
                """,
            example: "SHOW CREATE REPOSITORY FOR example_repo;"),
        HelpEntry(
            name: "BACKUP", aliases: ["BACKUP SNAPSHOT"],
            syntax: """
                BACKUP SNAPSHOT [db_name.]snapshot_label TO repo_name
                    [{ON | EXCLUDE} (tbl_name [PARTITION (p, ...)] [, ...])]
                    [PROPERTIES ("key" = "value", ...)]
                """,
            summary: """
                Starts a job that copies a consistent snapshot of a database, or of some tables \
                or partitions (ON), or of all but some tables (EXCLUDE), to a repository. The \
                statement returns at once; follow the job with SHOW BACKUP. One backup or restore \
                runs per database at a time, and a label can be used once per repository. \
                Properties: "timeout" in seconds, "type" (FULL), "content" (ALL or \
                METADATA_ONLY), and SnapDeck's "ttl" = "<n> HOUR|DAY|WEEK|MONTH" (n from 1 to \
                9999; MONTH counts calendar months): the snapshot is recorded as this cluster's, \
                expiring that long after the backup started, and is then dropped by the \
                retention sweep unless a snapshot that stays is incremental on top of it.
                """,
            example: """
                BACKUP SNAPSHOT example_db.snapshot_label1 TO example_repo
                ON (example_tbl PARTITION (p1, p2), example_tbl2)
                PROPERTIES ("timeout" = "7200");
                """),
        HelpEntry(
            name: "RESTORE", aliases: ["RESTORE SNAPSHOT"],
            syntax: """
                RESTORE SNAPSHOT [db_name.]snapshot_label FROM repo_name
                    [{ON | EXCLUDE} (tbl_name [PARTITION (p, ...)] [AS new_name] [, ...])]
                    PROPERTIES ("backup_timestamp" = "yyyy-MM-dd-HH-mm-ss", "key" = "value", ...)
                """,
            summary: """
                Starts a job that recreates tables or partitions from a snapshot, into new tables \
                or over existing ones whose schema matches. "backup_timestamp" (see SHOW \
                SNAPSHOT) is required. Other properties: "replication_num", "timeout", \
                "reserve_replica" (keep the snapshot's replica count), \
                "reserve_dynamic_partition_enable", "allow_load". Every restore is built aside \
                and swapped in at commit, so existing tables stay readable until then; \
                "atomic_restore" = "true" says so explicitly and enables "force_replace" = \
                "true", which replaces an existing table of another schema with the \
                snapshot's instead of refusing (without atomic_restore it is ignored, as in \
                Doris). At commit, "clean_tables" drops the database's tables this restore \
                does not write, and "clean_partitions" drops partitions of restored tables \
                that it does not restore; a cancelled or failed restore drops nothing. \
                "reserve_colocate" is accepted and shown, but SnapDeck has no colocation \
                groups, so there is none to keep. Booleans take only "true" or "false". \
                Follow the job with SHOW RESTORE.
                """,
            example: """
                RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo
                ON (example_tbl AS example_tbl_copy)
                PROPERTIES ("backup_timestamp" = "2024-12-25-10-00-00", "replication_num" = "1");
                """),
        HelpEntry(
            name: "SHOW BACKUP", aliases: ["SHOW FULL BACKUP"],
            syntax: """
                SHOW [FULL] BACKUP [{FROM | IN} db_name]
                    [WHERE {SnapshotName | Label} {= "label" | LIKE "pattern"} | LIKE "pattern"]
                """,
            summary: """
                Lists the recent backup jobs of a database with their state, progress, \
                unfinished tasks, task errors and status, in Doris's columns. FULL adds columns \
                with files and bytes done, throughput and ETA. A TaskErrMsg while the state is \
                not CANCELLED means the task is being retried.
                """,
            example: "SHOW BACKUP FROM example_db WHERE SnapshotName = \"snapshot_label1\";"),
        HelpEntry(
            name: "SHOW RESTORE", aliases: ["SHOW FULL RESTORE", "SHOW BRIEF RESTORE"],
            syntax: """
                SHOW [FULL | BRIEF] RESTORE [{FROM | IN} db_name]
                    [WHERE Label {= "label" | LIKE "pattern"} | LIKE "pattern"]
                """,
            summary: """
                Lists the recent restore jobs of a database in the 21 columns of Doris's \
                newest SHOW RESTORE (Label and Timestamp name the snapshot restored). BRIEF \
                leaves out RestoreObjs, Progress and TaskErrMsg; FULL adds files and bytes \
                done, throughput, ETA and Properties (every restore property the job runs \
                with). Errors found while the job runs appear in Status.
                """,
            example: "SHOW BRIEF RESTORE FROM example_db;"),
        HelpEntry(
            name: "SHOW SNAPSHOT",
            syntax: """
                SHOW SNAPSHOT ON repo_name
                    [WHERE SNAPSHOT = "label" [AND TIMESTAMP = "yyyy-MM-dd-HH-mm-ss"]]
                """,
            summary: """
                Lists the snapshots stored in a repository with their timestamps and status. \
                With a label and a timestamp, shows the details of that one snapshot: its \
                database and the tables and partitions it contains. SnapDeck appends Type \
                (FULL or INCREMENTAL), BaseSnapshot, UploadedBytes (written to the snapshot's \
                own folder), TotalBytes (covered), Owner (the cluster that made it), TTL and \
                ExpireTime; snapshots Doris wrote show FULL and nothing else. Status DROPPING \
                marks a snapshot whose drop was cut off: it cannot be restored, and the next \
                DROP SNAPSHOT finishes it.
                """,
            example: "SHOW SNAPSHOT ON example_repo WHERE SNAPSHOT = \"snapshot_label1\";"),
        HelpEntry(
            name: "CANCEL BACKUP",
            syntax: "CANCEL BACKUP [{FROM | IN} db_name]",
            summary: """
                Cancels the running backup job of a database. SnapDeck also removes, as far as \
                it can, the files the job already uploaded, so the label can be used again.
                """,
            example: "CANCEL BACKUP FROM example_db;"),
        HelpEntry(
            name: "CANCEL RESTORE",
            syntax: "CANCEL RESTORE [{FROM | IN} db_name]",
            summary: """
                Cancels the running restore job of a database. Tables being overwritten keep \
                their previous data.
                """,
            example: "CANCEL RESTORE FROM example_db;"),
        HelpEntry(
            name: "SHOW BROKER",
            syntax: "SHOW BROKER",
            summary: """
                Lists broker processes. SnapDeck needs none, so the list is empty; it exists for \
                scripts written for Doris.
                """,
            example: "SHOW BROKER;"),
        HelpEntry(
            name: "DROP SNAPSHOT",
            syntax: "DROP SNAPSHOT snapshot_label [TIMESTAMP \"yyyy-MM-dd-HH-mm-ss\"] ON repo_name [FORCE]",
            summary: """
                Deletes a snapshot from a repository; with TIMESTAMP, only that run of the label. \
                Doris has no such statement, so there old snapshots can only be removed by hand \
                in the storage. A snapshot that incremental snapshots read files from is \
                refused, naming them; FORCE drops it anyway but keeps, in its folder, the files \
                they read (the label is no longer listed and cannot be reused until they are \
                gone). Those files go when the last snapshot reading them is dropped. A drop \
                cut off by a crash leaves the snapshot either whole or unlisted; the next DROP \
                SNAPSHOT (of any label) finishes it.
                """,
            example: "DROP SNAPSHOT snapshot_label1 TIMESTAMP \"2024-12-25-10-00-00\" ON example_repo;\nDROP SNAPSHOT nightly_base ON example_repo FORCE;"),
        HelpEntry(
            name: "ADMIN CHECK SNAPSHOT",
            syntax: "ADMIN CHECK SNAPSHOT snapshot_label ON repo_name [TIMESTAMP \"yyyy-MM-dd-HH-mm-ss\"]",
            summary: """
                Verifies a snapshot: reads back every file, checks its MD5 against its name and \
                the file list against the snapshot's info file, and reports the result per file.
                """,
            example: "ADMIN CHECK SNAPSHOT snapshot_label1 ON example_repo;"),
    ]
}
