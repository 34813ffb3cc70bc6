import Catalog
import Foundation
import Repository
import Storage

extension JobScheduler {
    enum BackupPhase {
        case snapshot, upload
    }

    /// What a task reports back: per tablet, nil for success or the error text.
    typealias TabletResults = [(tablet: ObjectID, error: String?, retryElsewhere: Bool)]

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
                executor(for: backend).submit {
                    let results = phase == .snapshot ? context.snapshot(work) : context.upload(work)
                    context.scheduler.queue.async { context.scheduler.taskFinished(job, signature: signature, results: results) }
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

    func taskFinished(_ job: BackupRuntime, signature: Int, results: TabletResults) {
        job.tasks.inFlight[signature] = nil
        job.tasks.progress.removeTask(signature)
        if job.record.state.isDone {
            if job.record.state == .cancelled && job.tasks.inFlight.isEmpty { cleanUpCancelled(job) }
            return
        }
        for result in results {
            if let error = result.error {
                job.record.taskErrors[result.tablet] = error
                if result.retryElsewhere, let tablet = job.tabletsById[result.tablet], tablet.backends.count > 1 {
                    let current = job.record.sourceBackend[result.tablet] ?? tablet.backends[0]
                    let index = tablet.backends.firstIndex(of: current) ?? 0
                    let next = tablet.backends[(index + 1) % tablet.backends.count]
                    job.record.sourceBackend[result.tablet] = next
                    if job.record.snapshotFolders[next] == nil {
                        job.record.snapshotFolders[next] = job.record.snapshotFolders.values.first
                    }
                }
                job.tasks.retryLater(result.tablet, now: now())
                host?.logger.warning("backup \(job.record.label): tablet \(result.tablet): \(error)")
            } else {
                job.record.taskErrors[result.tablet] = nil
                job.tasks.waiting[result.tablet] = nil
                if job.record.state == .uploading { job.record.uploadedTablets.insert(result.tablet) }
            }
        }
        onChange?()
        stepBackup(job)
    }

    /// Writes `__meta`, then `__info` (the commit marker) once the data is durable.
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
            var failure: String?
            do {
                let store = try host.objectStore(for: repository)
                let artifacts = BackupArtifacts(record: record)
                let paths = RepositoryPaths(repositoryName: repository.name)
                let meta = artifacts.meta()
                let info = artifacts.info()
                try store.flush()
                try store.put(meta, key: paths.metaFile(label: record.label, md5: Checksums.md5Hex(meta)))
                if cancel.isSet { throw ObjectStoreError(.cancelled, "cancelled") }
                try store.put(info, key: paths.infoFile(label: record.label, timestamp: record.snapshotTimestamp, md5: Checksums.md5Hex(info)))
                try store.flush()
            } catch {
                failure = "\(error)"
            }
            queue.async { [self, failure] in
                job.infoUploadRunning = false
                guard !job.record.state.isDone else { return }
                if let failure {
                    // Errors here never cancel the job (Doris rule): retry until the timeout.
                    job.record.status = .error(failure)
                    job.infoAttempts += 1
                    job.infoRetryAt = now().addingTimeInterval(Self.backoff(job.infoAttempts))
                    persist(job)
                    return
                }
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
    }

    /// After a cancel: release snapshots and delete what the job put in the repository, unless
    /// a committed `__info` is there (then the snapshot is complete and stays).
    func cleanUpCancelled(_ job: BackupRuntime) {
        guard job.cleanupNote == nil, let host else { return }
        job.cleanupNote = "running"
        releaseSnapshots(job.record, host)
        let record = job.record
        guard let repository = host.catalog.repositories[record.repositoryId] else { return }
        DispatchQueue.global().async(group: background) { [self] in
            var note: String
            do {
                let store = try host.objectStore(for: repository)
                let prefix = RepositoryPaths(repositoryName: repository.name).snapshotDirectory(label: record.label) + "/"
                let objects = try store.list(prefix: prefix)
                if objects.contains(where: { $0.key.dropFirst(prefix.count).hasPrefix("__info_") }) {
                    note = "kept the snapshot: it is complete"
                } else {
                    try store.delete(objects.map(\.key))
                    // Uploads cut off by the cancel (or by a crash before it) hold parts too.
                    try store.discardIncompleteWrites(prefix: prefix)
                    note = objects.isEmpty ? "nothing was uploaded" : "removed \(objects.count) uploaded files"
                }
            } catch {
                note = "could not remove uploaded files: \(error)"
            }
            queue.async { [self, note] in
                job.cleanupNote = note
                job.record.status.message += "; \(note)"
                persist(job)
            }
        }
    }
}

/// The tablets of one task.
struct TabletWork: Sendable {
    var signature: Int
    var backend: ObjectID
    var tablets: [BackupPlan.TabletPlan]
    var placement: [(ObjectID, (table: TableRecord, partition: PartitionRecord))]
}
