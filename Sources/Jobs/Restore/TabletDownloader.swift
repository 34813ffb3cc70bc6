import Catalog
import Foundation
import Repository
import Storage

/// Downloads one backed-up tablet into the staging folder of its target replicas: every file
/// the snapshot lists, each checked against the MD5 in its name; the header tells which
/// rowsets the segments are. Segments are renamed to their new rowset ids on the way.
struct TabletDownloader: @unchecked Sendable {
    let host: JobHost
    let repository: RepositoryRecord
    let stagingFolder: String
    let control: TransferControl
    let progress: TransferProgress
    /// The snapshot's `__info` and `__meta` file names, for messages.
    let infoName: String
    let metaName: String
    /// The time staged rowsets record as their creation.
    let clock: any JobClock

    func download(_ tablet: RestorePlan.Tablet) -> RestoreMachine.DownloadResult {
        func failure(_ message: String, fatal: Bool) -> RestoreMachine.DownloadResult {
            RestoreMachine.DownloadResult(targetTablet: tablet.targetTabletId, sourceTablet: tablet.sourceTabletId, rowsets: [], error: message, fatal: fatal)
        }
        guard let first = tablet.backends.first else { return failure("tablet \(tablet.targetTabletId) has no replica", fatal: true) }
        let catalog = host.catalog
        guard catalog.backends[first]?.alive == true else { return failure("backend \(first) is down", fatal: false) }
        let maker = SnapshotMaker(layout: host.layout)
        let staging = maker.folder(backend: first, name: stagingFolder) + "/\(tablet.targetTabletId)"
        do {
            let store = try host.objectStore(for: repository)
            try DurableFile.makeDirectories(staging)
            var header: TabletHeader?
            var sizes: [String: Int64] = [:]
            for file in tablet.files {
                guard let (name, md5) = ChecksumName.split(file) else {
                    return failure("invalid file name in snapshot info: \(file)", fatal: true)
                }
                let key = tablet.key(of: file)
                let isHeader = name.hasSuffix(".hdr")
                let local = staging + "/" + (tablet.rowsetIds[name].map { "\($0)_0.dat" } ?? name)
                // The header is read, not kept: it comes into memory, which spares creating
                // (and later deleting) one small file per tablet.
                var headerBytes: [UInt8] = []
                let fetched: Result<String, ObjectStoreError> = Result { () throws(ObjectStoreError) -> String in
                    if isHeader {
                        headerBytes = try store.get(key)
                        return ChecksumName.md5(of: headerBytes)
                    }
                    return try store.getFile(key, to: local, control: control)
                }
                if case .failure(let error) = fetched, error.kind == .notFound {
                    return failure("file \(key) listed in the snapshot info is missing from the repository", fatal: true)
                }
                let got = try fetched.get()
                guard got == md5 else {
                    return failure("invalid md5 of downloaded file: \(key), expected: \(md5), get: \(got)", fatal: true)
                }
                if isHeader {
                    progress.fileDone(bytes: Int64(headerBytes.count))
                    let decoded: TabletHeader
                    do {
                        decoded = try TabletHeader.decode(headerBytes)
                    } catch {
                        return failure("cannot read the tablet header \(key): \(error)", fatal: true)
                    }
                    let expected = SnapshotConsistency.TabletExpectation(
                        tabletId: tablet.sourceTabletId, files: tablet.files, partitionVersion: tablet.partitionVersion ?? .max,
                        rows: tablet.expectedRows)
                    try SnapshotConsistency.checkTablet(expected, header: decoded, infoName: infoName, metaName: metaName)
                    header = decoded
                } else {
                    let size = Int64(try FileManager.default.attributesOfItem(atPath: local)[.size] as? Int ?? 0)
                    progress.fileDone(bytes: size)
                    sizes[name] = size
                }
            }
            let rowsets = try rowsetRecords(tablet, header: header, sizes: sizes)
            for backend in tablet.backends.dropFirst() {
                let copy = maker.folder(backend: backend, name: stagingFolder) + "/\(tablet.targetTabletId)"
                try DurableFile.makeDirectories(copy)
                for rowset in rowsets {
                    let target = copy + "/" + rowset.fileName
                    if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
                    try FileManager.default.copyItem(atPath: staging + "/" + rowset.fileName, toPath: target)
                }
            }
            return RestoreMachine.DownloadResult(targetTablet: tablet.targetTabletId, sourceTablet: tablet.sourceTabletId, rowsets: rowsets, error: nil, fatal: false)
        } catch let error as ObjectStoreError {
            var result = failure(error.message, fatal: error.kind == .checksumMismatch)
            result.needsOperator = error.needsOperator
            return result
        } catch let error as JobError {
            // The snapshot contradicts itself: downloading again cannot change that.
            return failure(error.message, fatal: true)
        } catch {
            return failure("\(error)", fatal: false)
        }
    }

    /// Catalog records for the staged segments: ids from the plan, versions, rows and CRC32C
    /// from the header, MD5 from the verified name.
    private func rowsetRecords(_ tablet: RestorePlan.Tablet, header: TabletHeader?, sizes: [String: Int64]) throws -> [RowsetRecord] {
        guard !tablet.rowsetIds.isEmpty else { return [] }
        guard let header else { throw JobError("tablet \(tablet.sourceTabletId): the snapshot has no header file") }
        let createdAt = Int64(clock.now().timeIntervalSince1970)
        var records: [RowsetRecord] = []
        for source in header.rowsets {
            let name = "\(source.id)_0.dat"
            guard let id = tablet.rowsetIds[name] else {
                throw JobError("tablet \(tablet.sourceTabletId): header lists \(name), which the snapshot info does not")
            }
            guard sizes[name] == source.size else {
                throw JobError("tablet \(tablet.sourceTabletId): \(name) is \(sizes[name] ?? 0) bytes, header says \(source.size)")
            }
            records.append(RowsetRecord(
                id: id, tabletId: tablet.targetTabletId, version: source.version, rowCount: source.rows, size: source.size,
                md5: source.md5, crc32c: source.crc32c, createdAt: createdAt))
        }
        return records
    }
}
