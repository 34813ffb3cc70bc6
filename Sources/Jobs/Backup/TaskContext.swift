import Catalog
import Foundation
import Repository
import Storage

/// Runs one snapshot or upload task on a worker thread and reports per-tablet results.
struct TaskContext: @unchecked Sendable {
    let scheduler: JobScheduler
    let job: BackupRuntime
    let host: JobHost
    /// The backend's shared rate limiter (looked up on the scheduler's queue, which owns them).
    let limiter: RateLimiter

    private var record: BackupJobRecord { scheduler.queue.sync { job.record } }

    func snapshot(_ work: TabletWork) -> JobScheduler.TabletResults {
        let record = self.record
        let maker = SnapshotMaker(layout: host.layout)
        let catalog = host.catalog
        return work.tablets.map { tablet in
            guard !job.tasks.cancel.isSet else { return (tablet.tabletId, nil, false) }
            guard catalog.backends[work.backend]?.alive == true else {
                return (tablet.tabletId, "backend \(work.backend) is down", true)
            }
            do {
                try maker.snapshot(tablet: tablet, backend: work.backend, folderName: record.snapshotFolders[work.backend] ?? "")
                return (tablet.tabletId, nil, false)
            } catch {
                return (tablet.tabletId, "make snapshot failed: \(error)", true)
            }
        }
    }

    func upload(_ work: TabletWork) -> JobScheduler.TabletResults {
        let record = self.record
        let settings = host.jobSettings
        let catalog = host.catalog
        guard let repository = catalog.repositories[record.repositoryId] else {
            return work.tablets.map { ($0.tabletId, "repository \(record.repositoryName) does not exist", false) }
        }
        let store: ObjectStore
        do {
            store = try host.objectStore(for: repository)
        } catch {
            return work.tablets.map { ($0.tabletId, error.message, false) }
        }
        let paths = RepositoryPaths(repositoryName: repository.name)
        let maker = SnapshotMaker(layout: host.layout)
        let existing = scheduler.queue.sync { job.existingKeys }
        let control = JobTransferControl(
            cancel: job.tasks.cancel, progress: job.tasks.progress, limiter: limiter, settings: settings)
        let folder = record.snapshotFolders[work.backend] ?? record.snapshotFolders.values.first ?? ""
        var results: JobScheduler.TabletResults = []
        for (done, tablet) in work.tablets.enumerated() {
            job.tasks.progress.setTask(work.signature, done: done, total: work.tablets.count)
            guard !job.tasks.cancel.isSet else {
                results.append((tablet.tabletId, nil, false))
                continue
            }
            guard catalog.backends[work.backend]?.alive == true else {
                results.append((tablet.tabletId, "backend \(work.backend) is down", true))
                continue
            }
            guard let (table, partition) = work.placement.first(where: { $0.0 == tablet.tabletId })?.1 else { continue }
            let directory = paths.tabletDirectory(
                label: record.label, dbId: record.databaseId, tableId: table.id, partitionId: partition.id,
                indexId: table.baseIndexId, tabletId: tablet.tabletId)
            do {
                let schemaHash = TabletHeader.schemaHash(of: table)
                if !maker.hasSnapshot(tablet: tablet, backend: work.backend, folderName: folder) {
                    try maker.snapshot(tablet: tablet, backend: work.backend, folderName: folder)
                }
                for rowset in tablet.rowsets {
                    let key = paths.dataFile(tabletDirectory: directory, fileName: rowset.fileName, md5: rowset.md5)
                    // The name carries the MD5, so a same-sized object under it is this file.
                    if existing[key] == rowset.size {
                        job.tasks.progress.fileSkipped(bytes: rowset.size)
                        continue
                    }
                    if settings.faultTransferFailPercent > 0, Int.random(in: 0..<100) < settings.faultTransferFailPercent {
                        throw ObjectStoreError(.io, "injected transfer failure: \(rowset.fileName)")
                    }
                    let source = maker.segmentPath(tablet: tablet.tabletId, rowset: rowset, backend: work.backend, folderName: folder)
                    try store.putFile(source, key: key, expectedCRC32C: rowset.crc32c, knownMD5: rowset.md5, control: control)
                    job.tasks.progress.fileDone(bytes: rowset.size)
                }
                let header = TabletHeader(tabletId: tablet.tabletId, schemaHash: schemaHash, rowsets: tablet.rowsets).encode()
                let headerKey = paths.dataFile(tabletDirectory: directory, fileName: "\(tablet.tabletId).hdr", md5: Checksums.md5Hex(header))
                if existing[headerKey] != Int64(header.count) { try store.put(header, key: headerKey) }
                results.append((tablet.tabletId, nil, false))
            } catch let error as ObjectStoreError {
                if error.kind == .cancelled { results.append((tablet.tabletId, nil, false)) } else {
                    results.append((tablet.tabletId, error.message, error.kind == .checksumMismatch || error.kind == .notFound))
                }
            } catch {
                results.append((tablet.tabletId, "\(error)", true))
            }
        }
        return results
    }
}

/// Cancellation, progress, rate limit and stall injection for one job's transfers.
struct JobTransferControl: TransferControl {
    let cancel: SharedFlag
    let progress: TransferProgress
    let limiter: RateLimiter
    let settings: JobSettings

    func check() throws(ObjectStoreError) {
        if cancel.isSet { throw ObjectStoreError(.cancelled, "cancelled") }
    }

    func advance(_ bytes: Int) {
        progress.transferring()
        limiter.consume(bytes, rate: settings.rateLimitBytesPerSecond)
        if settings.faultTransferStallMilliseconds > 0 { usleep(UInt32(settings.faultTransferStallMilliseconds) * 1000) }
    }
}
