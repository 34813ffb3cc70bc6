import Catalog
import Foundation
import Repository
import Storage

extension BackupMachine {
    enum Phase {
        case snapshot, upload
    }

    /// Sends the tablets whose retry time has come to their backends' executors, in batches.
    func dispatchDue(_ job: BackupRuntime, phase: Phase) {
        guard let host = core.host else { return }
        let due = job.tasks.due(at: core.now())
        guard !due.isEmpty else { return }
        let batchSize = phase == .snapshot ? 100 : max(1, host.jobSettings.uploadBatchSize)
        let byBackend = Dictionary(grouping: due) { job.record.sourceBackend[$0] ?? 0 }
        let tablets = job.tabletsById
        let placement = job.placement
        for (backend, ids) in byBackend.sorted(by: { $0.key < $1.key }) {
            let size = { (id: ObjectID) -> Int64 in tablets[id]?.bytes ?? 0 }
            let maxBytes = phase == .snapshot ? .max : JobCore.taskBytes
            for batch in JobCore.batches(ids, maxCount: batchSize, maxBytes: maxBytes, size: size) {
                let signature = job.tasks.allocateSignature()
                job.tasks.inFlight[signature] = (backend, batch)
                let work = TabletWork(
                    signature: signature, backend: backend, tabletIds: batch,
                    plans: tablets.filter { batch.contains($0.key) }, placement: placement.filter { batch.contains($0.key) })
                let context = TaskContext(
                    job: job, record: job.record, existingKeys: job.existingKeys, host: host, limiter: core.limiter(for: backend))
                core.transfers.enter()
                core.executor(for: backend).submit { [self] in
                    let results = phase == .snapshot ? context.snapshot(work) : context.upload(work)
                    core.queue.async { [self] in taskFinished(job, signature: signature, results: results) }
                    core.transfers.leave()
                }
            }
        }
    }

    func taskFinished(_ job: BackupRuntime, signature: Int, results: [TabletOutcome]) {
        let dispatched = job.tasks.inFlight[signature]?.tablets ?? []
        job.tasks.inFlight[signature] = nil
        job.tasks.progress.removeTask(signature)
        if job.record.state.isDone {
            if job.record.state == .cancelled && job.tasks.inFlight.isEmpty { cleanUpCancelled(job) }
            return
        }
        // A tablet the task said nothing about is not done: it fails (and is retried) rather
        // than wait in vain until the job's timeout.
        let reported = Set(results.map(\.tablet))
        let silent = dispatched.filter { !reported.contains($0) }.map {
            TabletOutcome($0, .failed("the task reported no result for tablet \($0)", retryElsewhere: false, needsOperator: false))
        }
        for outcome in results + silent {
            switch outcome.result {
            case .done:
                job.record.taskErrors[outcome.tablet] = nil
                job.tasks.waiting[outcome.tablet] = nil
                job.tasks.succeeded(outcome.tablet)
                if job.record.state == .uploading { job.record.uploadedTablets.insert(outcome.tablet) }
            case .cancelled:
                // Stopped by the process shutting down: the tablet is still to do.
                break
            case .fatal(let reason):
                finishCancelled(job, status: .error(reason))
                return
            case .failed(let error, let retryElsewhere, let needsOperator):
                job.record.taskErrors[outcome.tablet] = error
                if retryElsewhere { moveToNextReplica(job, outcome.tablet) }
                job.tasks.retryLater(outcome.tablet, now: core.now(), needsOperator: needsOperator)
                core.logger.warning("backup \(job.record.label): tablet \(outcome.tablet): \(error)")
                if let reason = core.giveUpReason(job.tasks, outcome.tablet, error) {
                    finishCancelled(job, status: .error(reason))
                    return
                }
            }
        }
        core.changed()
        step(job)
    }

    /// The next replica of a tablet, for a retry after a failure that another copy may not
    /// have (a backend down, a damaged file).
    private func moveToNextReplica(_ job: BackupRuntime, _ tabletId: ObjectID) {
        guard let tablet = job.tabletsById[tabletId], tablet.backends.count > 1 else { return }
        let current = job.record.sourceBackend[tabletId] ?? tablet.backends[0]
        let index = tablet.backends.firstIndex(of: current) ?? 0
        let next = tablet.backends[(index + 1) % tablet.backends.count]
        job.record.sourceBackend[tabletId] = next
        if job.record.snapshotFolders[next] == nil {
            job.record.snapshotFolders[next] = job.record.snapshotFolders.values.first
        }
    }

    /// Writes `__meta`, then `__info` (the commit marker) once the data is durable. Never
    /// writes where another snapshot of the same label has been committed or has its own
    /// `__meta`: that is another job's snapshot (another cluster sharing the repository), and
    /// two of them in one folder make both unrestorable.
    func uploadInfo(_ job: BackupRuntime, _ host: JobHost) {
        guard !job.infoUploadRunning, job.tasks.stepDue(at: core.now()) else { return }
        guard let repository = host.catalog.repositories[job.record.repositoryId] else {
            stepFailed(job, "repository \(job.record.repositoryName) does not exist", needsOperator: false)
            return
        }
        job.infoUploadRunning = true
        let record = job.record
        let cancel = job.tasks.cancel
        core.workers.async(group: core.background) { [self] in
            let outcome: InfoOutcome
            do {
                let store = try host.objectStore(for: repository)
                outcome = try BackupArtifacts(record: record).commit(to: store, repositoryName: repository.name, cancel: cancel)
            } catch let error as ObjectStoreError {
                outcome = .failed(error.message, needsOperator: error.needsOperator)
            } catch {
                outcome = .failed("\(error)", needsOperator: false)
            }
            core.queue.async { [self] in
                job.infoUploadRunning = false
                guard !job.record.state.isDone else { return }
                switch outcome {
                case .committed: finishBackup(job, host)
                case .conflict(let reason): finishCancelled(job, status: .error(reason))
                case .failed(let error, let needsOperator): stepFailed(job, error, needsOperator: needsOperator)
                }
            }
        }
    }

    private func finishBackup(_ job: BackupRuntime, _ host: JobHost) {
        var next = job.record
        next.status = .ok
        next.finishedTime = core.nowMillis()
        next.taskErrors = [:]
        next.state = .finished
        guard adopt(next, for: job) else { return }
        let elapsed = core.elapsedMillis(since: job.tasks.phaseStarted)
        core.logger.info("backup \(next.label) (job \(next.jobId)) UPLOAD_INFO took \(String(format: "%.1f", elapsed)) ms -> FINISHED in \(next.finishedTime - next.createTime) ms")
        core.jobFinished?()
    }
}

/// The tablets of one task, with their plans and places (only those the job's plan holds).
struct TabletWork: Sendable {
    var signature: Int
    var backend: ObjectID
    var tabletIds: [ObjectID]
    var plans: [ObjectID: BackupPlan.TabletPlan]
    var placement: [ObjectID: (table: TableRecord, partition: PartitionRecord)]
}
