/// Help for databases and tables.
extension HelpTopics {
    static let catalogEntries: [HelpEntry] = [
        HelpEntry(
            name: "CREATE DATABASE", aliases: ["CREATE SCHEMA"],
            syntax: "CREATE DATABASE [IF NOT EXISTS] db_name",
            summary: """
                Creates an empty database. With IF NOT EXISTS, an existing database of the same \
                name is left alone and the statement succeeds.
                """,
            example: "CREATE DATABASE IF NOT EXISTS example_db;"),
        HelpEntry(
            name: "DROP DATABASE", aliases: ["DROP SCHEMA"],
            syntax: "DROP {DATABASE | SCHEMA} [IF EXISTS] db_name [FORCE]",
            summary: """
                Removes a database with all its tables and their data files. FORCE is accepted \
                for compatibility with Doris; SnapDeck has no recycle bin, so every drop is final.
                """,
            example: "DROP DATABASE IF EXISTS example_db;"),
        HelpEntry(
            name: "USE",
            syntax: "USE db_name",
            summary: """
                Makes a database the current one, so that table names without a database prefix \
                refer to it.
                """,
            example: "USE example_db;"),
        HelpEntry(
            name: "SHOW DATABASES", aliases: ["SHOW SCHEMAS"],
            syntax: "SHOW DATABASES [LIKE 'pattern']",
            summary: """
                Lists the databases, optionally only those whose name matches a LIKE pattern \
                (% matches any run of characters, _ exactly one).
                """,
            example: "SHOW DATABASES LIKE 'example%';"),
        HelpEntry(
            name: "SHOW TABLES",
            syntax: "SHOW TABLES [{FROM | IN} db_name] [LIKE 'pattern']",
            summary: """
                Lists the tables of the current database, or of the named one, optionally \
                filtered by a LIKE pattern.
                """,
            example: "SHOW TABLES FROM example_db LIKE 'sales%';"),
        HelpEntry(
            name: "CREATE TABLE",
            syntax: """
                CREATE TABLE [IF NOT EXISTS] [db_name.]tbl_name (
                    col_name col_type [aggregation] [NOT NULL | NULL] [DEFAULT value] [COMMENT 'text'], ...
                )
                [ENGINE = OLAP]
                [{DUPLICATE | UNIQUE | AGGREGATE} KEY (col_name, ...)]
                [COMMENT 'text']
                [PARTITION BY RANGE (col_name, ...) (
                     PARTITION p VALUES LESS THAN ("value", ...) | MAXVALUE,
                     PARTITION p VALUES [("lower", ...), ("upper", ...)) [("key" = "value", ...)],
                     FROM ("start") TO ("end") INTERVAL n {HOUR | DAY | WEEK | MONTH | YEAR},
                     FROM (start) TO (end) INTERVAL n, ...)
                 | PARTITION BY LIST (col_name, ...) (
                     PARTITION p VALUES IN ("value", ... | ("value", ...), ...), ...)]
                [DISTRIBUTED BY {HASH (col_name, ...) | RANDOM} [BUCKETS {n | AUTO}]]
                [PROPERTIES ("key" = "value", ...)]

                col_type: TINYINT | SMALLINT | INT | BIGINT | LARGEINT | BOOLEAN | FLOAT | DOUBLE
                        | DECIMAL[(p[, s])] | DECIMALV3[(p[, s])] | CHAR[(n)] | VARCHAR[(n)]
                        | STRING | DATE | DATEV2 | DATETIME[(p)] | DATETIMEV2[(p)]
                aggregation: SUM | MAX | MIN | REPLACE | REPLACE_IF_NOT_NULL
                """,
            summary: """
                Creates a table. Columns are nullable unless NOT NULL is given. Each partition \
                holds the rows whose partition columns fall in its range or list, and is split \
                into buckets (tablets) by a hash of the distribution columns; a table without \
                PARTITION BY has a single partition named like the table. FROM ... TO ... \
                INTERVAL creates many range partitions at once, named as Doris names them \
                (p_20260102 by DAY, p_2026_01 by WEEK, p_202601 by MONTH, p_2026 by YEAR, \
                p_1_11 by number; at most 4096). DECIMAL takes up to 38 digits, LARGEINT is a \
                128-bit integer and DATETIME(p) keeps p (0 to 6) digits of seconds. Properties \
                such as "replication_num" or "replication_allocation" = \
                "tag.location.default: n" tune storage; BUCKETS is limited by the FE config \
                max_bucket_num_per_partition (768); "dynamic_partition.enable" is what \
                RESTORE switches off. \
                The key columns come first, in order. DUPLICATE KEY keeps every row loaded. \
                AGGREGATE KEY folds the rows of equal keys when read: each value column names \
                its aggregation (SUM on numbers; SUM, MAX and MIN skip NULLs; REPLACE keeps the \
                latest load's value, REPLACE_IF_NOT_NULL its latest non-NULL value). UNIQUE KEY \
                keeps the latest load of each key (a later row of the same load wins). SnapDeck \
                merges UNIQUE tables on read, also when the property is left out (newer Doris \
                defaults to merge-on-write); "enable_unique_key_merge_on_write" = "true" is \
                refused. SELECT, COUNT(*) and CHECKSUM TABLE see merged rows; the row counts of \
                SHOW PARTITIONS and SHOW TABLET are the stored rows of every load. Hash \
                distribution and partition columns of AGGREGATE and UNIQUE tables must be keys.
                """,
            example: """
                CREATE TABLE example_db.sales (
                    sale_date DATE NOT NULL,
                    city VARCHAR(32) COMMENT 'where',
                    amount DECIMAL(12, 2) DEFAULT "0"
                )
                DUPLICATE KEY (sale_date, city)
                PARTITION BY RANGE (sale_date) (
                    PARTITION p2024 VALUES LESS THAN ("2025-01-01"),
                    PARTITION pmax VALUES LESS THAN MAXVALUE
                )
                DISTRIBUTED BY HASH (city) BUCKETS 4
                PROPERTIES ("replication_num" = "1");
                """),
        HelpEntry(
            name: "ALTER TABLE",
            syntax: """
                ALTER TABLE [db_name.]tbl_name SET ("key" = "value", ...)
                ALTER TABLE [db_name.]tbl_name ADD PARTITION [IF NOT EXISTS] p
                    VALUES {LESS THAN (...) | [(...), (...)) | IN (...)}
                    [DISTRIBUTED BY HASH (col_name, ...) BUCKETS n]
                ALTER TABLE [db_name.]tbl_name DROP PARTITION [IF EXISTS] p [FORCE]
                """,
            summary: """
                Changes table properties (for example re-enabling "dynamic_partition.enable" \
                after a restore), adds a partition with its bounds, or drops a partition and its \
                data.
                """,
            example: """
                ALTER TABLE sales ADD PARTITION p2025 VALUES LESS THAN ("2026-01-01");
                """),
        HelpEntry(
            name: "DROP TABLE",
            syntax: "DROP TABLE [IF EXISTS] [db_name.]tbl_name [FORCE]",
            summary: """
                Removes a table and its data files. FORCE is accepted for compatibility with \
                Doris and changes nothing.
                """,
            example: "DROP TABLE IF EXISTS example_db.sales;"),
        HelpEntry(
            name: "TRUNCATE TABLE", aliases: ["TRUNCATE"],
            syntax: "TRUNCATE TABLE [db_name.]tbl_name",
            summary: """
                Deletes every row of a table while keeping its definition, partitions and \
                buckets.
                """,
            example: "TRUNCATE TABLE sales;"),
        HelpEntry(
            name: "SHOW CREATE TABLE",
            syntax: "SHOW CREATE TABLE [db_name.]tbl_name",
            summary: """
                Prints the CREATE TABLE statement that would recreate the table's definition, \
                including partitions, distribution and properties.
                """,
            example: "SHOW CREATE TABLE sales;"),
        HelpEntry(
            name: "DESCRIBE", aliases: ["DESC"],
            syntax: "{DESCRIBE | DESC} [db_name.]tbl_name",
            summary: """
                Lists the columns of a table with their types, nullability, key membership, \
                default values and comments.
                """,
            example: "DESC sales;"),
        HelpEntry(
            name: "SHOW PARTITIONS",
            syntax: "SHOW PARTITIONS FROM [db_name.]tbl_name",
            summary: """
                Lists a table's partitions with their bounds, versions, buckets and data \
                sizes.
                """,
            example: "SHOW PARTITIONS FROM sales;"),
        HelpEntry(
            name: "SHOW TABLETS", aliases: ["SHOW TABLET"],
            syntax: "SHOW {TABLET | TABLETS} FROM [db_name.]tbl_name",
            summary: """
                Lists the tablets of a table with their replicas, backends, versions, file \
                counts and sizes. Many small versions or files make backups slower, so this is \
                the place to estimate how long a backup will take.
                """,
            example: "SHOW TABLETS FROM sales;"),
        HelpEntry(
            name: "SHOW BACKENDS",
            syntax: "SHOW BACKENDS",
            summary: """
                Lists the storage nodes (backends) of the embedded cluster, each of which owns a \
                directory of tablet replicas, and whether each one is up.
                """,
            example: "SHOW BACKENDS;"),
    ]
}
