import Catalog
import Foundation
import Repository

/// Cross-checks the three descriptions a snapshot gives of itself, so that an edited file
/// whose MD5 name was made to match again is still caught before a restore commits:
/// `__info` lists every tablet's files, `__meta` the tables, partitions, versions, tablets
/// and (for snapshots written since it records them) each tablet's row count, and each
/// tablet's header the rowsets its segment files hold. A RESTORE and ADMIN CHECK SNAPSHOT
/// both refuse any disagreement, naming the file that disagrees.
public struct SnapshotConsistency: Sendable {
    public let info: SnapshotInfoFile
    public let meta: SnapshotMeta
    /// File names for messages (`__info_<timestamp>.<md5>`, `__meta.<md5>`).
    public let infoName: String
    public let metaName: String

    public init(info: SnapshotInfoFile, meta: SnapshotMeta, infoName: String, metaName: String) {
        self.info = info
        self.meta = meta
        self.infoName = infoName
        self.metaName = metaName
    }

    /// `__info` against `__meta`: the same tables, partitions (ids and versions) and tablets,
    /// in the same bucket order, and for a snapshot with data, one header per tablet.
    public func checkStructure() throws(JobError) {
        let infoTables = Set(info.tables.map(\.name))
        if let extra = meta.tables.first(where: { !infoTables.contains($0.table.name) }) {
            throw disagree("\(metaName) lists table \(extra.table.name), which \(infoName) does not")
        }
        for table in info.tables {
            guard let described = meta.tables.first(where: { $0.table.name == table.name }) else {
                throw disagree("\(infoName) lists table \(table.name), which \(metaName) does not")
            }
            if described.table.id != table.id {
                throw disagree("table \(table.name) has id \(table.id) in \(infoName) and \(described.table.id) in \(metaName)")
            }
            let names = Set(table.partitions.map(\.name))
            if let extra = described.partitions.first(where: { !names.contains($0.name) }) {
                throw disagree("\(metaName) lists partition \(extra.name) of table \(table.name), which \(infoName) does not")
            }
            for partition in table.partitions {
                try checkPartition(partition, of: table, described: described)
            }
        }
    }

    private func checkPartition(_ partition: SnapshotInfoFile.Partition, of table: SnapshotInfoFile.Table,
                                described: SnapshotMeta.Table) throws(JobError) {
        let place = "partition \(partition.name) of table \(table.name)"
        guard let record = described.partitions.first(where: { $0.name == partition.name }) else {
            throw disagree("\(infoName) lists \(place), which \(metaName) does not")
        }
        if record.id != partition.id || record.visibleVersion != partition.version {
            throw disagree("\(place) is id \(partition.id) version \(partition.version) in \(infoName) and id \(record.id) version \(record.visibleVersion) in \(metaName)")
        }
        guard partition.indexes.count == 1, let index = partition.indexes.first else {
            throw disagree("\(place) has \(partition.indexes.count) indexes in \(infoName); a SnapDeck table has one")
        }
        let listed = index.tablets.map(\.id)
        let expected = described.tablets[String(record.id)] ?? []
        if listed != expected {
            throw disagree("\(place) has tablets \(Self.ids(listed)) in \(infoName) and \(Self.ids(expected)) in \(metaName)")
        }
        for tablet in index.tablets {
            let headers = tablet.files.filter { ChecksumName.split($0)?.name == "\(tablet.id).hdr" }
            if info.content == "METADATA_ONLY" {
                if !tablet.files.isEmpty { throw disagree("tablet \(tablet.id) lists files in \(infoName), which is metadata only") }
            } else if headers.count != 1 {
                throw disagree("tablet \(tablet.id) of \(place) lists \(headers.count) header files in \(infoName) (\(tablet.files.count) files in all); it needs exactly one")
            }
        }
    }

    /// Every tablet's header against the files `__info` lists for it and the version and rows
    /// `__meta` gives; `headers` maps tablet ids to their decoded headers.
    public func checkTablets(_ headers: [ObjectID: TabletHeader]) throws(JobError) {
        for table in info.tables {
            for partition in table.partitions {
                for tablet in partition.indexes.flatMap(\.tablets) {
                    guard let header = headers[tablet.id] else { continue }
                    try Self.checkTablet(TabletExpectation(tabletId: tablet.id, files: tablet.files, partitionVersion: partition.version,
                                                           rows: meta.rows(ofTablet: tablet.id)),
                                         header: header, infoName: infoName, metaName: metaName)
                }
            }
        }
    }

    /// What `__info` and `__meta` say of one tablet.
    public struct TabletExpectation: Sendable {
        public var tabletId: ObjectID
        public var files: [String]
        public var partitionVersion: Int64
        public var rows: Int64?
        public init(tabletId: ObjectID, files: [String], partitionVersion: Int64, rows: Int64?) {
            self.tabletId = tabletId
            self.files = files
            self.partitionVersion = partitionVersion
            self.rows = rows
        }
    }

    /// One tablet's header against what `__info` and `__meta` say of the tablet.
    public static func checkTablet(_ expected: TabletExpectation, header: TabletHeader, infoName: String, metaName: String) throws(JobError) {
        let tabletId = expected.tabletId
        func disagree(_ detail: String) -> JobError { JobError("the snapshot's files disagree: tablet \(tabletId): \(detail)") }
        if header.tabletId != tabletId { throw disagree("the header \(infoName) lists for it describes tablet \(header.tabletId)") }
        var segments: [String: String] = [:]
        for file in expected.files {
            guard let split = ChecksumName.split(file) else { throw disagree("\(file) in \(infoName) has no MD5 in its name") }
            if split.name.hasSuffix(".dat") { segments[split.name] = split.md5 }
        }
        var described: Set<String> = []
        var rows: Int64 = 0
        for rowset in header.rowsets {
            let name = "\(rowset.id)_0.dat"
            guard let md5 = segments[name] else { throw disagree("its header lists \(name), which \(infoName) does not") }
            if md5 != rowset.md5 { throw disagree("\(name) has MD5 \(md5) in \(infoName) and \(rowset.md5) in its header") }
            if rowset.version > expected.partitionVersion {
                throw disagree("\(name) is version \(rowset.version), after the partition's version \(expected.partitionVersion)")
            }
            described.insert(name)
            rows += rowset.rows
        }
        if let extra = segments.keys.sorted().first(where: { !described.contains($0) }) {
            throw disagree("\(infoName) lists \(extra), which its header does not")
        }
        if let want = expected.rows, want != rows { throw disagree("it holds \(rows) rows by its header and \(want) by \(metaName)") }
    }

    private func disagree(_ detail: String) -> JobError {
        JobError("the snapshot's files disagree: \(detail)")
    }

    private static func ids(_ ids: [ObjectID]) -> String {
        let shown = ids.prefix(8).map(String.init).joined(separator: ", ")
        return "[" + shown + (ids.count > 8 ? ", ... (\(ids.count))" : "") + "]"
    }
}
