import GRDB

/// One atomic change to the catalog, handed to the body of `CatalogStore.write`.
///
/// Every mutation writes SQLite and the in-memory state and remembers how to undo the latter.
public final class CatalogTransaction {
    public private(set) var state: CatalogState
    var db: Database?
    private var undo: [(inout CatalogState) -> Void] = []

    init(state: CatalogState) {
        self.state = state
    }

    /// The SQLite connection, for modules that keep tables of their own in the catalog file.
    public var database: Database {
        guard let db else { preconditionFailure("CatalogTransaction used outside its write") }
        return db
    }

    func rollBackMemory() {
        for step in undo.reversed() { step(&state) }
        undo.removeAll()
    }

    /// A new cluster-wide id.
    public func nextId() throws -> ObjectID {
        let current = try Int64.fetchOne(
            database, sql: "SELECT value FROM meta WHERE key = 'next_id'") ?? 11000
        try database.execute(
            sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('next_id', ?)",
            arguments: [String(current + 1)])
        return current
    }

    /// `count` consecutive new ids.
    public func nextIds(_ count: Int) throws -> [ObjectID] {
        let first = try Int64.fetchOne(
            database, sql: "SELECT value FROM meta WHERE key = 'next_id'") ?? 11000
        try database.execute(
            sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('next_id', ?)",
            arguments: [String(first + Int64(count))])
        return (0..<Int64(count)).map { first + $0 }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try database.execute(
            sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
    }

    public func save(_ record: Backend) throws { try put(record) }
    public func save(_ record: DatabaseRecord) throws { try put(record) }
    public func save(_ record: TableRecord) throws { try put(record) }
    public func save(_ record: PartitionRecord) throws { try put(record) }
    public func save(_ record: TabletRecord) throws { try put(record) }
    public func save(_ record: ReplicaRecord) throws { try put(record) }
    public func save(_ record: RowsetRecord) throws { try put(record) }
    public func save(_ record: RepositoryRecord) throws { try put(record) }

    public func deleteDatabase(_ id: ObjectID) throws { try drop(DatabaseRecord.self, id) }
    public func deleteTable(_ id: ObjectID) throws { try drop(TableRecord.self, id) }
    public func deletePartition(_ id: ObjectID) throws { try drop(PartitionRecord.self, id) }
    public func deleteTablet(_ id: ObjectID) throws { try drop(TabletRecord.self, id) }
    public func deleteReplica(_ id: ObjectID) throws { try drop(ReplicaRecord.self, id) }
    public func deleteRowset(_ id: ObjectID) throws { try drop(RowsetRecord.self, id) }
    public func deleteRepository(_ id: ObjectID) throws { try drop(RepositoryRecord.self, id) }

    public func save(_ user: UserRecord) throws {
        try user.save(database)
        let previous = state.users[user.name]
        state.setUser(user, name: user.name)
        undo.append { $0.setUser(previous, name: user.name) }
    }

    public func deleteUser(_ name: String) throws {
        guard let previous = state.users[name] else { return }
        _ = try UserRecord.deleteOne(database, key: name)
        state.setUser(nil, name: name)
        undo.append { $0.setUser(previous, name: name) }
    }

    public func setConfig(_ key: String, _ value: String) throws {
        try database.execute(
            sql: "INSERT OR REPLACE INTO config(key, value) VALUES (?, ?)", arguments: [key, value])
        let previous = state.config[key]
        state.setConfig(value, key: key)
        undo.append { $0.setConfig(previous, key: key) }
    }

    /// Records a path (relative to the data directory) to delete once this commits.
    public func addGarbage(_ path: String) throws {
        try database.execute(
            sql: "INSERT OR IGNORE INTO file_garbage(path) VALUES (?)", arguments: [path])
    }

    /// Forgets a path recorded before the files were written: they now belong to the catalog.
    public func removeGarbage(_ path: String) throws {
        try database.execute(sql: "DELETE FROM file_garbage WHERE path = ?", arguments: [path])
    }

    private func put<E: CatalogEntity & PersistableRecord>(_ record: E) throws {
        try record.save(database)
        let previous = state[keyPath: E.records][record.id]
        state.place(record)
        undo.append { state in
            if let previous { state.place(previous) } else { state.remove(E.self, id: record.id) }
        }
    }

    private func drop<E: CatalogEntity & PersistableRecord>(_ type: E.Type, _ id: ObjectID) throws {
        guard let previous = state[keyPath: E.records][id] else { return }
        _ = try E.deleteOne(database, key: id)
        state.remove(E.self, id: id)
        undo.append { $0.place(previous) }
    }
}
