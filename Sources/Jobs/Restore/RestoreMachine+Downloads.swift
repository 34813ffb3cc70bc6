import Catalog
import Foundation
import Repository
import Storage

extension RestoreMachine {
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
        let due = job.tasks.due(at: core.now())
        guard !due.isEmpty, let repository = host.catalog.repositories[job.record.request.repositoryId] else { return }
        let tablets = job.tabletsBySource
        let byBackend = Dictionary(grouping: due) { tablets[$0]?.backends.first ?? 0 }
        let batchSize = max(1, host.jobSettings.uploadBatchSize)
        let folder = job.record.stagingFolder
        let sizes = job.record.fileSizes
        for (backend, ids) in byBackend.sorted(by: { $0.key < $1.key }) {
            let size = { (id: ObjectID) -> Int64 in
                tablets[id].map { t in t.files.reduce(Int64(0)) { $0 + (sizes[t.key(of: $1)] ?? 0) } } ?? 0
            }
            for ids in JobCore.batches(ids, maxCount: batchSize, maxBytes: JobCore.taskBytes, size: size) {
                let batch = ids.compactMap { tablets[$0] }
                let signature = job.tasks.allocateSignature()
                job.tasks.inFlight[signature] = (backend, batch.map(\.sourceTabletId))
                let control = JobTransferControl(cancel: job.tasks.cancel, progress: job.tasks.progress, limiter: core.limiter(for: backend), settings: host.jobSettings)
                let downloader = TabletDownloader(host: host, repository: repository, stagingFolder: folder, control: control, progress: job.tasks.progress,
                                                  infoName: job.record.plan?.infoName ?? "__info", metaName: job.record.plan?.metaName ?? "__meta",
                                                  clock: core.clock)
                core.transfers.enter()
                core.executor(for: backend).submit { [self] in
                    var results: [DownloadResult] = []
                    for (done, tablet) in batch.enumerated() {
                        job.tasks.progress.setTask(signature, done: done, total: batch.count)
                        results.append(downloader.download(tablet))
                    }
                    let finished = results
                    core.queue.async { [self] in downloadFinished(job, signature: signature, results: finished) }
                    core.transfers.leave()
                }
            }
        }
    }

    private func downloadFinished(_ job: RestoreRuntime, signature: Int, results: [DownloadResult]) {
        job.tasks.inFlight[signature] = nil
        job.tasks.progress.removeTask(signature)
        if job.record.state.isDone {
            if job.record.state == .cancelled && job.tasks.inFlight.isEmpty { rollBack(job) }
            return
        }
        // The process is stopping: what the tasks did not finish stays to do.
        guard !job.tasks.cancel.isSet else { return }
        for result in results {
            if let error = result.error {
                if result.fatal {
                    finishCancelled(job, status: .error(error))
                    return
                }
                job.record.taskErrors[result.sourceTablet] = error
                job.tasks.retryLater(result.sourceTablet, now: core.now(), needsOperator: result.needsOperator)
                if let reason = core.giveUpReason(job.tasks, result.sourceTablet, error) {
                    finishCancelled(job, status: .error(reason))
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
        core.changed()
        step(job)
    }
}
