import Catalog
import Foundation

/// SnapDeck's `__meta` file: the DDL-level description of every backed-up table, restricted to
/// the backed-up partitions (schema, keys, partitioning with bounds and versions, distribution,
/// replication, properties). A restore rebuilds tables from it.
public struct SnapshotMeta: Sendable, Codable, Equatable {
    public struct Table: Sendable, Codable, Equatable {
        public var table: TableRecord
        public var partitions: [PartitionRecord]
        /// Tablet ids of each partition (by partition id, as a string key), in bucket order.
        public var tablets: [String: [ObjectID]]
        /// Rows of each tablet at the backed-up version (by tablet id, as a string key); nil in
        /// snapshots written before it was recorded.
        public var tabletRows: [String: Int64]?
    }
    public var formatVersion = 1
    public var database: String
    public var tables: [Table]

    /// Rows of a tablet at the backed-up version, when the snapshot recorded them.
    public func rows(ofTablet id: ObjectID) -> Int64? {
        for table in tables {
            if let rows = table.tabletRows?[String(id)] { return rows }
        }
        return nil
    }

    /// Canonical JSON (sorted keys), so the same content always has the same MD5.
    public func encode() throws -> [UInt8] { try CanonicalJSON.encode(self) }

    public static func decode(_ bytes: [UInt8]) throws -> SnapshotMeta {
        try JSONDecoder().decode(SnapshotMeta.self, from: Data(bytes))
    }
}

/// JSON with sorted keys: the bytes, and so the MD5 in a file's name, depend on the content only.
enum CanonicalJSON {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(value))
    }
}

/// The small header file a snapshot keeps beside a tablet's segment links (Doris's
/// `<tabletId>.hdr`): which rowsets make up the tablet at the backed-up version. Its bytes do
/// not depend on the replica, so every replica yields the same file and checksum.
public struct TabletHeader: Sendable, Codable, Equatable {
    public struct Rowset: Sendable, Codable, Equatable {
        public var id: ObjectID
        public var version: Int64
        public var rows: Int64
        public var size: Int64
        public var md5: String
        public var crc32c: UInt32
    }
    public var tabletId: ObjectID
    public var schemaHash: Int64
    public var rowsets: [Rowset]

    public init(tabletId: ObjectID, schemaHash: Int64, rowsets: [RowsetRecord]) {
        self.tabletId = tabletId
        self.schemaHash = schemaHash
        self.rowsets = rowsets.map {
            Rowset(id: $0.id, version: $0.version, rows: $0.rowCount, size: $0.size, md5: $0.md5, crc32c: $0.crc32c)
        }
    }

    public var fileName: String { "\(tabletId).hdr" }

    /// Canonical JSON (sorted keys), so the same content always has the same MD5.
    public func encode() throws -> [UInt8] { try CanonicalJSON.encode(self) }

    public static func decode(_ bytes: [UInt8]) throws -> TabletHeader {
        try JSONDecoder().decode(TabletHeader.self, from: Data(bytes))
    }

    /// A stable 31-bit hash of a table's schema (Doris's `schema_hash`).
    public static func schemaHash(of table: TableRecord) -> Int64 {
        var text = ""
        for c in table.columns { text += "\(c.name):\(c.type.sqlName):\(c.nullable);" }
        var h: UInt32 = 2_166_136_261
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return Int64(h & 0x7fff_ffff)
    }
}
