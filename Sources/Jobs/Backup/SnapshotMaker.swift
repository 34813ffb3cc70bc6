import Catalog
import Foundation
import Storage

/// Takes and releases backend snapshots: hard links of a tablet's immutable segment files,
/// plus its header file, under `backends/<be>/snapshot/<folder>/<tabletId>/`.
struct SnapshotMaker: Sendable {
    let layout: DataLayout

    func folder(backend: ObjectID, name: String) -> String {
        layout.backendDirectory(backend) + "/snapshot/" + name
    }

    /// Links the tablet's files into the snapshot folder (again if they are already there).
    func snapshot(tablet: BackupPlan.TabletPlan, schemaHash: Int64, backend: ObjectID, folderName: String) throws {
        let dir = folder(backend: backend, name: folderName) + "/\(tablet.tabletId)"
        try DurableFile.makeDirectories(dir)
        for rowset in tablet.rowsets {
            let source = layout.absolute(layout.segmentFile(backend: backend, tablet: tablet.tabletId, rowset: rowset.id))
            let target = dir + "/" + rowset.fileName
            unlink(target)
            guard link(source, target) == 0 else { throw FileError("link", source) }
        }
        let header = TabletHeader(tabletId: tablet.tabletId, schemaHash: schemaHash, rowsets: tablet.rowsets)
        // Snapshots are redone after a crash, so their header needs no fsync.
        try DurableFile.write(header.encode(), to: dir + "/" + header.fileName, durable: false)
    }

    func hasSnapshot(tablet: BackupPlan.TabletPlan, backend: ObjectID, folderName: String) -> Bool {
        let dir = folder(backend: backend, name: folderName) + "/\(tablet.tabletId)"
        return tablet.rowsets.allSatisfy { FileManager.default.fileExists(atPath: dir + "/" + $0.fileName) }
    }

    func segmentPath(tablet: ObjectID, rowset: RowsetRecord, backend: ObjectID, folderName: String) -> String {
        folder(backend: backend, name: folderName) + "/\(tablet)/" + rowset.fileName
    }

    func release(backend: ObjectID, folderName: String) {
        DurableFile.remove(folder(backend: backend, name: folderName))
    }

    /// `<yyyyMMddHHmmss>.<jobId>.<timeoutSeconds>`, the name Doris's backends give snapshots.
    static func folderName(createTime: Int64, jobId: Int64, timeoutSeconds: Int64) -> String {
        var t = time_t(createTime / 1000)
        var parts = tm()
        localtime_r(&t, &parts)
        let stamp = String(format: "%04d%02d%02d%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
        return "\(stamp).\(jobId).\(timeoutSeconds)"
    }
}
