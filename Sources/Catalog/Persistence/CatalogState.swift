/// Everything the catalog knows, in memory, with parent → children indexes.
///
/// `CatalogStore` owns the one live copy; readers take a value copy (cheap: dictionaries are
/// copy-on-write) and never see a statement half-applied.
public struct CatalogState: Sendable {
    public internal(set) var backends: [ObjectID: Backend] = [:]
    public internal(set) var databases: [ObjectID: DatabaseRecord] = [:]
    public internal(set) var tables: [ObjectID: TableRecord] = [:]
    public internal(set) var partitions: [ObjectID: PartitionRecord] = [:]
    public internal(set) var tablets: [ObjectID: TabletRecord] = [:]
    public internal(set) var replicas: [ObjectID: ReplicaRecord] = [:]
    public internal(set) var rowsets: [ObjectID: RowsetRecord] = [:]
    public internal(set) var users: [String: UserRecord] = [:]
    public internal(set) var config: [String: String] = [:]
    public internal(set) var repositories: [ObjectID: RepositoryRecord] = [:]
    /// Grows with every committed change: readers that derive something costly from the
    /// catalog (the dashboard's tree) rebuild it only when this moved.
    public internal(set) var revision: Int64 = 0

    var tablesByDatabase: [ObjectID: [ObjectID]] = [:]
    var partitionsByTable: [ObjectID: [ObjectID]] = [:]
    var tabletsByPartition: [ObjectID: [ObjectID]] = [:]
    var replicasByTablet: [ObjectID: [ObjectID]] = [:]
    var rowsetsByTablet: [ObjectID: [ObjectID]] = [:]

    public init() {}

    public var sortedBackends: [Backend] { backends.values.sorted { $0.id < $1.id } }

    public func repository(named name: String) -> RepositoryRecord? {
        repositories.values.first { $0.name == name }
    }

    public func database(named name: String) -> DatabaseRecord? {
        databases.values.first { $0.name == name }
    }

    /// Tables users can see (not being built by a restore).
    public func tables(in databaseId: ObjectID) -> [TableRecord] {
        allTables(in: databaseId).filter { $0.hiddenByJob == nil }
    }

    /// Every table, hidden ones included.
    public func allTables(in databaseId: ObjectID) -> [TableRecord] {
        (tablesByDatabase[databaseId] ?? []).compactMap { tables[$0] }
    }

    /// A table users can see.
    public func table(named name: String, in databaseId: ObjectID) -> TableRecord? {
        tables(in: databaseId).first { $0.name == name }
    }

    /// A table by name, hidden ones included (names are unique across both).
    public func anyTable(named name: String, in databaseId: ObjectID) -> TableRecord? {
        allTables(in: databaseId).first { $0.name == name }
    }

    /// Partitions users can see, in creation order.
    public func partitions(of tableId: ObjectID) -> [PartitionRecord] {
        allPartitions(of: tableId).filter { $0.hiddenByJob == nil }
    }

    /// Every partition, hidden ones included, in creation order.
    public func allPartitions(of tableId: ObjectID) -> [PartitionRecord] {
        (partitionsByTable[tableId] ?? []).compactMap { partitions[$0] }
    }

    /// Tablets in bucket order.
    public func tablets(of partitionId: ObjectID) -> [TabletRecord] {
        (tabletsByPartition[partitionId] ?? []).compactMap { tablets[$0] }
            .sorted { $0.bucket < $1.bucket }
    }

    public func replicas(of tabletId: ObjectID) -> [ReplicaRecord] {
        (replicasByTablet[tabletId] ?? []).compactMap { replicas[$0] }
    }

    /// Rowsets in version order; the several rowsets a big load writes into one tablet share
    /// its version and come in the order they were written.
    public func rowsets(of tabletId: ObjectID) -> [RowsetRecord] {
        (rowsetsByTablet[tabletId] ?? []).compactMap { rowsets[$0] }
            .sorted { ($0.version, $0.id) < ($1.version, $1.id) }
    }

    /// How many versions a tablet's rowsets make up (fewer than its rowsets after a big load).
    public func versionCount(of tabletId: ObjectID) -> Int {
        Set(rowsets(of: tabletId).map(\.version)).count
    }
}

/// A record kind the catalog keeps in a dictionary by id, persisted in its own SQLite table.
protocol CatalogEntity: Sendable {
    var id: ObjectID { get }
    /// The owning object (database of a table, table of a partition, ...), nil for roots.
    var parentId: ObjectID? { get }
    static var records: WritableKeyPath<CatalogState, [ObjectID: Self]> { get }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? { get }
}

extension Backend: CatalogEntity {
    var parentId: ObjectID? { nil }
    static var records: WritableKeyPath<CatalogState, [ObjectID: Backend]> { \.backends }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? { nil }
}

extension DatabaseRecord: CatalogEntity {
    var parentId: ObjectID? { nil }
    static var records: WritableKeyPath<CatalogState, [ObjectID: DatabaseRecord]> { \.databases }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? { nil }
}

extension TableRecord: CatalogEntity {
    var parentId: ObjectID? { databaseId }
    static var records: WritableKeyPath<CatalogState, [ObjectID: TableRecord]> { \.tables }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? {
        \.tablesByDatabase
    }
}

extension PartitionRecord: CatalogEntity {
    var parentId: ObjectID? { tableId }
    static var records: WritableKeyPath<CatalogState, [ObjectID: PartitionRecord]> {
        \.partitions
    }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? {
        \.partitionsByTable
    }
}

extension TabletRecord: CatalogEntity {
    var parentId: ObjectID? { partitionId }
    static var records: WritableKeyPath<CatalogState, [ObjectID: TabletRecord]> { \.tablets }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? {
        \.tabletsByPartition
    }
}

extension ReplicaRecord: CatalogEntity {
    var parentId: ObjectID? { tabletId }
    static var records: WritableKeyPath<CatalogState, [ObjectID: ReplicaRecord]> { \.replicas }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? {
        \.replicasByTablet
    }
}

extension RepositoryRecord: CatalogEntity {
    var parentId: ObjectID? { nil }
    static var records: WritableKeyPath<CatalogState, [ObjectID: RepositoryRecord]> { \.repositories }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? { nil }
}

extension RowsetRecord: CatalogEntity {
    var parentId: ObjectID? { tabletId }
    static var records: WritableKeyPath<CatalogState, [ObjectID: RowsetRecord]> { \.rowsets }
    static var children: WritableKeyPath<CatalogState, [ObjectID: [ObjectID]]>? {
        \.rowsetsByTablet
    }
}

extension CatalogState {
    mutating func place<E: CatalogEntity>(_ entity: E) {
        let previous = self[keyPath: E.records].updateValue(entity, forKey: entity.id)
        guard let children = E.children else { return }
        if let old = previous?.parentId, old != entity.parentId {
            self[keyPath: children][old]?.removeAll { $0 == entity.id }
        }
        if let parent = entity.parentId, previous?.parentId != parent {
            self[keyPath: children][parent, default: []].append(entity.id)
        }
    }

    mutating func remove<E: CatalogEntity>(_ type: E.Type, id: ObjectID) {
        guard let old = self[keyPath: E.records].removeValue(forKey: id) else { return }
        if let children = E.children, let parent = old.parentId {
            self[keyPath: children][parent]?.removeAll { $0 == id }
            if self[keyPath: children][parent]?.isEmpty == true {
                self[keyPath: children][parent] = nil
            }
        }
    }

    mutating func setUser(_ user: UserRecord?, name: String) { users[name] = user }
    mutating func setConfig(_ value: String?, key: String) { config[key] = value }
}
