import Catalog
import Essentials
import Foundation
import Storage

/// Takes and releases backend snapshots: hard links of a tablet's immutable segment files under
/// `backends/<be>/snapshot/<folder>/<tabletId>/` (SPEC §3.2).
///
/// Only the links: Doris's backends also write a tablet header there, but SnapDeck's upload
/// derives each header from the job's plan, so a header file would be an inode allocated for
/// nothing. On a file system busy freeing inodes that allocation is what costs: a 5,000-tablet
/// snapshot took ~4.5 s with headers and ~1.5 s without (links alone allocate no inode).
struct SnapshotMaker: Sendable {
    let layout: DataLayout

    func folder(backend: ObjectID, name: String) -> String {
        layout.backendDirectory(backend) + "/snapshot/" + name
    }

    /// Links the tablet's files into the snapshot folder (again if they are already there).
    func snapshot(tablet: BackupPlan.TabletPlan, backend: ObjectID, folderName: String) throws {
        try DurableFile.makeDirectories(tabletFolder(tablet.tabletId, backend: backend, folderName: folderName))
        for rowset in tablet.rowsets {
            let source = layout.absolute(layout.segmentFile(backend: backend, tablet: tablet.tabletId, rowset: rowset.id))
            let target = segmentPath(tablet: tablet.tabletId, rowset: rowset, backend: backend, folderName: folderName)
            unlink(target)
            guard link(source, target) == 0 else { throw FileError("link", source) }
        }
    }

    func hasSnapshot(tablet: BackupPlan.TabletPlan, backend: ObjectID, folderName: String) -> Bool {
        tablet.rowsets.allSatisfy {
            FileManager.default.fileExists(atPath: segmentPath(tablet: tablet.tabletId, rowset: $0, backend: backend, folderName: folderName))
        }
    }

    func segmentPath(tablet: ObjectID, rowset: RowsetRecord, backend: ObjectID, folderName: String) -> String {
        tabletFolder(tablet, backend: backend, folderName: folderName) + "/" + rowset.fileName
    }

    private func tabletFolder(_ tablet: ObjectID, backend: ObjectID, folderName: String) -> String {
        folder(backend: backend, name: folderName) + "/\(tablet)"
    }

    func release(backend: ObjectID, folderName: String) {
        DurableFile.remove(folder(backend: backend, name: folderName))
    }

    /// `<yyyyMMddHHmmss>.<jobId>.<timeoutSeconds>`, the name Doris's backends give snapshots.
    static func folderName(createTime: Int64, jobId: Int64, timeoutSeconds: Int64) -> String {
        let time = LocalTime(epochSeconds: createTime / 1000)
        return "\(time.compactDate)\(time.compactClock).\(jobId).\(timeoutSeconds)"
    }
}
