/// Help for data, account and administration statements.
extension HelpTopics {
    static let dataAndAccountEntries: [HelpEntry] = [
        HelpEntry(
            name: "INSERT", aliases: ["INSERT INTO"],
            syntax: """
                INSERT INTO [db_name.]tbl_name [(col_name, ...)]
                    VALUES (value, ...) [, (value, ...) ...]
                """,
            summary: """
                Adds rows given as literals (numbers, strings, NULL, TRUE, FALSE). Each row goes \
                to the partition its partition columns select and to a bucket by hash; the whole \
                statement is one new version of every tablet it touches, and a row that fits no \
                partition fails the statement without loading anything.
                """,
            example: "INSERT INTO sales (sale_date, city, amount) VALUES ('2024-05-01', 'Oslo', 12.5);"),
        HelpEntry(
            name: "LOAD DATA", aliases: ["LOAD"],
            syntax: """
                LOAD DATA [LOCAL] INFILE 'file_name' INTO TABLE [db_name.]tbl_name
                    [COLUMNS TERMINATED BY 'separator']
                    [IGNORE n {LINES | ROWS}]
                    [(col_name, ...)]
                """,
            summary: """
                Loads a delimited text file (comma-separated unless another separator is given) \
                into a table as one new version, all rows or none. IGNORE skips header lines; the \
                column list says which table column each field fills. The file must be a regular \
                file (not a FIFO, device, directory or /proc file); it is read in chunks, so any \
                size loads in bounded memory.
                """,
            example: "LOAD DATA LOCAL INFILE '/tmp/sales.csv' INTO TABLE sales IGNORE 1 LINES;"),
        HelpEntry(
            name: "SELECT",
            syntax: """
                SELECT [DISTINCT] {* | expr [[AS] alias]}, ... FROM [db_name.]tbl_name
                    [PARTITION (p, ...)]
                    [WHERE condition [AND condition ...]]
                    [GROUP BY {expr | alias | position}, ...]
                    [HAVING expr]
                    [ORDER BY {expr | alias | position} [ASC | DESC], ...]
                    [LIMIT n [OFFSET m] | LIMIT m, n]
                SELECT expr [[AS] alias], ... [FROM DUAL] [LIMIT n]

                condition: col_name {= | != | <> | < | <= | > | >=} value
                         | col_name IS [NOT] NULL | col_name [NOT] IN (value, ...)
                         | col_name [NOT] LIKE 'pattern' | col_name BETWEEN value AND value
                expr: col_name | literal | NULL | expr {+ | - | * | / | %} expr | -expr
                    | expr {= | != | < | <= | > | >=} expr | expr IS [NOT] NULL
                    | NOT expr | expr {AND | OR} expr | (expr)
                    | COUNT(*) | COUNT([DISTINCT] expr) | {SUM | MIN | MAX | AVG}([DISTINCT] expr)
                    | @@[global. | session.]var_name | DATABASE() | SCHEMA()
                    | USER() | CURRENT_USER() | VERSION() | CONNECTION_ID()
                """,
            summary: """
                Reads one table, optionally from some partitions only, to check what a load or \
                a restore produced: row counts, sums and ranges per group. SUM and AVG of a \
                DECIMAL are exact (SUM gives DECIMAL(38, s), AVG DECIMAL(38, max(s, 4))); \
                SUM of integers is BIGINT, AVG of integers DOUBLE. NULLs sort first ascending \
                and last descending. Joins, subqueries, UNION, window functions and other \
                functions are refused as not supported. Without a table, SELECT returns one row \
                of expressions, system variables and session functions, as MySQL clients ask \
                for them when they connect.
                """,
            example: """
                SELECT city, COUNT(*) AS n, SUM(amount) FROM sales PARTITION (p2024)
                    WHERE amount > 0 GROUP BY city HAVING n > 10 ORDER BY n DESC LIMIT 5;
                SELECT @@version_comment, DATABASE(), CURRENT_USER() LIMIT 1;
                """),
        HelpEntry(
            name: "CHECKSUM TABLE", aliases: ["CHECKSUM"],
            syntax: "CHECKSUM TABLE [db_name.]tbl_name [, ...] [QUICK | EXTENDED]",
            summary: """
                Computes a checksum of each table's rows that does not depend on row order, so a \
                restored table can be compared with its source. QUICK and EXTENDED are accepted \
                and compute the same value.
                """,
            example: "CHECKSUM TABLE sales, sales_restored;"),
        HelpEntry(
            name: "CREATE USER",
            syntax: """
                CREATE USER [IF NOT EXISTS] 'user'[@'host'] [IDENTIFIED BY [PASSWORD] 'password']
                """,
            summary: """
                Creates a user with no privileges. The host defaults to '%', any host. \
                IDENTIFIED BY PASSWORD takes the hash MySQL stores ('*' and 40 hexadecimal \
                digits) instead of the password in clear; only that hash is kept.
                """,
            example: "CREATE USER 'operator'@'%' IDENTIFIED BY 'secret';"),
        HelpEntry(
            name: "DROP USER",
            syntax: "DROP USER [IF EXISTS] 'user'[@'host']",
            summary: "Removes a user and its privileges.",
            example: "DROP USER IF EXISTS 'operator'@'%';"),
        HelpEntry(
            name: "GRANT",
            syntax: """
                GRANT privilege [, privilege ...] ON {*.*.* | *.* | db_name.* | internal.db_name.*}
                    TO 'user'[@'host']

                privilege: ADMIN_PRIV | LOAD_PRIV | SELECT_PRIV
                """,
            summary: """
                Gives privileges to a user, on everything or on one database. ADMIN_PRIV is \
                needed for repositories, backup and restore; LOAD_PRIV on a database allows \
                loading into it and watching its jobs; SELECT_PRIV allows reading.
                """,
            example: "GRANT LOAD_PRIV, SELECT_PRIV ON example_db.* TO 'operator'@'%';"),
        HelpEntry(
            name: "REVOKE",
            syntax: """
                REVOKE privilege [, privilege ...] ON {*.*.* | *.* | db_name.* | internal.db_name.*}
                    FROM 'user'[@'host']
                """,
            summary: "Takes privileges given by GRANT away from a user.",
            example: "REVOKE LOAD_PRIV ON example_db.* FROM 'operator'@'%';"),
        HelpEntry(
            name: "SHOW GRANTS", aliases: ["SHOW ALL GRANTS"],
            syntax: "SHOW [ALL] GRANTS [FOR 'user'[@'host']]",
            summary: """
                Shows the privileges of the current user, of the named user, or (with ALL) of \
                every user.
                """,
            example: "SHOW GRANTS FOR 'operator'@'%';"),
        HelpEntry(
            name: "ADMIN SET FRONTEND CONFIG", aliases: ["ADMIN SET ALL FRONTENDS CONFIG"],
            syntax: "ADMIN SET [ALL] {FRONTEND | FRONTENDS} CONFIG (\"key\" = \"value\" [, ...])",
            summary: """
                Changes engine settings at run time: worker counts, batch sizes, job retention, \
                the default job timeout, and fault-injection switches used by tests and demos.
                """,
            example: "ADMIN SET FRONTEND CONFIG (\"max_backup_restore_job_num_per_db\" = \"20\");"),
        HelpEntry(
            name: "ADMIN SHOW FRONTEND CONFIG",
            syntax: "ADMIN SHOW FRONTEND CONFIG [LIKE 'pattern']",
            summary: """
                Lists the engine settings with their current values, optionally only those whose \
                name matches a LIKE pattern.
                """,
            example: "ADMIN SHOW FRONTEND CONFIG LIKE '%backup%';"),
        HelpEntry(
            name: "HELP",
            syntax: "HELP [topic]",
            summary: """
                Prints the syntax of a statement with a short description and an example. \
                HELP CONTENTS (or HELP alone) lists every topic.
                """,
            example: "HELP BACKUP;"),
    ]
}
