/// The statements of `reference/doris-backup-restore.md` (§2.1 grammar summary, §2.3 storage
/// types and properties, §2.6–§2.10, §3 examples, §15), with each `<placeholder>` replaced by the
/// example names the reference itself uses (`example_db`, `example_tbl`, `snapshot_label1`,
/// `s3_repo`, ...) and every optional part exercised at least once.
public enum DorisReferenceCorpus {
    public static let statements: [String] = [
        // §2.1 CREATE [READ ONLY] REPOSITORY <name> WITH <storageBackend> ON LOCATION '<location>'
        "CREATE REPOSITORY example_repo WITH BROKER hdfs_broker ON LOCATION 'hdfs://hadoop-name-node:54310/path/to/repo/' PROPERTIES ('username' = 'user', 'password' = 'password')",
        "CREATE READ ONLY REPOSITORY example_repo WITH BROKER hdfs_broker ON LOCATION 'hdfs://hadoop-name-node:54310/path/to/repo/' PROPERTIES ('username' = 'user', 'password' = 'password')",
        "CREATE REPOSITORY bos_repo WITH BROKER bos_broker ON LOCATION 'bos://palo_backup' PROPERTIES ('bos_endpoint' = 'http://gz.bcebos.com', 'bos_accesskey' = 'ak', 'bos_secret_accesskey' = 'sk')",
        // §2.3 S3, old-style keys
        "CREATE REPOSITORY s3_repo WITH S3 ON LOCATION 's3://doris-demo/backup11' PROPERTIES ('AWS_ENDPOINT' = 'http://s3.us-east-1.amazonaws.com', 'AWS_ACCESS_KEY' = 'ak', 'AWS_SECRET_KEY' = 'sk', 'AWS_REGION' = 'us-east-1')",
        "CREATE REPOSITORY s3_repo WITH S3 ON LOCATION 's3://doris-demo/backup11' PROPERTIES ('AWS_ENDPOINT' = 'http://s3.us-east-1.amazonaws.com', 'AWS_ACCESS_KEY' = 'ak', 'AWS_SECRET_KEY' = 'sk', 'AWS_REGION' = 'us-east-1', 'AWS_TOKEN' = 'token', 'AWS_MAX_CONNECTIONS' = '50', 'AWS_REQUEST_TIMEOUT_MS' = '3000', 'AWS_CONNECTION_TIMEOUT_MS' = '1000', 'use_path_style' = 'true')",
        // §2.3 S3, new-style keys (also MinIO and Azure)
        "CREATE REPOSITORY `s3_repo` WITH S3 ON LOCATION \"s3://doris-demo/backup11\" PROPERTIES (\"s3.endpoint\" = \"http://s3.us-east-1.amazonaws.com\", \"s3.region\" = \"us-east-1\", \"s3.access_key\" = \"ak\", \"s3.secret_key\" = \"sk\")",
        "CREATE REPOSITORY minio_repo WITH S3 ON LOCATION \"s3://bucket/backup\" PROPERTIES (\"s3.endpoint\" = \"http://127.0.0.1:9000\", \"s3.region\" = \"dummy\", \"s3.access_key\" = \"minioadmin\", \"s3.secret_key\" = \"minioadmin\", \"use_path_style\" = \"true\")",
        "CREATE REPOSITORY role_repo WITH S3 ON LOCATION \"s3://bucket/backup\" PROPERTIES (\"s3.endpoint\" = \"s3.us-east-1.amazonaws.com\", \"s3.region\" = \"us-east-1\", \"s3.role_arn\" = \"arn:aws:iam::123456789012:role/doris\", \"s3.external_id\" = \"ext\")",
        "CREATE REPOSITORY s3_repo WITH S3 ON LOCATION \"s3://bucket/backup\" PROPERTIES (\"s3.endpoint\" = \"http://s3.amazonaws.com\", \"s3.region\" = \"us-east-1\", \"s3.access_key\" = \"ak\", \"s3.secret_key\" = \"sk\", \"s3.session_token\" = \"tk\", \"s3.connection.maximum\" = \"50\", \"s3.connection.request.timeout\" = \"3000\", \"s3.connection.timeout\" = \"1000\")",
        "CREATE REPOSITORY azure_repo WITH S3 ON LOCATION \"s3://container/backup\" PROPERTIES (\"provider\" = \"AZURE\", \"azure.endpoint\" = \"https://account.blob.core.windows.net\", \"azure.account_name\" = \"account\", \"azure.account_key\" = \"key\")",
        // §2.3 HDFS, plain, HA and bare-path forms
        "CREATE REPOSITORY hdfs_repo WITH HDFS ON LOCATION \"hdfs://hadoop-name-node:54310/path/to/repo/\" PROPERTIES (\"fs.defaultFS\" = \"hdfs://hadoop-name-node:54310\", \"hadoop.username\" = \"user\")",
        "CREATE REPOSITORY hdfs_ha_repo WITH HDFS ON LOCATION \"/path/to/repo/\" PROPERTIES (\"fs.defaultFS\" = \"hdfs://my_ha\", \"hadoop.username\" = \"user\", \"dfs.nameservices\" = \"my_ha\", \"dfs.ha.namenodes.my_ha\" = \"nn1,nn2\", \"dfs.namenode.rpc-address.my_ha.nn1\" = \"nn1_host:rpc_port\", \"dfs.namenode.rpc-address.my_ha.nn2\" = \"nn2_host:rpc_port\", \"dfs.client.failover.proxy.provider.my_ha\" = \"org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider\")",
        // §2.3 LOCAL
        "CREATE REPOSITORY local_repo WITH LOCAL ON LOCATION '/tmp/doris_repo'",
        "CREATE READ ONLY REPOSITORY local_repo WITH LOCAL ON LOCATION 'file:///tmp/doris_repo'",
        // §2.1 DROP / SHOW REPOSITORIES / SHOW CREATE REPOSITORY FOR
        "DROP REPOSITORY example_repo",
        "SHOW REPOSITORIES",
        "SHOW CREATE REPOSITORY FOR example_repo",
        // §2.1 / §2.6 BACKUP SNAPSHOT
        "BACKUP SNAPSHOT example_db.snapshot_label1 TO example_repo",
        "BACKUP SNAPSHOT snapshot_label1 TO example_repo",
        "BACKUP SNAPSHOT example_db.exampledb_20241225 TO example_repo ON (example_tbl)",
        "BACKUP SNAPSHOT example_db.snapshot_label2 TO example_repo ON (example_tbl PARTITION (p1, p2), example_tbl2)",
        "BACKUP SNAPSHOT example_db.snapshot_label3 TO example_repo ON (example_tbl PARTITION p1)",
        "BACKUP SNAPSHOT example_db.snapshot_label4 TO example_repo ON (t2 PARTITIONS (p1, p2))",
        "BACKUP SNAPSHOT example_db.snapshot_label5 TO example_repo EXCLUDE (example_tbl)",
        "BACKUP SNAPSHOT example_db.snapshot_label6 TO example_repo PROPERTIES ('type' = 'full')",
        "BACKUP SNAPSHOT example_db.snapshot_label7 TO example_repo ON (example_tbl) PROPERTIES ('type' = 'full', 'timeout' = '86400', 'content' = 'ALL')",
        "BACKUP SNAPSHOT example_db.snapshot_label8 TO example_repo PROPERTIES ('content' = 'METADATA_ONLY')",
        "BACKUP SNAPSHOT example_db.snapshot_label9 TO example_repo PROPERTIES ('type' = 'INCREMENTAL')",
        "BACKUP SNAPSHOT example_db.snapshot_label10 TO __keep_on_local__ ON (example_tbl)",
        // §2.1 / §2.7 RESTORE SNAPSHOT
        "RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo PROPERTIES ('backup_timestamp' = '2018-05-04-16-45-08')",
        "RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo ON (backup_tbl PARTITION (p1, p2)) PROPERTIES ('backup_timestamp' = '2022-04-08-15-52-29', 'replication_num' = '1')",
        "RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo ON (backup_tbl AS new_tbl, backup_tbl2 PARTITION p1 new_tbl2) PROPERTIES ('backup_timestamp' = '2018-05-04-16-45-08')",
        "RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo EXCLUDE (backup_tbl PARTITION (p1)) PROPERTIES ('backup_timestamp' = '2018-05-04-16-45-08')",
        "RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo PROPERTIES ('backup_timestamp' = '2018-05-04-16-45-08', 'timeout' = '86400', 'replication_num' = '3', 'replication_allocation' = 'tag.location.default: 3', 'reserve_replica' = 'false', 'reserve_dynamic_partition_enable' = 'false', 'allow_load' = 'false', 'meta_version' = '100')",
        "RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo PROPERTIES ('backup_timestamp' = '2018-05-04-16-45-08', 'clean_tables' = 'true', 'clean_partitions' = 'true', 'atomic_restore' = 'true', 'force_replace' = 'true', 'reserve_colocate' = 'false')",
        "RESTORE SNAPSHOT example_db.snapshot_label1 FROM example_repo PROPERTIES ('backup_timestamp' = '2018-05-04-16-45-08', 'storage_medium' = 'ssd', 'medium_allocation_mode' = 'adaptive')",
        // §2.1 / §2.8 SHOW BACKUP / SHOW [BRIEF] RESTORE
        "SHOW BACKUP",
        "SHOW BACKUP FROM example_db",
        "SHOW BACKUP IN example_db",
        "SHOW BACKUP FROM example_db WHERE SnapshotName = \"your_snapshot_name\"",
        "SHOW BACKUP FROM example_db WHERE SnapshotName LIKE \"matcher\"",
        "SHOW BACKUP FROM example_db WHERE LABEL = \"exampledb_20241225\"",
        "SHOW BACKUP LIKE 'x'",
        "SHOW RESTORE",
        "SHOW RESTORE FROM example_db",
        "SHOW BRIEF RESTORE FROM example_db",
        "SHOW RESTORE IN example_db WHERE LABEL = \"your_label_name\"",
        "SHOW RESTORE FROM example_db WHERE LABEL LIKE \"matcher\"",
        "SHOW BRIEF RESTORE LIKE 'snapshot%'",
        // §2.1 / §2.9 SHOW SNAPSHOT
        "SHOW SNAPSHOT ON example_repo",
        "SHOW SNAPSHOT ON example_repo WHERE SNAPSHOT = 'your_snapshot_name'",
        "SHOW SNAPSHOT ON example_repo WHERE SNAPSHOT = 'your_snapshot_name' AND TIMESTAMP = '2018-04-18-19-19-10'",
        "SHOW SNAPSHOT ON s3_repo WHERE SNAPSHOT = \"exampledb_20241225\" AND TIMESTAMP = \"2022-04-08-15-52-29\"",
        // §2.1 / §2.10 CANCEL, §2.11 SHOW BROKER
        "CANCEL BACKUP",
        "CANCEL BACKUP FROM example_db",
        "CANCEL BACKUP IN example_db",
        "CANCEL RESTORE",
        "CANCEL RESTORE FROM example_db",
        "CANCEL RESTORE IN example_db",
        "SHOW BROKER",
    ]
}
