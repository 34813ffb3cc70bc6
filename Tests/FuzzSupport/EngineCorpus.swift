import Foundation

/// Valid statements for fuzzing the real binary against a scratch data directory, and the
/// prelude that gives them something to work on.
///
/// Every path is under ``scratch``, a placeholder the runner replaces with the scratch folder
/// after mutation (a cut placeholder is a relative path, which the engine refuses), so no
/// mutant can write outside it; ``timestamp`` stands for the prelude's snapshot's. Left out on purpose: S3 repositories (creating one makes the
/// engine retry an unreachable endpoint for about 20 s, not a finding worth 20 s a statement)
/// and the transfer knobs (a rate limit of a few bytes a second makes a backup last for days).
public enum EngineCorpus {
    public static let scratch = "$SCRATCH"
    public static let timestamp = "$TIMESTAMP"

    /// Runs before the fuzzed statements of each fresh data directory.
    public static let prelude = """
        CREATE DATABASE fz;
        CREATE TABLE fz.t (k INT NOT NULL, v VARCHAR(200), d DATE, amount DECIMAL(10,2)) DUPLICATE KEY(k)
          PARTITION BY RANGE(k) (PARTITION p1 VALUES LESS THAN (100), PARTITION p2 VALUES LESS THAN (MAXVALUE))
          DISTRIBUTED BY HASH(k) BUCKETS 2;
        CREATE TABLE fz.l (k INT NOT NULL, city VARCHAR(20))
          PARTITION BY LIST(city) (PARTITION pn VALUES IN ('north'), PARTITION ps VALUES IN ('south'))
          DISTRIBUTED BY HASH(k) BUCKETS 1;
        INSERT INTO fz.t VALUES (1, 'a', '2025-01-01', 1.5), (150, '北京', '2025-02-03', -2.25), (7, NULL, NULL, NULL);
        INSERT INTO fz.l VALUES (1, 'north'), (2, 'south');
        CREATE REPOSITORY fz_repo WITH LOCAL ON LOCATION '\(scratch)/repo';
        BACKUP SNAPSHOT fz.snap1 TO fz_repo;
        """

    /// A CSV file the runner writes to `<scratch>/rows.csv` for LOAD DATA.
    public static let csv = "k,v,d,amount\n11,x,2025-05-06,1.25\n12,\"y,z\",2025-06-07,-3\n"

    /// Every statement the mutator starts from: SnapDeck's and the Doris reference's.
    public static var statements: [String] {
        ownStatements + ClientCorpus.statements + racyStatements + DorisReferenceCorpus.statements.filter { !$0.contains(" S3 ") }.map(insideScratch)
    }

    /// Statements that all succeed, in this order, after the prelude.
    public static let ownStatements: [String] = [
        "SHOW DATABASES LIKE 'f%'",
        "USE fz",
        "SHOW TABLES FROM fz LIKE '_'",
        "CREATE DATABASE IF NOT EXISTS fz2",
        "DROP DATABASE IF EXISTS fz2",
        "CREATE TABLE fz.n (id BIGINT NOT NULL, name STRING, flag BOOLEAN, at DATETIME, c CHAR(3) DEFAULT 'abc') DUPLICATE KEY(id) DISTRIBUTED BY HASH(id) BUCKETS 3 PROPERTIES ('replication_num' = '2')",
        "CREATE TABLE IF NOT EXISTS fz.r (a INT NOT NULL, b DOUBLE) DISTRIBUTED BY RANDOM BUCKETS 2",
        "DROP TABLE IF EXISTS fz.n",
        "TRUNCATE TABLE fz.l",
        "ALTER TABLE fz.l ADD PARTITION pe VALUES IN ('east')",
        "SHOW CREATE TABLE fz.t",
        "DESCRIBE fz.l",
        "SHOW PARTITIONS FROM fz.t",
        "SHOW TABLETS FROM fz.l",
        "SHOW BACKENDS",
        "INSERT INTO fz.t VALUES (2, 'b', '2025-03-04', 3.75), (3, 'c\\'d', '2024-02-29', 0)",
        "INSERT INTO fz.t (k, v) VALUES (4, \"e\"), (-5, '')",
        "INSERT INTO fz.l VALUES (9, 'north')",
        "LOAD DATA LOCAL INFILE '\(scratch)/rows.csv' INTO TABLE fz.t COLUMNS TERMINATED BY ',' IGNORE 1 LINES",
        "SELECT * FROM fz.t WHERE k > 1 AND v LIKE '%a\\_%' ORDER BY k DESC LIMIT 10",
        "SELECT k, v FROM fz.t WHERE k IN (1, 2, 3) AND d IS NOT NULL",
        "SELECT COUNT(*) FROM fz.t WHERE d BETWEEN '2025-01-01' AND '2025-12-31'",
        "SELECT city FROM fz.l WHERE city NOT LIKE 's%' AND k <> 3 ORDER BY city",
        "CHECKSUM TABLE fz.t, fz.l",
        "CREATE USER IF NOT EXISTS 'fuzzer'@'%' IDENTIFIED BY 'pw-1'",
        "GRANT SELECT_PRIV, LOAD_PRIV ON fz.* TO 'fuzzer'@'%'",
        "REVOKE LOAD_PRIV ON fz.* FROM 'fuzzer'@'%'",
        "SHOW GRANTS FOR 'fuzzer'@'%'",
        "DROP USER IF EXISTS 'fuzzer'@'%'",
        "ADMIN SET FRONTEND CONFIG ('max_backup_restore_job_num_per_db' = '20')",
        "ADMIN SHOW FRONTEND CONFIG LIKE '%backup%'",
        "HELP 'backup'",
        "CREATE REPOSITORY fz_repo2 WITH LOCAL ON LOCATION 'file://\(scratch)/repo2'",
        "SHOW REPOSITORIES",
        "SHOW CREATE REPOSITORY FOR fz_repo",
        "DROP REPOSITORY fz_repo2",
        "BACKUP SNAPSHOT fz.snap2 TO fz_repo ON (t PARTITION (p2), l) PROPERTIES ('type' = 'full', 'timeout' = '600')",
        "SHOW BACKUP FROM fz WHERE SnapshotName LIKE 'snap%'",
        "SHOW SNAPSHOT ON fz_repo WHERE SNAPSHOT = 'snap1'",
        "RESTORE SNAPSHOT fz.snap1 FROM fz_repo ON (t AS t_restored) PROPERTIES ('backup_timestamp' = '\(timestamp)', 'replication_num' = '1')",
        "SHOW RESTORE FROM fz",
        "ADMIN CHECK SNAPSHOT snap1 ON fz_repo TIMESTAMP '\(timestamp)'",
        "ALTER TABLE fz.l DROP PARTITION pe",
        "ALTER TABLE fz.t DROP PARTITION p1",
    ]

    /// Statements whose outcome depends on how far the jobs before them got.
    public static let racyStatements = [
        "CANCEL BACKUP FROM fz",
        "CANCEL RESTORE FROM fz",
        "DROP SNAPSHOT snap2 ON fz_repo",
    ]

    /// The reference's paths (`/tmp/doris_repo`, `/path/to/repo/`) moved under the scratch folder.
    private static func insideScratch(_ statement: String) -> String {
        var moved = statement
        for (quote, path) in [("'", "/tmp/"), ("\"", "/path/"), ("'", "file:///tmp/")] {
            let replacement = path.hasPrefix("file:") ? "file://\(scratch)/" : "\(scratch)/"
            moved = moved.replacingOccurrences(of: quote + path, with: quote + replacement)
        }
        return moved
    }
}
