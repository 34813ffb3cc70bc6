import Foundation

/// What a snapshot holds, read from its details JSON: tables → partitions → tablets → files.
///
/// Two shapes are understood: the Doris "brief" of `SHOW SNAPSHOT ... WHERE` (`olap_table_list`
/// with partition names only), and an `__info` document (`backup_objects` with partitions,
/// indexes, tablets and file names). Tablets are nil when only the brief is known.
public struct SnapshotContents: Sendable, Hashable {
    /// A backed-up table and its partitions.
    public struct Table: Sendable, Hashable {
        public var name: String
        public var partitions: [Partition]

        public init(name: String, partitions: [Partition]) {
            self.name = name
            self.partitions = partitions
        }
    }

    /// A partition at its backed-up version; tablets only when the `__info` document is known.
    public struct Partition: Sendable, Hashable {
        public var name: String
        public var version: Int64?
        public var tablets: [Tablet]?

        public init(name: String, version: Int64?, tablets: [Tablet]?) {
            self.name = name
            self.version = version
            self.tablets = tablets
        }
    }

    /// A tablet and its files (names carry their MD5 suffix).
    public struct Tablet: Sendable, Hashable {
        public var id: String
        public var files: [String]

        public init(id: String, files: [String]) {
            self.id = id
            self.files = files
        }
    }

    public var database: String?
    public var tables: [Table]

    public init(database: String?, tables: [Table]) {
        self.database = database
        self.tables = tables
    }

    public func table(named name: String) -> Table? {
        tables.first { $0.name == name }
    }

    public static func parse(_ json: String) -> SnapshotContents? {
        // A read: text that is not JSON is reported by the caller as an unknown format.
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        let database = object["database"] as? String
        if let objects = object["backup_objects"] as? [String: Any] {
            return SnapshotContents(database: database, tables: parseInfo(objects))
        }
        if let list = object["olap_table_list"] as? [[String: Any]] {
            let tables = list.compactMap { entry -> Table? in
                guard let name = entry["name"] as? String else { return nil }
                let partitions = (entry["partition_names"] as? [String] ?? []).map {
                    Partition(name: $0, version: nil, tablets: nil)
                }
                return Table(name: name, partitions: partitions)
            }
            return SnapshotContents(database: database, tables: tables)
        }
        return nil
    }

    private static func parseInfo(_ objects: [String: Any]) -> [Table] {
        objects.keys.sorted().compactMap { tableName -> Table? in
            guard let table = objects[tableName] as? [String: Any] else { return nil }
            let partitions = table["partitions"] as? [String: Any] ?? [:]
            return Table(name: tableName, partitions: partitions.keys.sorted().compactMap { partitionName in
                guard let partition = partitions[partitionName] as? [String: Any] else { return nil }
                let indexes = partition["indexes"] as? [String: Any] ?? [:]
                var tablets: [Tablet] = []
                for indexName in indexes.keys.sorted() {
                    guard let index = indexes[indexName] as? [String: Any],
                          let map = index["tablets"] as? [String: Any]
                    else { continue }
                    let order = (index["tablets_order"] as? [Any])?.map { "\($0)" } ?? map.keys.sorted { numericLess($0, $1) }
                    tablets += order.map { Tablet(id: $0, files: (map[$0] as? [String]) ?? []) }
                }
                return Partition(name: partitionName, version: number(partition["version"]), tablets: tablets)
            })
        }
    }

    private static func number(_ value: Any?) -> Int64? {
        if let n = value as? NSNumber { return n.int64Value }
        if let s = value as? String { return Int64(s) }
        return nil
    }

    private static func numericLess(_ a: String, _ b: String) -> Bool {
        if let x = Int64(a), let y = Int64(b) { return x < y }
        return a < b
    }
}
