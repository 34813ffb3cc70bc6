import Foundation
import GRDB

/// The catalog of one data directory: `meta.sqlite` (WAL, `synchronous=FULL`) mirrored in
/// memory.
///
/// All changes go through `write`, which runs one SQLite transaction and applies the same
/// changes to the in-memory state; if anything throws, both are rolled back, so a failed
/// statement changes nothing. Thread-safe: one writer at a time, readers take `snapshot`.
public final class CatalogStore: @unchecked Sendable {
    private let lock = NSLock()
    private var state: CatalogState
    private let queue: DatabaseQueue
    public let path: String

    /// Why the catalog was opened read-only, or nil when it can be written.
    public private(set) var readOnlyReason: String?

    /// Opens an existing catalog for reading only, when it cannot be opened for writing (a
    /// full disk: WAL mode must create its `-wal` and `-shm` files). First as SQLite opens any
    /// read-only WAL database, which sees every committed transaction; failing that, as an
    /// immutable file, which is only safe when no `-wal` file holds transactions yet to be
    /// checkpointed into it.
    public init(readOnlyAt path: String, reason: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        var opened: DatabaseQueue
        do {
            opened = try DatabaseQueue(path: path, configuration: configuration)
            _ = try opened.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
        } catch {
            // A read: no -wal file (or none that can be examined) means nothing waits in it.
            let logSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            guard logSize == 0 else { throw error }
            opened = try DatabaseQueue(path: "file:\(path)?immutable=1", configuration: configuration)
        }
        queue = opened
        self.path = path
        readOnlyReason = reason
        state = try queue.read(CatalogStore.load)
    }

    /// Opens (creating if needed) the catalog at `path` and migrates it to the current schema.
    public init(path: String) throws {
        var configuration = Configuration()
        // One process owns the directory (its lock), but within it a released cluster's last
        // write may still be finishing when the directory is opened again.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try CatalogMigrations.migrator.migrate(queue)
        self.path = path
        state = try queue.read(CatalogStore.load)
        // The catalog file holds password hashes and (later) repository secrets.
        chmod(path, 0o600)
    }

    private static func load(_ db: Database) throws -> CatalogState {
        var state = CatalogState()
        for r in try Backend.fetchAll(db) { state.place(r) }
        for r in try DatabaseRecord.fetchAll(db) { state.place(r) }
        for r in try TableRecord.order(GRDB.Column("id")).fetchAll(db) { state.place(r) }
        for r in try PartitionRecord.order(GRDB.Column("id")).fetchAll(db) { state.place(r) }
        for r in try TabletRecord.order(GRDB.Column("id")).fetchAll(db) { state.place(r) }
        for r in try ReplicaRecord.order(GRDB.Column("id")).fetchAll(db) { state.place(r) }
        for r in try RowsetRecord.order(GRDB.Column("id")).fetchAll(db) { state.place(r) }
        for r in try RepositoryRecord.fetchAll(db) { state.place(r) }
        for u in try UserRecord.fetchAll(db) { state.setUser(u, name: u.name) }
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM config") {
            state.setConfig(row["value"], key: row["key"])
        }
        return state
    }

    /// A consistent copy of the whole catalog.
    public var snapshot: CatalogState {
        lock.withLock { state }
    }

    /// Runs `body` as one atomic change of the catalog (SQLite and memory together).
    public func write<T>(_ body: (CatalogTransaction) throws -> T) throws -> T {
        if let readOnlyReason { throw CatalogReadOnly(reason: readOnlyReason) }
        return try lock.withLock {
            let transaction = CatalogTransaction(state: state)
            // Hand the dictionaries over so the transaction mutates them in place, not a copy.
            state = CatalogState()
            do {
                let result = try queue.write { db in
                    transaction.db = db
                    defer { transaction.db = nil }
                    return try body(transaction)
                }
                state = transaction.state
                state.revision &+= 1
                return result
            } catch {
                transaction.rollBackMemory()
                state = transaction.state
                throw error
            }
        }
    }

    /// A value of the catalog's `meta` table (`created_at`, `cluster_id`), nil when unset.
    public func meta(_ key: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    /// Paths (relative to the data directory) recorded for deletion.
    public func garbagePaths() throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: "SELECT path FROM file_garbage") }
    }

    /// Records paths for deletion in a transaction of its own, committed before files are
    /// written, so a crash in between leaves a note instead of an orphan.
    public func addGarbage(_ paths: [String]) throws {
        if let readOnlyReason { throw CatalogReadOnly(reason: readOnlyReason) }
        try queue.write { db in
            for p in paths {
                try db.execute(sql: "INSERT OR IGNORE INTO file_garbage(path) VALUES (?)", arguments: [p])
            }
        }
    }

    public func removeGarbage(_ paths: [String]) throws {
        try queue.write { db in
            for p in paths {
                try db.execute(sql: "DELETE FROM file_garbage WHERE path = ?", arguments: [p])
            }
        }
    }

    /// Gives the underlying database to modules that keep their own tables in the same file
    /// (jobs, repositories), so their changes share its transactions and durability.
    public var database: DatabaseQueue { queue }
}

/// A change refused because the catalog is open read-only; `reason` says why.
public struct CatalogReadOnly: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
