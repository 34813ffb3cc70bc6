/// A node of the catalog tree the engine publishes: database → table → partition → tablet.
///
/// Sizes are bytes on one replica; `files` counts segment files (what a backup copies, and the
/// per-file cost that makes many small versions slow). Fields that do not apply to a level stay
/// nil: `replication` is a table's, `range` a partition's, `backends` a tablet's.
public struct CatalogNode: Sendable, Hashable {
    /// The level of a node.
    public enum Kind: String, Sendable, Hashable {
        case database
        case table
        case partition
        case tablet

    }

    public var kind: Kind
    public var id: Int64
    public var name: String
    public var rows: Int64
    public var bytes: Int64
    public var files: Int
    public var version: Int64?
    public var versionCount: Int?
    public var replication: Int?
    public var range: String?
    public var backends: [Int64]
    public var children: [CatalogNode]

    public init(
        kind: Kind, id: Int64, name: String, rows: Int64 = 0, bytes: Int64 = 0, files: Int = 0, version: Int64? = nil,
        versionCount: Int? = nil, replication: Int? = nil, range: String? = nil, backends: [Int64] = [],
        children: [CatalogNode] = []
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.rows = rows
        self.bytes = bytes
        self.files = files
        self.version = version
        self.versionCount = versionCount
        self.replication = replication
        self.range = range
        self.backends = backends
        self.children = children
    }

    public func child(named name: String) -> CatalogNode? {
        children.first { $0.name == name }
    }

    /// Tablets below this node (itself for a tablet).
    public var tabletCount: Int {
        kind == .tablet ? 1 : children.reduce(0) { $0 + $1.tabletCount }
    }
}
