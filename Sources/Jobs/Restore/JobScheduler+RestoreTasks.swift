import Catalog
import Foundation
import Repository
import Storage

extension JobScheduler {
    /// What a download task reports per tablet.
    struct DownloadResult: Sendable {
        var targetTablet: ObjectID
        var sourceTablet: ObjectID
        var rowsets: [RowsetRecord]
        var error: String?
        /// A damaged or missing repository file: retrying cannot help, the job fails.
        var fatal: Bool
        /// See `ObjectStoreError.needsOperator` (a full data directory, say).
        var needsOperator = false
    }

    func dispatchDownloads(_ job: RestoreRuntime, _ host: JobHost) {
        let due = job.tasks.due(at: now())
        guard !due.isEmpty, let repository = host.catalog.repositories[job.record.request.repositoryId] else { return }
        let tablets = job.tabletsBySource
        let byBackend = Dictionary(grouping: due) { tablets[$0]?.backends.first ?? 0 }
        let batchSize = max(1, host.jobSettings.uploadBatchSize)
        let folder = job.record.stagingFolder
        let sizes = job.record.fileSizes
        for (backend, ids) in byBackend.sorted(by: { $0.key < $1.key }) {
            let size = { (id: ObjectID) -> Int64 in
                tablets[id].map { t in t.files.reduce(Int64(0)) { $0 + (sizes[t.remoteDirectory + "/" + $1] ?? 0) } } ?? 0
            }
            for ids in Self.batches(ids, maxCount: batchSize, maxBytes: Self.taskBytes, size: size) {
                let batch = ids.compactMap { tablets[$0] }
                let signature = job.tasks.allocateSignature()
                job.tasks.inFlight[signature] = (backend, batch.map(\.sourceTabletId))
                let control = JobTransferControl(cancel: job.tasks.cancel, progress: job.tasks.progress, limiter: limiter(for: backend), settings: host.jobSettings)
                let downloader = TabletDownloader(host: host, repository: repository, stagingFolder: folder, control: control, progress: job.tasks.progress,
                                                  infoName: job.record.plan?.infoName ?? "__info", metaName: job.record.plan?.metaName ?? "__meta")
                transfers.enter()
                executor(for: backend).submit { [self] in
                    var results: [DownloadResult] = []
                    for (done, tablet) in batch.enumerated() {
                        job.tasks.progress.setTask(signature, done: done, total: batch.count)
                        results.append(downloader.download(tablet))
                    }
                    let finished = results
                    queue.async { [self] in downloadFinished(job, signature: signature, results: finished) }
                    transfers.leave()
                }
            }
        }
    }

    private func downloadFinished(_ job: RestoreRuntime, signature: Int, results: [DownloadResult]) {
        job.tasks.inFlight[signature] = nil
        job.tasks.progress.removeTask(signature)
        if job.record.state.isDone {
            if job.record.state == .cancelled && job.tasks.inFlight.isEmpty { rollBackRestore(job) }
            return
        }
        // The process is stopping: what the tasks did not finish stays to do.
        guard !job.tasks.cancel.isSet else { return }
        for result in results {
            if let error = result.error {
                if result.fatal {
                    finishRestoreCancelled(job, status: .error(error))
                    return
                }
                job.record.taskErrors[result.sourceTablet] = error
                job.tasks.retryLater(result.sourceTablet, now: now(), needsOperator: result.needsOperator)
                if let reason = giveUpReason(job.tasks, result.sourceTablet, error) {
                    finishRestoreCancelled(job, status: .error(reason))
                    return
                }
            } else {
                job.record.taskErrors[result.sourceTablet] = nil
                job.tasks.waiting[result.sourceTablet] = nil
                job.tasks.succeeded(result.sourceTablet)
                job.record.downloadedTablets.insert(result.targetTablet)
                job.record.stagedRowsets[result.targetTablet] = result.rowsets
            }
        }
        onChange?()
        stepRestore(job)
    }

    /// COMMITTING: move the staged segments into their tablets, then publish them, retire the
    /// replaced rowsets, unhide new objects and mark the job FINISHED in one catalog
    /// transaction. Until that transaction commits, the catalog still points at the old files,
    /// so a failure or crash before it leaves the previous data intact and readable.
    func commitRestore(_ job: RestoreRuntime, _ host: JobHost) {
        guard !job.commitRunning, let plan = job.record.plan else { return }
        if let problem = Self.stagedRowsProblem(plan, job.record.stagedRowsets) {
            finishRestoreCancelled(job, status: .error(problem))
            return
        }
        job.commitRunning = true
        let started = job.record
        let layout = host.layout
        DispatchQueue.global().async(group: background) { [self] in
            var record = started
            var failure: String?
            do {
                let maker = SnapshotMaker(layout: layout)
                for tablet in plan.tablets {
                    for backend in tablet.backends {
                        let staging = maker.folder(backend: backend, name: record.stagingFolder) + "/\(tablet.targetTabletId)"
                        let target = layout.absolute(layout.tabletDirectory(backend: backend, tablet: tablet.targetTabletId))
                        try DurableFile.makeDirectories(target)
                        for id in tablet.rowsetIds.values {
                            let from = staging + "/\(id)_0.dat"
                            let to = target + "/\(id)_0.dat"
                            if rename(from, to) != 0, !FileManager.default.fileExists(atPath: to) {
                                throw FileError("move", from)
                            }
                        }
                    }
                }
                try DurableFile.syncFileSystem(layout.backendsDirectory)
                record.state = .finished
                record.finishedTime = nowMillis()
                record.status = .ok
                record.taskErrors = [:]
                let finished = record
                try host.writeCatalog { tx in
                    try Self.publish(plan: plan, staged: finished.stagedRowsets, jobId: finished.jobId, tx: tx, layout: layout)
                    try JobJournal.save(in: tx.database, id: finished.jobId, kind: .restore, databaseId: finished.databaseId, state: finished.state.rawValue, body: finished)
                }
            } catch {
                failure = "commit failed: \(error)"
            }
            queue.async { [self, failure, record] in
                job.commitRunning = false
                if let failure {
                    finishRestoreCancelled(job, status: .error(failure))
                    return
                }
                let elapsed = job.tasks.phaseStarted.map { Date().timeIntervalSince($0) * 1000 } ?? 0
                job.record = record
                onChange?()
                host.logger.info("restore \(record.label) (job \(record.jobId)) COMMITTING took \(String(format: "%.1f", elapsed)) ms -> FINISHED in \(record.finishedTime - record.createTime) ms")
                host.collectGarbage()
                let maker = SnapshotMaker(layout: layout)
                for tablet in plan.tablets { for backend in tablet.backends { maker.release(backend: backend, folderName: record.stagingFolder) } }
                pruneHistory()
            }
        }
    }

    /// The last check before COMMIT: every tablet holds the rows `__meta` says it backed up.
    static func stagedRowsProblem(_ plan: RestorePlan, _ staged: [ObjectID: [RowsetRecord]]) -> String? {
        for tablet in plan.tablets {
            guard let expected = tablet.expectedRows else { continue }
            let rows = (staged[tablet.targetTabletId] ?? []).reduce(Int64(0)) { $0 + $1.rowCount }
            if rows != expected {
                return "the snapshot's files disagree: tablet \(tablet.sourceTabletId) was restored with \(rows) rows and \(plan.metaName ?? "__meta") says \(expected)"
            }
        }
        return nil
    }

    private static func publish(plan: RestorePlan, staged: [ObjectID: [RowsetRecord]], jobId: Int64, tx: CatalogTransaction, layout: DataLayout) throws {
        for table in plan.tables {
            guard var target = tx.state.tables[table.targetTableId] else { throw JobError("table \(table.targetTableId) has been dropped") }
            for p in table.partitions {
                guard var partition = tx.state.partitions[p.targetPartitionId] else { throw JobError("partition \(p.targetPartitionId) has been dropped") }
                for tablet in p.tablets {
                    guard tx.state.tablets[tablet.targetTabletId] != nil else { throw JobError("tablet \(tablet.targetTabletId) has been dropped") }
                    for old in tx.state.rowsets(of: tablet.targetTabletId) {
                        for replica in tx.state.replicas(of: tablet.targetTabletId) {
                            try tx.addGarbage(layout.segmentFile(backend: replica.backendId, tablet: tablet.targetTabletId, rowset: old.id))
                        }
                        try tx.deleteRowset(old.id)
                    }
                    for rowset in staged[tablet.targetTabletId] ?? [] { try tx.save(rowset) }
                }
                partition.visibleVersion = p.isNew ? p.backedUpVersion : max(p.backedUpVersion, partition.visibleVersion + 1)
                partition.visibleVersionTime = Int64(Date().timeIntervalSince1970)
                partition.hiddenByJob = nil
                try tx.save(partition)
            }
            if target.hiddenByJob == jobId {
                target.hiddenByJob = nil
                try tx.save(target)
            }
        }
    }
}
