import Catalog
import Foundation
import Repository
import Storage

extension JobScheduler {
    enum BackupPhase {
        case snapshot, upload
    }

    /// Sends the tablets whose retry time has come to their backends' executors, in batches.
    func dispatchDue(_ job: BackupRuntime, phase: BackupPhase) {
        guard let host else { return }
        let due = job.tasks.due(at: now())
        guard !due.isEmpty else { return }
        let batchSize = phase == .snapshot ? 100 : max(1, host.jobSettings.uploadBatchSize)
        let byBackend = Dictionary(grouping: due) { job.record.sourceBackend[$0] ?? 0 }
        let tablets = job.tabletsById
        let placement = job.placement
        for (backend, ids) in byBackend.sorted(by: { $0.key < $1.key }) {
            let size = { (id: ObjectID) -> Int64 in tablets[id]?.bytes ?? 0 }
            for batch in Self.batches(ids, maxCount: batchSize, maxBytes: phase == .snapshot ? .max : Self.taskBytes, size: size) {
                let signature = job.tasks.allocateSignature()
                job.tasks.inFlight[signature] = (backend, batch)
                let work = TabletWork(
                    signature: signature, backend: backend, tablets: batch.compactMap { tablets[$0] },
                    placement: batch.compactMap { id in placement[id].map { (id, $0) } })
                let context = TaskContext(scheduler: self, job: job, host: host, limiter: limiter(for: backend))
                transfers.enter()
                executor(for: backend).submit {
                    let results = phase == .snapshot ? context.snapshot(work) : context.upload(work)
                    context.scheduler.queue.async { context.scheduler.taskFinished(job, signature: signature, results: results) }
                    context.scheduler.transfers.leave()
                }
            }
        }
    }

    /// Bytes one task copies at most: large tablets get tasks of their own, so every transfer
    /// worker stays busy instead of one task copying several big files in a row.
    static let taskBytes: Int64 = 64 << 20

    /// Splits ids into runs of at most `maxCount` ids and (unless a single id is larger)
    /// `maxBytes` bytes.
    static func batches(_ ids: [ObjectID], maxCount: Int, maxBytes: Int64, size: (ObjectID) -> Int64) -> [[ObjectID]] {
        var result: [[ObjectID]] = []
        var current: [ObjectID] = []
        var bytes: Int64 = 0
        for id in ids {
            let n = size(id)
            if !current.isEmpty, current.count >= maxCount || bytes + n > maxBytes {
                result.append(current)
                current = []
                bytes = 0
            }
            current.append(id)
            bytes += n
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    func taskFinished(_ job: BackupRuntime, signature: Int, results: [TabletOutcome]) {
        job.tasks.inFlight[signature] = nil
        job.tasks.progress.removeTask(signature)
        if job.record.state.isDone {
            if job.record.state == .cancelled && job.tasks.inFlight.isEmpty { cleanUpCancelled(job) }
            return
        }
        for outcome in results {
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
                job.tasks.retryLater(outcome.tablet, now: now(), needsOperator: needsOperator)
                host?.logger.warning("backup \(job.record.label): tablet \(outcome.tablet): \(error)")
                if let reason = giveUpReason(job.tasks, outcome.tablet, error) {
                    finishCancelled(job, status: .error(reason))
                    return
                }
            }
        }
        onChange?()
        stepBackup(job)
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

    /// When a task has failed `permanent_error_attempts` times in a row with an error that
    /// only an operator can cure (a read-only or full repository, refused permission), the
    /// reason to give up with; nil while retrying may still help.
    func giveUpReason(_ tasks: TaskBook, _ id: ObjectID, _ error: String) -> String? {
        let limit = max(1, host?.jobSettings.permanentErrorAttempts ?? 5)
        guard tasks.operatorFailures(id) >= limit else { return nil }
        return "gave up after \(limit) attempts: \(error)"
    }

    /// Writes `__meta`, then `__info` (the commit marker) once the data is durable. Never
    /// writes where another snapshot of the same label has been committed or has its own
    /// `__meta`: that is another job's snapshot (another cluster sharing the repository), and
    /// two of them in one folder make both unrestorable.
    func uploadInfo(_ job: BackupRuntime, _ host: JobHost) {
        guard !job.infoUploadRunning, (job.infoRetryAt ?? .distantPast) <= now() else { return }
        guard let repository = host.catalog.repositories[job.record.repositoryId] else {
            job.record.status = .error("repository \(job.record.repositoryName) does not exist")
            job.infoRetryAt = now().addingTimeInterval(5)
            return
        }
        job.infoUploadRunning = true
        let record = job.record
        let cancel = job.tasks.cancel
        DispatchQueue.global().async(group: background) { [self] in
            let outcome: InfoOutcome
            do {
                let store = try host.objectStore(for: repository)
                outcome = try BackupArtifacts(record: record).commit(to: store, repositoryName: repository.name, cancel: cancel)
            } catch let error as ObjectStoreError {
                outcome = .failed(error.message, needsOperator: error.needsOperator)
            } catch {
                outcome = .failed("\(error)", needsOperator: false)
            }
            queue.async { [self] in
                job.infoUploadRunning = false
                guard !job.record.state.isDone else { return }
                switch outcome {
                case .committed: finishBackup(job, host)
                case .conflict(let reason): finishCancelled(job, status: .error(reason))
                case .failed(let error, let needsOperator):
                    // Errors here never cancel the job (Doris rule) unless only an operator
                    // can cure them: retry until the timeout.
                    job.record.status = .error(error)
                    job.infoRetryAt = job.tasks.recordFailure(BackupRuntime.infoTask, now: now(), needsOperator: needsOperator)
                    persist(job)
                    if let reason = giveUpReason(job.tasks, BackupRuntime.infoTask, error) {
                        finishCancelled(job, status: .error(reason))
                    }
                }
            }
        }
    }

    private func finishBackup(_ job: BackupRuntime, _ host: JobHost) {
        job.record.status = .ok
        job.record.finishedTime = nowMillis()
        job.record.taskErrors = [:]
        job.record.state = .finished
        persist(job)
        let elapsed = job.tasks.phaseStarted.map { Date().timeIntervalSince($0) * 1000 } ?? 0
        host.logger.info("backup \(job.record.label) (job \(job.record.jobId)) UPLOAD_INFO took \(String(format: "%.1f", elapsed)) ms -> FINISHED in \(job.record.finishedTime - job.record.createTime) ms")
        pruneHistory()
    }
}

/// The tablets of one task.
struct TabletWork: Sendable {
    var signature: Int
    var backend: ObjectID
    var tablets: [BackupPlan.TabletPlan]
    var placement: [(ObjectID, (table: TableRecord, partition: PartitionRecord))]
}
