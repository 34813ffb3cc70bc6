import Foundation
import GRDB

/// The `jobs` table: every job's full state as JSON, written at every state change in its own
/// transaction on the catalog's connection (`synchronous=FULL`), so a restart resumes it.
struct JobJournal: Sendable {
    let database: DatabaseQueue

    func save<T: Encodable>(_ entry: JournalEntry<T>) throws {
        try database.write { db in try Self.save(entry, in: db) }
    }

    /// Saves inside a transaction someone else holds (a restore's catalog commit), so the job's
    /// FINISHED and the catalog change become durable together.
    static func save<T: Encodable>(_ entry: JournalEntry<T>, in db: Database) throws {
        let data = try JSONEncoder().encode(entry.body)
        try db.execute(
            sql: "INSERT OR REPLACE INTO jobs(id, kind, databaseId, state, body, updatedAt) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [entry.id, entry.kind.rawValue, entry.databaseId, entry.state, data, entry.updatedAt])
    }

    func delete(ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        try database.write { db in
            for id in ids { try db.execute(sql: "DELETE FROM jobs WHERE id = ?", arguments: [id]) }
        }
    }

    /// Every journalled job of `kind`, oldest first.
    func load<T: Decodable>(_ kind: JobKind, as type: T.Type) throws -> [T] {
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM jobs WHERE kind = ? ORDER BY id", arguments: [kind.rawValue])
        }
        return try rows.map { row in try JSONDecoder().decode(T.self, from: row["body"] as Data) }
    }
}

/// One journal row: a job's record at a state, with the columns the table indexes.
struct JournalEntry<T: Encodable> {
    var id: Int64
    var kind: JobKind
    var databaseId: Int64
    var state: String
    var body: T
    /// Epoch seconds.
    var updatedAt: Int64
}

/// A journal write refused on purpose (`fault_journal_write_fail`).
struct InjectedJournalFault: Error, CustomStringConvertible {
    var state: String
    var description: String { "injected journal write failure (job state \(state))" }
}
