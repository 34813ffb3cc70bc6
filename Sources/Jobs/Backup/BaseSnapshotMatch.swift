import Catalog
import Foundation
import Repository

/// The files of an incremental backup that its base snapshot already holds: for each planned
/// tablet, every file (segments `<name>.<md5>` and the header `<tablet>.hdr.<md5>`) the base
/// lists for the same tablet at the same place. The holder recorded is the folder that
/// physically has the file (the base's own, or the one the base itself points to), so a chain
/// of incremental snapshots never needs following.
struct BaseSnapshotMatch {
    private struct Place: Hashable {
        var table: ObjectID
        var partition: ObjectID
        var index: ObjectID
    }

    private let base: SnapshotInfoFile
    private var tablets: [ObjectID: (place: Place, files: Set<String>)] = [:]

    init(base: SnapshotInfoFile) {
        self.base = base
        for table in base.tables {
            for partition in table.partitions {
                for index in partition.indexes {
                    for tablet in index.tablets {
                        tablets[tablet.id] = (Place(table: table.id, partition: partition.id, index: index.id), Set(tablet.files))
                    }
                }
            }
        }
    }

    /// `fileLocations` for the job: tablet id → file → label of the folder holding it. A
    /// tablet of another database, table, partition or index (same id, another cluster) is
    /// never matched: its files would not be at the path a restore looks in.
    func locations(for record: BackupJobRecord) throws -> [Int64: [String: String]] {
        guard base.databaseId == record.databaseId, !record.metadataOnly else { return [:] }
        let artifacts = BackupArtifacts(record: record)
        var locations: [Int64: [String: String]] = [:]
        for t in record.plan?.tables ?? [] {
            for p in t.partitions {
                let place = Place(table: t.table.id, partition: p.partition.id, index: t.table.baseIndexId)
                for tablet in p.tablets {
                    guard let held = tablets[tablet.tabletId], held.place == place else { continue }
                    var found: [String: String] = [:]
                    for file in try artifacts.files(of: tablet, schemaHash: TabletHeader.schemaHash(of: t.table)) where held.files.contains(file) {
                        found[file] = base.provenance?.holder(of: file, tablet: tablet.tabletId, ownLabel: base.name) ?? base.name
                    }
                    if !found.isEmpty { locations[tablet.tabletId] = found }
                }
            }
        }
        return locations
    }
}
