/// A snapshot's job-info file, `__info_<timestamp>.<md5>` (reference §9.4, Doris
/// `BackupJobInfo`): what was backed up (tables → partitions → indexes → tablets and their
/// files) and when. It is written last and marks the snapshot complete.
///
/// `encode()` writes single-line JSON with Doris's keys, map keys sorted (names as strings,
/// tablet ids numerically) so the bytes — and hence the checksum in the file name — are
/// deterministic. `decode(_:)` reads files written by Doris or by `encode()`; it returns tables,
/// partitions and indexes sorted by name, so `decode(encode(x)) == x` when `x` is sorted that way.
/// Views and ODBC objects are not modelled: `encode()` writes empty lists for them and `decode`
/// ignores them.
public struct SnapshotInfoFile: Sendable, Equatable {
    /// The snapshot label.
    public var name: String
    /// Source database name and id.
    public var database: String
    public var databaseId: Int64
    /// The backup job's creation time, epoch milliseconds (the `__info_` timestamp renders it).
    public var backupTime: Int64
    /// `ALL` or `METADATA_ONLY`.
    public var content: String
    /// OLAP tables, with the partitions that were backed up.
    public var tables: [Table]
    /// `succeed` for a successful backup; anything else means not successful.
    public var backupResult: String
    /// Metadata version used to write `__meta` (0 when the file does not say).
    public var metaVersion: Int
    /// Tablet id → backend id that held its snapshot (`tablet_be_map`); may be empty.
    public var tabletBackends: [Int64: Int64]
    /// SnapDeck's additions (incremental chain, bytes, retention); nil in snapshots written by
    /// Doris or by SnapDeck before it recorded them.
    public var provenance: SnapshotProvenance?

    public init(
        name: String, database: String, databaseId: Int64, backupTime: Int64, content: String = "ALL",
        tables: [Table], backupResult: String = "succeed", metaVersion: Int = 0, tabletBackends: [Int64: Int64] = [:],
        provenance: SnapshotProvenance? = nil
    ) {
        self.provenance = provenance
        self.name = name
        self.database = database
        self.databaseId = databaseId
        self.backupTime = backupTime
        self.content = content
        self.tables = tables
        self.backupResult = backupResult
        self.metaVersion = metaVersion
        self.tabletBackends = tabletBackends
    }

    /// One backed-up OLAP table (`backup_objects.<name>`).
    public struct Table: Sendable, Equatable {
        public var name: String
        public var id: Int64
        public var partitions: [Partition]
        public init(name: String, id: Int64, partitions: [Partition]) {
            self.name = name
            self.id = id
            self.partitions = partitions
        }
    }

    /// One partition of a table, at the visible version that was backed up.
    public struct Partition: Sendable, Equatable {
        public var name: String
        public var id: Int64
        public var version: Int64
        public var indexes: [Index]
        public init(name: String, id: Int64, version: Int64, indexes: [Index]) {
            self.name = name
            self.id = id
            self.version = version
            self.indexes = indexes
        }
    }

    /// One materialized index (base or rollup) of a partition; `tablets` are in bucket order
    /// (`tablets_order`), which is how restore maps them onto the target's tablets.
    public struct Index: Sendable, Equatable {
        public var name: String
        public var id: Int64
        public var schemaHash: Int64
        public var tablets: [Tablet]
        public init(name: String, id: Int64, schemaHash: Int64, tablets: [Tablet]) {
            self.name = name
            self.id = id
            self.schemaHash = schemaHash
            self.tablets = tablets
        }
    }

    /// One tablet and its snapshot files, named with their `.<md5>` suffix (empty for
    /// `METADATA_ONLY`).
    public struct Tablet: Sendable, Equatable {
        public var id: Int64
        public var files: [String]
        public init(id: Int64, files: [String]) {
            self.id = id
            self.files = files
        }
    }

    /// True when `backup_result` is `succeed`.
    public var isSuccessful: Bool { backupResult == "succeed" }

    /// The repository key of every file the snapshot lists, table by table, in the info's order:
    /// in this snapshot's folder, or — for a file an incremental snapshot did not upload — in
    /// the folder `provenance` names.
    public func fileKeys(in paths: RepositoryPaths) -> [String] {
        var keys: [String] = []
        for table in tables {
            for partition in table.partitions {
                for index in partition.indexes {
                    for tablet in index.tablets {
                        keys += tablet.files.map { file in
                            fileKey(file, tablet: tablet.id, table: table.id, partition: partition.id, index: index.id, in: paths)
                        }
                    }
                }
            }
        }
        return keys
    }

    /// The repository key of one file of one of the snapshot's tablets, wherever it lives.
    public func fileKey(_ file: String, tablet: Int64, table: Int64, partition: Int64, index: Int64, in paths: RepositoryPaths) -> String {
        let holder = provenance?.holder(of: file, tablet: tablet, ownLabel: name) ?? name
        let directory = paths.tabletDirectory(label: holder, dbId: databaseId, tableId: table, partitionId: partition, indexId: index, tabletId: tablet)
        return directory + "/" + file
    }

    /// The table named `name`, if the snapshot has it.
    public func table(named name: String) -> Table? { tables.first { $0.name == name } }

    // MARK: - Encoding

    /// Single-line JSON with Doris's keys, in Doris's (Gson field) order.
    public func encode() -> [UInt8] {
        let objects = tables.sorted { $0.name < $1.name }.map { table -> (key: String, value: JSONValue) in
            (table.name, .object([("id", .int(table.id)), ("partitions", Self.encodePartitions(table.partitions))]))
        }
        let backends = tabletBackends.keys.sorted().map { id -> (key: String, value: JSONValue) in
            (String(id), .int(tabletBackends[id]!))
        }
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(name)),
            ("database", .string(database)),
            ("id", .int(databaseId)),
            ("backup_time", .int(backupTime)),
            ("content", .string(content)),
            ("backup_objects", .object(objects)),
            ("new_backup_objects", .object([("views", .array([])), ("odbc_tables", .array([])), ("odbc_resources", .array([]))])),
            ("backup_result", .string(backupResult)),
            ("meta_version", .number(String(metaVersion))),
            ("tablet_be_map", .object(backends)),
        ]
        if let provenance { members.append((SnapshotProvenance.key, provenance.json)) }
        return Array(JSONValue.object(members).compactText().utf8)
    }

    private static func encodePartitions(_ partitions: [Partition]) -> JSONValue {
        .object(partitions.sorted { $0.name < $1.name }.map { part in
            let indexes = part.indexes.sorted { $0.name < $1.name }.map { index -> (key: String, value: JSONValue) in
                let files = index.tablets.sorted { $0.id < $1.id }.map { tablet -> (key: String, value: JSONValue) in
                    (String(tablet.id), .array(tablet.files.map { .string($0) }))
                }
                return (index.name, .object([
                    ("id", .int(index.id)),
                    ("schema_hash", .int(index.schemaHash)),
                    ("tablets", .object(files)),
                    ("tablets_order", .array(index.tablets.map { .int($0.id) })),
                ]))
            }
            return (part.name, .object([("id", .int(part.id)), ("version", .int(part.version)), ("indexes", .object(indexes))]))
        })
    }

    // MARK: - Brief

    /// The pretty JSON "brief" shown as SHOW SNAPSHOT's `Details` and SHOW RESTORE's
    /// `RestoreObjs` (reference §3.2, Doris `getBrief`): Gson pretty-printing layout, two-space
    /// indent, keys `name, database, backup_time, content, olap_table_list, view_list,
    /// odbc_table_list, odbc_resource_list`. Tables and partition names are sorted by name.
    ///
    /// - Parameter filter: when given, only the tables it names are listed; a table's set of
    ///   partition names restricts its partitions, an empty set keeps them all (as Doris's
    ///   `retainPartitions`). Names the snapshot does not have are ignored.
    public func brief(tables filter: [String: Set<String>]? = nil) -> String {
        var list: [JSONValue] = []
        for table in tables.sorted(by: { $0.name < $1.name }) {
            var partitionNames = table.partitions.map(\.name).sorted()
            if let filter {
                guard let keep = filter[table.name] else { continue }
                if !keep.isEmpty { partitionNames = partitionNames.filter { keep.contains($0) } }
            }
            list.append(.object([("name", .string(table.name)), ("partition_names", .array(partitionNames.map { .string($0) }))]))
        }
        let json = JSONValue.object([
            ("name", .string(name)),
            ("database", .string(database)),
            ("backup_time", .int(backupTime)),
            ("content", .string(content)),
            ("olap_table_list", .array(list)),
            ("view_list", .array([])),
            ("odbc_table_list", .array([])),
            ("odbc_resource_list", .array([])),
        ])
        return json.prettyText()
    }
}
