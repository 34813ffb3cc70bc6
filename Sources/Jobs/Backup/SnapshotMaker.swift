import Catalog
import Foundation
import Storage

/// Takes and releases backend snapshots: hard links of a tablet's immutable segment files in
/// `backends/<be>/snapshot/<folder>/`, one flat folder per backend and job.
///
/// Flat on purpose: segment file names carry the rowset id, unique in the cluster, so no
/// per-tablet folder is needed, and a link allocates no inode while a folder does. On a file
/// system busy freeing inodes, 5,000 per-tablet folders plus header files made SNAPSHOTING of
/// a 5,000-tablet backup slower than `cp -al` of the same tree. No header file is kept here:
/// the upload derives each tablet's header from the job's plan.
struct SnapshotMaker: Sendable {
    let layout: DataLayout

    func folder(backend: ObjectID, name: String) -> String {
        layout.backendDirectory(backend) + "/snapshot/" + name
    }

    /// Links the tablet's files into the snapshot folder (again if they are already there).
    func snapshot(tablet: BackupPlan.TabletPlan, backend: ObjectID, folderName: String) throws {
        let dir = folder(backend: backend, name: folderName)
        try DurableFile.makeDirectories(dir)
        for rowset in tablet.rowsets {
            let source = layout.absolute(layout.segmentFile(backend: backend, tablet: tablet.tabletId, rowset: rowset.id))
            let target = segmentPath(rowset: rowset, backend: backend, folderName: folderName)
            unlink(target)
            guard link(source, target) == 0 else { throw FileError("link", source) }
        }
    }

    func hasSnapshot(tablet: BackupPlan.TabletPlan, backend: ObjectID, folderName: String) -> Bool {
        tablet.rowsets.allSatisfy {
            FileManager.default.fileExists(atPath: segmentPath(rowset: $0, backend: backend, folderName: folderName))
        }
    }

    func segmentPath(rowset: RowsetRecord, backend: ObjectID, folderName: String) -> String {
        folder(backend: backend, name: folderName) + "/" + rowset.fileName
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
