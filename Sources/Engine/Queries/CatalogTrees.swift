import Catalog
import Foundation

/// Builds the catalog tree the dashboard browses, and keeps the last one per user: the
/// dashboard asks several times a second, and a large catalog changes far less often.
final class CatalogTrees: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: [String: (revision: Int64, user: UserRecord, tree: [CatalogTreeNode])] = [:]

    func tree(of catalog: CatalogState, for user: UserRecord) -> [CatalogTreeNode] {
        // A grant changes what the user sees, so the user's record is part of the key.
        if let hit = lock.withLock({ cached[user.name] }), hit.revision == catalog.revision, hit.user == user { return hit.tree }
        let tree = Self.build(catalog, visibleTo: user)
        lock.withLock { cached[user.name] = (catalog.revision, user, tree) }
        return tree
    }

    private static func build(_ catalog: CatalogState, visibleTo user: UserRecord) -> [CatalogTreeNode] {
        catalog.databases.values.filter { user.canSee(database: $0.name) }.sorted { $0.name < $1.name }.map { db in
            let tables = catalog.tables(in: db.id).sorted { $0.name < $1.name }.map { table in
                let partitions = catalog.partitions(of: table.id).map { p in
                    let tablets = catalog.tablets(of: p.id).map { tablet in
                        let rowsets = catalog.rowsets(of: tablet.id)
                        return CatalogTreeNode(
                            level: .tablet, id: tablet.id, name: String(tablet.id), rows: rowsets.reduce(0) { $0 + $1.rowCount },
                            bytes: rowsets.reduce(0) { $0 + $1.size }, files: rowsets.count, version: p.visibleVersion,
                            versionCount: catalog.versionCount(of: tablet.id), replication: nil,
                            backends: catalog.replicas(of: tablet.id).map(\.backendId), children: [])
                    }
                    return node(.partition, p.id, p.name, tablets, version: p.visibleVersion, replication: table.replicationNum)
                }
                return node(.table, table.id, table.name, partitions, replication: table.replicationNum)
            }
            return node(.database, db.id, db.name, tables)
        }
    }

    /// A node whose sizes are its children's sums.
    private static func node(_ level: CatalogTreeNode.Level, _ id: Int64, _ name: String, _ children: [CatalogTreeNode],
                             version: Int64? = nil, replication: Int? = nil) -> CatalogTreeNode {
        CatalogTreeNode(
            level: level, id: id, name: name, rows: children.reduce(0) { $0 + $1.rows }, bytes: children.reduce(0) { $0 + $1.bytes },
            files: children.reduce(0) { $0 + $1.files }, version: version, versionCount: nil, replication: replication,
            backends: [], children: children)
    }
}
