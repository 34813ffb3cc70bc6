import GRDB

// GRDB mapping: each record kind is one SQLite table whose columns are the record's stored
// properties; nested values (columns, bounds, privileges) are stored as JSON text by GRDB.

extension Backend: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "backends" }
}
extension DatabaseRecord: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "databases" }
}
extension TableRecord: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "tables" }
}
extension PartitionRecord: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "partitions" }
}
extension TabletRecord: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "tablets" }
}
extension ReplicaRecord: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "replicas" }
}
extension RowsetRecord: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "rowsets" }
}
extension RepositoryRecord: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "repositories" }
}
extension UserRecord: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "users" }
}

/// Versioned schema migrations of `meta.sqlite`. Append new migrations; never edit old ones.
enum CatalogMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalog") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "backends") { t in
                t.primaryKey("id", .integer)
                t.column("alive", .boolean).notNull()
                t.column("createdAt", .integer).notNull()
            }
            try db.create(table: "databases") { t in
                t.primaryKey("id", .integer)
                t.column("name", .text).notNull().unique()
                t.column("createdAt", .integer).notNull()
            }
            try db.create(table: "tables") { t in
                t.primaryKey("id", .integer)
                t.column("databaseId", .integer).notNull().indexed()
                t.column("name", .text).notNull()
                t.column("columns", .text).notNull()
                t.column("keysKind", .text).notNull()
                t.column("partitionKind", .text).notNull()
                t.column("partitionColumns", .text).notNull()
                t.column("distributionColumns", .text).notNull()
                t.column("defaultBuckets", .integer).notNull()
                t.column("replicationNum", .integer).notNull()
                t.column("baseIndexId", .integer).notNull()
                t.column("properties", .text).notNull()
                t.column("comment", .text).notNull()
                t.column("createdAt", .integer).notNull()
                t.uniqueKey(["databaseId", "name"])
            }
            try db.create(table: "partitions") { t in
                t.primaryKey("id", .integer)
                t.column("tableId", .integer).notNull().indexed()
                t.column("name", .text).notNull()
                t.column("bound", .text).notNull()
                t.column("buckets", .integer).notNull()
                t.column("visibleVersion", .integer).notNull()
                t.column("visibleVersionTime", .integer).notNull()
            }
            try db.create(table: "tablets") { t in
                t.primaryKey("id", .integer)
                t.column("partitionId", .integer).notNull().indexed()
                t.column("bucket", .integer).notNull()
            }
            try db.create(table: "replicas") { t in
                t.primaryKey("id", .integer)
                t.column("tabletId", .integer).notNull().indexed()
                t.column("backendId", .integer).notNull()
            }
            try db.create(table: "rowsets") { t in
                t.primaryKey("id", .integer)
                t.column("tabletId", .integer).notNull().indexed()
                t.column("version", .integer).notNull()
                t.column("rowCount", .integer).notNull()
                t.column("size", .integer).notNull()
                t.column("md5", .text).notNull()
                t.column("crc32c", .integer).notNull()
                t.column("createdAt", .integer).notNull()
            }
            try db.create(table: "users") { t in
                t.primaryKey("name", .text)
                t.column("host", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("globalPrivileges", .text).notNull()
                t.column("databasePrivileges", .text).notNull()
            }
            try db.create(table: "config") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            // Files to delete at the next open: written but not yet committed, or dropped but
            // not yet removed. Keeps a crash from leaving orphans without scanning every folder.
            try db.create(table: "file_garbage") { t in
                t.primaryKey("path", .text)
            }
        }
        migrator.registerMigration("v2-repositories-and-jobs") { db in
            try db.create(table: "repositories") { t in
                t.primaryKey("id", .integer)
                t.column("name", .text).notNull().unique()
                t.column("readOnly", .boolean).notNull()
                t.column("kind", .text).notNull()
                t.column("location", .text).notNull()
                t.column("brokerName", .text)
                t.column("properties", .text).notNull()
                t.column("createTime", .text).notNull()
                t.column("errorMessage", .text)
            }
            // The job journal: one row per backup or restore job, its whole state as JSON,
            // rewritten at every state change so a restarted process resumes where it was.
            try db.create(table: "jobs") { t in
                t.primaryKey("id", .integer)
                t.column("kind", .text).notNull()
                t.column("databaseId", .integer).notNull()
                t.column("state", .text).notNull()
                t.column("body", .blob).notNull()
                t.column("updatedAt", .integer).notNull()
            }
        }
        migrator.registerMigration("v3-restore-visibility") { db in
            try db.alter(table: "tables") { t in t.add(column: "hiddenByJob", .integer) }
            try db.alter(table: "partitions") { t in t.add(column: "hiddenByJob", .integer) }
        }
        // Passwords are now MySQL's native hashes, which the MySQL-protocol server checks
        // logins against. The SHA-256 hex kept before cannot be turned into one: its users
        // are marked, and cannot log in over the protocol until an ADMIN sets a new password.
        migrator.registerMigration("v4-native-passwords") { db in
            try db.alter(table: "users") { t in
                t.add(column: "passwordNeedsReset", .boolean).notNull().defaults(to: false)
            }
            try db.execute(sql: """
                UPDATE users SET passwordNeedsReset = 1
                WHERE length(passwordHash) = 64 AND passwordHash NOT GLOB '*[^0-9a-f]*'
                """)
        }
        // Backup schedules (CREATE JOB) and their runs. The table `jobs` above is the
        // backup/restore journal; these are Doris's scheduler jobs and their tasks. Each row
        // holds its record as JSON beside the columns looked up by.
        migrator.registerMigration("v5-backup-schedules") { db in
            try db.create(table: "backup_schedules") { t in
                t.primaryKey("id", .integer)
                t.column("name", .text).notNull().unique()
                t.column("status", .text).notNull()
                t.column("body", .blob).notNull()
            }
            try db.create(table: "schedule_runs") { t in
                t.primaryKey("id", .integer)
                t.column("scheduleId", .integer).notNull().indexed()
                t.column("label", .text).notNull()
                t.column("status", .text).notNull()
                t.column("body", .blob).notNull()
            }
        }
        return migrator
    }
}
