import Foundation
import Repository
import TestSupport

/// A repository in memory holding hand-made snapshots whose `__info` carries provenance: each
/// snapshot has tablets 1 and 2, its own files in its folder and, for an incremental one, the
/// files it reads from other folders named in `fileLocations`.
struct LifecycleFixture {
    let store = MemoryObjectStore()
    let paths = RepositoryPaths(repositoryName: "r")
    static let owner = "cluster-a"

    /// The key of `file` of `tablet` in `holder`'s folder.
    func key(_ file: String, tablet: Int64, holder: String) -> String {
        paths.tabletDirectory(label: holder, dbId: 10, tableId: 20, partitionId: 30, indexId: 40, tabletId: tablet) + "/" + file
    }

    /// A file name with a checksum suffix, unique per (label, tablet, n).
    static func file(_ label: String, tablet: Int64, _ n: Int) -> String {
        let name = "\(label)_\(tablet)_\(n).dat"
        return ChecksumName.join(name: name, md5: ChecksumName.md5(of: Array(name.utf8)))
    }

    /// Writes snapshot `label`: `own` new files per tablet, plus every file `reads` names
    /// (tablet → file → holder label), which must exist in those folders already.
    @discardableResult
    func snapshot(
        _ label: String, own: Int = 2, reads: [Int64: [String: String]] = [:], base: String? = nil,
        owner: String? = LifecycleFixture.owner, expireTime: Int64? = nil, timestamp: String = "2026-01-01-00-00-00"
    ) throws -> SnapshotInfoFile {
        var tablets: [SnapshotInfoFile.Tablet] = []
        for tablet: Int64 in [1, 2] {
            let mine = (0..<own).map { Self.file(label, tablet: tablet, $0) }
            for file in mine { try store.put(Array(file.utf8), key: key(file, tablet: tablet, holder: label)) }
            tablets.append(SnapshotInfoFile.Tablet(id: tablet, files: mine + (reads[tablet] ?? [:]).keys.sorted()))
        }
        let provenance = SnapshotProvenance(
            kind: reads.isEmpty ? .full : .incremental, base: base.map { .init(label: $0, timestamp: timestamp) },
            fileLocations: reads, uploadedBytes: 1, totalBytes: 2, owner: owner, ttl: expireTime == nil ? nil : "1 DAY", expireTime: expireTime)
        let info = SnapshotInfoFile(
            name: label, database: "d", databaseId: 10, backupTime: 0,
            tables: [.init(name: "t", id: 20, partitions: [.init(name: "p", id: 30, version: 2, indexes: [
                .init(name: "t", id: 40, schemaHash: 1, tablets: tablets),
            ])])],
            provenance: provenance)
        let meta = Array("meta of \(label)".utf8)
        try store.put(meta, key: paths.metaFile(label: label, md5: ChecksumName.md5(of: meta)))
        let bytes = info.encode()
        try store.put(bytes, key: paths.infoFile(label: label, timestamp: timestamp, md5: ChecksumName.md5(of: bytes)))
        return info
    }

    /// Every file of `info`'s tablets with the folder that holds it: what an incremental taken
    /// on top of it reads.
    static func reads(of info: SnapshotInfoFile) -> [Int64: [String: String]] {
        var reads: [Int64: [String: String]] = [:]
        for tablet in info.tables[0].partitions[0].indexes[0].tablets {
            for file in tablet.files {
                reads[tablet.id, default: [:]][file] = info.provenance?.holder(of: file, tablet: tablet.id, ownLabel: info.name) ?? info.name
            }
        }
        return reads
    }

    /// Keys of the folder of `label`.
    func folder(_ label: String) -> [String] {
        store.keys.filter { $0.hasPrefix(paths.snapshotDirectory(label: label) + "/") }
    }

    func inventory() throws -> RepositoryInventory {
        try RepositoryInventory.read(store: store, repositoryName: "r")
    }

    /// Problems with the repository's soundness: a listed snapshot missing a file it reads or
    /// its meta.
    func unsoundSnapshots() throws -> [String] {
        let browser = SnapshotBrowser(store: store, repositoryName: "r")
        var problems: [String] = []
        let keys = Set(store.keys)
        for summary in try browser.summaries() where summary.status == "OK" {
            for timestamp in summary.timestamps {
                let info = try browser.info(label: summary.label, timestamp: timestamp)
                for key in info.fileKeys(in: paths) where !keys.contains(key) { problems.append("\(summary.label): \(key)") }
                if try browser.metaFile(label: summary.label) == nil { problems.append("\(summary.label): no meta") }
            }
        }
        return problems
    }
}
