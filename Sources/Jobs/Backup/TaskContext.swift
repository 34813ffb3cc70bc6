import Catalog
import Foundation
import Repository
import Storage

/// Runs one snapshot or upload task on a worker thread and reports per-tablet results.
struct TaskContext: @unchecked Sendable {
    let job: BackupRuntime
    /// The job's record and the repository's existing objects when the task was dispatched.
    let record: BackupJobRecord
    let existingKeys: [String: Int64]
    let host: JobHost
    /// The backend's shared rate limiter (looked up on the scheduler's queue, which owns them).
    let limiter: RateLimiter

    func snapshot(_ work: TabletWork) -> [TabletOutcome] {
        let maker = SnapshotMaker(layout: host.layout)
        let catalog = host.catalog
        return work.tabletIds.map { id in
            guard let tablet = work.plans[id] else { return Self.notPlanned(id) }
            guard !job.tasks.cancel.isSet else { return TabletOutcome(tablet.tabletId, .cancelled) }
            guard catalog.backends[work.backend]?.alive == true else {
                return TabletOutcome(tablet.tabletId, .failed("backend \(work.backend) is down", retryElsewhere: true, needsOperator: false))
            }
            do {
                try maker.snapshot(tablet: tablet, backend: work.backend, folderName: record.snapshotFolders[work.backend] ?? "")
                return TabletOutcome(tablet.tabletId, .done)
            } catch {
                return snapshotFailure(tablet, error)
            }
        }
    }

    /// A tablet the job's plan does not hold: no retry can find it.
    private static func notPlanned(_ id: ObjectID) -> TabletOutcome {
        TabletOutcome(id, .fatal("tablet \(id) is not in the job's plan"))
    }

    /// A snapshot that could not link its files: another replica may still have them, unless
    /// the rowsets themselves are gone from the catalog (a TRUNCATE, DROP or restore replaced
    /// the data after the job planned it), which no retry can bring back.
    private func snapshotFailure(_ tablet: BackupPlan.TabletPlan, _ error: Error) -> TabletOutcome {
        let present = Set(host.catalog.rowsets(of: tablet.tabletId).map(\.id))
        if let gone = tablet.rowsets.first(where: { !present.contains($0.id) }) {
            return TabletOutcome(tablet.tabletId, .fatal(
                "the data of tablet \(tablet.tabletId) changed while it was being backed up (rowset \(gone.id) was removed by a TRUNCATE, DROP or restore); run the backup again"))
        }
        return TabletOutcome(tablet.tabletId, .failed("make snapshot failed: \(error)", retryElsewhere: true, needsOperator: false))
    }

    func upload(_ work: TabletWork) -> [TabletOutcome] {
        let settings = host.jobSettings
        let catalog = host.catalog
        guard let repository = catalog.repositories[record.repositoryId] else {
            return work.tabletIds.map {
                TabletOutcome($0, .failed("repository \(record.repositoryName) does not exist", retryElsewhere: false, needsOperator: false))
            }
        }
        let store: ObjectStore
        do {
            store = try host.objectStore(for: repository)
        } catch {
            return work.tabletIds.map { TabletOutcome($0, .failed(error.message, retryElsewhere: false, needsOperator: error.needsOperator)) }
        }
        let paths = RepositoryPaths(repositoryName: repository.name)
        let maker = SnapshotMaker(layout: host.layout)
        let existing = existingKeys
        let control = JobTransferControl(
            cancel: job.tasks.cancel, progress: job.tasks.progress, limiter: limiter, settings: settings)
        let folder = record.snapshotFolders[work.backend] ?? record.snapshotFolders.values.first ?? ""
        var results: [TabletOutcome] = []
        for (done, id) in work.tabletIds.enumerated() {
            job.tasks.progress.setTask(work.signature, done: done, total: work.tabletIds.count)
            guard let tablet = work.plans[id], let (table, partition) = work.placement[id] else {
                results.append(Self.notPlanned(id))
                continue
            }
            guard !job.tasks.cancel.isSet else {
                results.append(TabletOutcome(tablet.tabletId, .cancelled))
                continue
            }
            guard catalog.backends[work.backend]?.alive == true else {
                results.append(TabletOutcome(tablet.tabletId, .failed("backend \(work.backend) is down", retryElsewhere: true, needsOperator: false)))
                continue
            }
            let directory = BackupArtifacts(record: record).tabletDirectory(paths, table: table, partition: partition, tabletId: tablet.tabletId)
            do {
                let schemaHash = TabletHeader.schemaHash(of: table)
                if !maker.hasSnapshot(tablet: tablet, backend: work.backend, folderName: folder) {
                    do {
                        try maker.snapshot(tablet: tablet, backend: work.backend, folderName: folder)
                    } catch {
                        results.append(snapshotFailure(tablet, error))
                        continue
                    }
                }
                // Files an earlier snapshot's folder holds (an incremental backup) stay there.
                let elsewhere = record.provenance?.fileLocations[tablet.tabletId] ?? [:]
                for rowset in tablet.rowsets {
                    let key = paths.dataFile(tabletDirectory: directory, fileName: rowset.fileName, md5: rowset.md5)
                    // The name carries the MD5, so a same-sized object under it is this file.
                    if existing[key] == rowset.size || elsewhere["\(rowset.fileName).\(rowset.md5)"] != nil {
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
                let header = try TabletHeader(tabletId: tablet.tabletId, schemaHash: schemaHash, rowsets: tablet.rowsets).encode()
                let headerKey = paths.dataFile(tabletDirectory: directory, fileName: "\(tablet.tabletId).hdr", md5: Checksums.md5Hex(header))
                let headerHeld = existing[headerKey] == Int64(header.count) || elsewhere[(headerKey as NSString).lastPathComponent] != nil
                if !headerHeld { try store.put(header, key: headerKey) }
                results.append(TabletOutcome(tablet.tabletId, .done))
            } catch let error as ObjectStoreError {
                if error.kind == .cancelled { results.append(TabletOutcome(tablet.tabletId, .cancelled)) } else {
                    let elsewhere = error.kind == .checksumMismatch || error.kind == .notFound
                    results.append(TabletOutcome(tablet.tabletId, .failed(error.message, retryElsewhere: elsewhere, needsOperator: error.needsOperator)))
                }
            } catch {
                results.append(TabletOutcome(tablet.tabletId, .failed("\(error)", retryElsewhere: true, needsOperator: false)))
            }
        }
        return results
    }
}

/// What a snapshot or upload task reports for one tablet.
struct TabletOutcome: Sendable {
    enum Result: Sendable {
        case done
        /// The job was cancelled or the process is stopping: the tablet is not done.
        case cancelled
        /// `retryElsewhere`: another replica may not have the problem (a backend down, a
        /// damaged file). `needsOperator`: see `ObjectStoreError.needsOperator`.
        case failed(String, retryElsewhere: Bool, needsOperator: Bool)
        /// Retrying cannot help: the job fails with this reason.
        case fatal(String)
    }
    var tablet: ObjectID
    var result: Result

    init(_ tablet: ObjectID, _ result: Result) {
        self.tablet = tablet
        self.result = result
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
        // A stalled transfer does not notice a cancel until its chunk is through, as a write
        // blocked on a slow network would not. (usleep refuses a second or more.)
        if settings.faultTransferStallMilliseconds > 0 { Thread.sleep(forTimeInterval: Double(settings.faultTransferStallMilliseconds) / 1000) }
    }
}
