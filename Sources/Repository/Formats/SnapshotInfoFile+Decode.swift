extension SnapshotInfoFile {
    /// Parses a job-info file written by Doris (any version) or by `encode()`.
    ///
    /// Tolerant like Doris's Gson reader: unknown keys are ignored (`major_version`,
    /// `table_commit_seq_map`, `extra_info`, ...), JSON `null` counts as missing, numbers may
    /// also be given as strings. Defaults: `content` → `ALL`, `backup_result` → `succeed`,
    /// `meta_version` → 0, `tablet_be_map` and `backup_objects` → empty. `name`, `database`,
    /// `id` and `backup_time` are required. Tablets follow `tablets_order` (numbers or strings);
    /// without it (old backups) ascending tablet id. As in Doris, an id in `tablets_order` with no
    /// entry in `tablets` is skipped, and when `tablets_order` is present tablets missing from it
    /// are not returned.
    public static func decode(_ bytes: [UInt8]) throws -> SnapshotInfoFile {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw SnapshotFormatError("invalid job info: \(error)")
        }
        let root = try Fields(json, path: "")
        var tables: [Table] = []
        if let objects = try root.optionalObject("backup_objects") {
            for (tableName, tableValue) in objects.entries {
                let table = try Fields(tableValue, path: "backup_objects.\(tableName)")
                var partitions: [Partition] = []
                for (partName, partValue) in try table.optionalObject("partitions")?.entries ?? [] {
                    partitions.append(try decodePartition(partName, Fields(partValue, path: "\(table.path).partitions.\(partName)")))
                }
                tables.append(Table(name: tableName, id: try table.int("id"), partitions: partitions.sorted { $0.name < $1.name }))
            }
        }
        var backends: [Int64: Int64] = [:]
        if let map = try root.optionalObject("tablet_be_map") {
            for (key, value) in map.entries {
                backends[try map.intKey(key)] = try map.int(key, value)
            }
        }
        return SnapshotInfoFile(
            name: try root.string("name"),
            database: try root.string("database"),
            databaseId: try root.int("id"),
            backupTime: try root.int("backup_time"),
            content: try root.optionalString("content") ?? "ALL",
            tables: tables.sorted { $0.name < $1.name },
            backupResult: try root.optionalString("backup_result") ?? "succeed",
            metaVersion: Int(try root.optionalInt("meta_version") ?? 0),
            tabletBackends: backends,
            provenance: try root.optionalObject(SnapshotProvenance.key).map { fields throws(SnapshotFormatError) in try SnapshotProvenance(fields) }
        )
    }

    private static func decodePartition(_ name: String, _ part: Fields) throws(SnapshotFormatError) -> Partition {
        var indexes: [Index] = []
        for (indexName, indexValue) in try part.optionalObject("indexes")?.entries ?? [] {
            let index = try Fields(indexValue, path: "\(part.path).indexes.\(indexName)")
            var files: [Int64: [String]] = [:]
            var ascending: [Int64] = []
            if let tablets = try index.optionalObject("tablets") {
                for (key, value) in tablets.entries {
                    let id = try tablets.intKey(key)
                    guard case let .array(items) = value else { throw tablets.error("\(key) is not a list of file names") }
                    files[id] = try items.map { item throws(SnapshotFormatError) -> String in
                        guard case let .string(s) = item else { throw tablets.error("\(key) has a file name that is not a string") }
                        return s
                    }
                    ascending.append(id)
                }
            }
            ascending.sort()
            var order = ascending
            if let listed = index.value("tablets_order") {
                guard case let .array(items) = listed else { throw index.error("tablets_order is not a list") }
                let ids = try items.map { item throws(SnapshotFormatError) in try index.int("tablets_order", item) }
                if !ids.isEmpty { order = ids }
            }
            let tablets = order.compactMap { id in files[id].map { Tablet(id: id, files: $0) } }
            indexes.append(Index(
                name: indexName, id: try index.int("id"), schemaHash: try index.optionalInt("schema_hash") ?? 0, tablets: tablets))
        }
        return Partition(
            name: name, id: try part.int("id"), version: try part.optionalInt("version") ?? 0,
            indexes: indexes.sorted { $0.name < $1.name })
    }
}

/// Typed access to the members of one JSON object, with errors that name the object's path.
struct Fields {
    let path: String
    let members: [(key: String, value: JSONValue)]

    init(_ value: JSONValue, path: String) throws(SnapshotFormatError) {
        self.path = path
        guard case let .object(members) = value else {
            throw SnapshotFormatError("invalid job info: \(path.isEmpty ? "document" : path) is not a JSON object")
        }
        self.members = members
    }

    /// The members without `null` values; for a repeated key only the last occurrence is kept
    /// (as with Gson), in the position of the first.
    var entries: [(key: String, value: JSONValue)] {
        var result: [(key: String, value: JSONValue)] = []
        var position: [String: Int] = [:]
        for member in members where member.value != .null {
            if let i = position[member.key] {
                result[i].value = member.value
            } else {
                position[member.key] = result.count
                result.append(member)
            }
        }
        return result
    }

    func error(_ what: String) -> SnapshotFormatError {
        SnapshotFormatError("invalid job info: \(path.isEmpty ? "" : path + ": ")\(what)")
    }

    func value(_ key: String) -> JSONValue? {
        members.last { $0.key == key && $0.value != .null }?.value
    }

    func string(_ key: String) throws(SnapshotFormatError) -> String {
        guard let s = try optionalString(key) else { throw error("missing \"\(key)\"") }
        return s
    }

    func optionalString(_ key: String) throws(SnapshotFormatError) -> String? {
        guard let v = value(key) else { return nil }
        guard case let .string(s) = v else { throw error("\"\(key)\" is not a string") }
        return s
    }

    func int(_ key: String) throws(SnapshotFormatError) -> Int64 {
        guard let v = try optionalInt(key) else { throw error("missing \"\(key)\"") }
        return v
    }

    func optionalInt(_ key: String) throws(SnapshotFormatError) -> Int64? {
        guard let v = value(key) else { return nil }
        return try int(key, v)
    }

    /// An integer given as a JSON integer literal or as a string holding one.
    func int(_ key: String, _ v: JSONValue) throws(SnapshotFormatError) -> Int64 {
        switch v {
        case let .number(text), let .string(text):
            if let n = Int64(text) { return n }
            throw error("\"\(key)\" is not a 64-bit integer: \(text)")
        default:
            throw error("\"\(key)\" is not an integer")
        }
    }

    /// A map key that must be an integer id (tablet ids).
    func intKey(_ key: String) throws(SnapshotFormatError) -> Int64 {
        guard let n = Int64(key) else { throw error("key \"\(key)\" is not an integer id") }
        return n
    }

    func optionalObject(_ key: String) throws(SnapshotFormatError) -> Fields? {
        guard let v = value(key) else { return nil }
        let childPath = path.isEmpty ? key : "\(path).\(key)"
        return try Fields(v, path: childPath)
    }
}
