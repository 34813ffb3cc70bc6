import Foundation
import GRDB

/// The `jobs` table: every job's full state as JSON, written at every state change in its own
/// transaction on the catalog's connection (`synchronous=FULL`), so a restart resumes it.
struct JobJournal: Sendable {
    let database: DatabaseQueue

    func save<T: Encodable>(id: Int64, kind: JobKind, databaseId: Int64, state: String, body: T) throws {
        try database.write { db in try Self.save(in: db, id: id, kind: kind, databaseId: databaseId, state: state, body: body) }
    }

    /// Saves inside a transaction someone else holds (a restore's catalog commit), so the job's
    /// FINISHED and the catalog change become durable together.
    static func save<T: Encodable>(in db: Database, id: Int64, kind: JobKind, databaseId: Int64, state: String, body: T) throws {
        let data = try JSONEncoder().encode(body)
        try db.execute(
            sql: "INSERT OR REPLACE INTO jobs(id, kind, databaseId, state, body, updatedAt) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, kind.rawValue, databaseId, state, data, Int64(Date().timeIntervalSince1970)])
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
