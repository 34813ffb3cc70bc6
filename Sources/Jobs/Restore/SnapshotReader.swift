import Foundation
import Repository
import Storage

/// Reads a snapshot's `__info` and `__meta`, checking both files' MD5 against their names and
/// the two against each other (`SnapshotConsistency.checkStructure`).
public struct SnapshotReader {
    let store: ObjectStore
    let repositoryName: String

    public init(store: ObjectStore, repositoryName: String) {
        self.store = store
        self.repositoryName = repositoryName
    }

    public func read(label: String, timestamp: String) throws -> SnapshotConsistency {
        let browser = SnapshotBrowser(store: store, repositoryName: repositoryName)
        let info: SnapshotInfoFile
        do {
            info = try browser.info(label: label, timestamp: timestamp)
        } catch {
            throw JobError("Failed to get info of snapshot '\(label)' because: \(error.message)")
        }
        guard let key = try browser.metaFile(label: label) else {
            throw JobError("Failed create backup meta from file: __meta of snapshot \(label) is missing")
        }
        let bytes = try store.get(key)
        let md5 = Checksums.md5Hex(bytes)
        guard key.hasSuffix("." + md5) else {
            throw JobError("[BAD_FILE] md5sum does not equal. local: \(md5), remote: \(key.split(separator: ".").last ?? ""), file: \(key)")
        }
        let meta: SnapshotMeta
        do {
            meta = try SnapshotMeta.decode(bytes)
        } catch {
            throw JobError("Failed create backup meta from file: \(key), msg: \(error)")
        }
        let infoName = try browser.infoFileName(label: label, timestamp: timestamp)
        let snapshot = SnapshotConsistency(info: info, meta: meta, infoName: infoName, metaName: (key as NSString).lastPathComponent)
        try snapshot.checkStructure()
        return snapshot
    }
}
