import Catalog
import Foundation
import Repository
import Storage

extension JobScheduler {
    /// Journals a new restore job (PENDING) and starts it.
    public func submitRestore(_ record: RestoreJobRecord) throws {
        try journal.save(id: record.jobId, kind: .restore, databaseId: record.databaseId, state: record.state.rawValue, body: record)
        queue.async { [self] in
            let job = RestoreRuntime(record: record)
            restores[record.jobId] = job
            host?.logger.info("restore \(record.label) (job \(record.jobId)) submitted")
            onChange?()
            stepRestore(job)
        }
    }

    /// CANCEL RESTORE: cancels the database's current restore job, if it has not committed.
    public func cancelRestore(database: ObjectID) throws(JobError) {
        let outcome: JobError? = queue.sync {
            guard let job = restores.values.filter({ $0.record.databaseId == database }).max(by: { $0.record.jobId < $1.record.jobId }) else {
                return JobError("No restore job is currently running")
            }
            if job.record.state.isDone || job.commitRunning {
                let state = job.commitRunning ? "COMMITTING" : job.record.state.rawValue
                return JobError("Failed to cancel some jobs: \(job.record.label)(Job with label \(job.record.label) can not be cancelled. state: \(state))")
            }
            finishRestoreCancelled(job, status: .error("user cancelled, current state: \(job.record.state.rawValue)"))
            return nil
        }
        if let outcome { throw outcome }
    }

    func resumeRestore(_ job: RestoreRuntime) {
        host?.logger.info("resuming restore \(job.record.label) (job \(job.record.jobId)) in \(job.record.state.rawValue)")
        switch job.record.state {
        case .snapshoting, .download, .downloading:
            // Staging folders may be gone; download again what is not recorded as done.
            job.record.state = .snapshoting
        case .commit, .committing:
            job.record.state = .commit
        default:
            break
        }
        stepRestore(job)
    }

    func stepRestore(_ job: RestoreRuntime) {
        guard !job.record.state.isDone, !stopped, let host else { return }
        if job.tasks.phaseStarted == nil { job.tasks.phaseStarted = Date() }
        if nowMillis() - job.record.createTime > job.record.request.timeoutSeconds * 1000, !job.commitRunning {
            finishRestoreCancelled(job, status: JobStatus(code: "TIMEOUT", message: "restore job with label: \(job.record.label)  timeout."))
            return
        }
        if let pause = host.jobSettings.faultPauseAtState, pause == job.record.state.rawValue { return }
        switch job.record.state {
        case .pending: prepareRestore(job, host)
        case .snapshoting:
            // The staging folder of each backend the restore writes to; the tablets' own
            // folders are made by the download tasks, in parallel, as they start.
            let maker = SnapshotMaker(layout: host.layout)
            let backends = Set((job.record.plan?.tablets ?? []).flatMap(\.backends))
            for backend in backends.sorted() {
                try? DurableFile.makeDirectories(maker.folder(backend: backend, name: job.record.stagingFolder))
            }
            job.record.snapshotFinishedTime = nowMillis()
            restoreTransition(job, to: .download)
        case .download:
            job.record.fileSizes = downloadSizes(job.record, host)
            job.record.bytesTotal = job.record.fileSizes.values.reduce(0, +)
            for tablet in job.record.plan?.tablets ?? [] where !job.record.downloadedTablets.contains(tablet.targetTabletId) {
                job.tasks.waiting[tablet.sourceTabletId] = .distantPast
            }
            let done = job.record.plan?.tablets.filter { job.record.downloadedTablets.contains($0.targetTabletId) } ?? []
            job.tasks.progress.reset(filesDone: done.reduce(0) { $0 + $1.files.count }, bytesDone: 0)
            restoreTransition(job, to: .downloading)
        case .downloading:
            dispatchDownloads(job, host)
            if job.tasks.waiting.isEmpty && job.tasks.inFlight.isEmpty {
                job.record.downloadFinishedTime = nowMillis()
                restoreTransition(job, to: .commit)
            }
        case .commit: restoreTransition(job, to: .committing)
        case .committing: commitRestore(job, host)
        case .finished, .cancelled: break
        }
    }

    func restoreTransition(_ job: RestoreRuntime, to state: RestoreState) {
        let left = job.record.state
        let elapsed = job.tasks.phaseStarted.map { Date().timeIntervalSince($0) * 1000 } ?? 0
        job.tasks.phaseStarted = Date()
        job.record.state = state
        persistRestore(job)
        host?.logger.info("restore \(job.record.label) (job \(job.record.jobId)) \(left.rawValue) took \(String(format: "%.1f", elapsed)) ms -> \(state.rawValue)")
        stepRestore(job)
    }

    func persistRestore(_ job: RestoreRuntime) {
        record(job.record, id: job.record.jobId, kind: .restore, databaseId: job.record.databaseId, state: job.record.state.rawValue)
    }

    /// PENDING: read the snapshot's info and meta, check them against the catalog again, and
    /// create the new (hidden) tables and partitions.
    private func prepareRestore(_ job: RestoreRuntime, _ host: JobHost) {
        let request = job.record.request
        guard let repository = host.catalog.repositories[request.repositoryId] else {
            finishRestoreCancelled(job, status: .error("failed to get repository: \(request.repositoryId)"))
            return
        }
        do {
            let store = try host.objectStore(for: repository)
            let snapshot = try SnapshotReader(store: store, repositoryName: repository.name).read(label: request.label, timestamp: request.timestamp)
            let (info, meta) = (snapshot.info, snapshot.meta)
            try removeHiddenObjects(of: job.record.jobId, host)
            let design = try RestorePlanner.design(request: request, info: info, meta: meta, catalog: host.catalog, ownJob: job.record.jobId)
            let now = nowMillis()
            var plan = try host.writeCatalog { tx in try RestoreMaterializer(design: design, record: job.record).materialize(tx, now: now) }
            plan.infoName = snapshot.infoName
            plan.metaName = snapshot.metaName
            job.record.plan = plan
            job.record.stagingFolder = "restore.\(job.record.jobId).\(request.timeoutSeconds)"
            job.record.metaPreparedTime = nowMillis()
            restoreTransition(job, to: .snapshoting)
        } catch let error as JobError {
            finishRestoreCancelled(job, status: .error(error.message))
        } catch {
            finishRestoreCancelled(job, status: .error("\(error)"))
        }
    }

    /// Sizes of the files the restore downloads (one listing of the snapshot's content).
    private func downloadSizes(_ record: RestoreJobRecord, _ host: JobHost) -> [String: Int64] {
        guard let repository = host.catalog.repositories[record.request.repositoryId],
            let store = try? host.objectStore(for: repository),
            let objects = try? store.list(prefix: RepositoryPaths(repositoryName: repository.name).snapshotDirectory(label: record.label) + "/")
        else { return [:] }
        let listed = Dictionary(objects.map { ($0.key, $0.size) }, uniquingKeysWith: { a, _ in a })
        var sizes: [String: Int64] = [:]
        for tablet in record.plan?.tablets ?? [] {
            for file in tablet.files {
                let key = tablet.remoteDirectory + "/" + file
                sizes[key] = listed[key] ?? 0
            }
        }
        return sizes
    }

    /// Cancels a restore: stops its tasks, then rolls back what it created (journalled as owed
    /// with the CANCELLED state, see `rollBackRestore`).
    func finishRestoreCancelled(_ job: RestoreRuntime, status: JobStatus) {
        guard !job.record.state.isDone else { return }
        job.tasks.cancel.set()
        job.record.status = status
        job.record.state = .cancelled
        job.record.rollbackOwed = true
        job.record.finishedTime = nowMillis()
        job.tasks.waiting.removeAll()
        persistRestore(job)
        host?.logger.info("restore \(job.record.label) (job \(job.record.jobId)) cancelled: \(status.cell)")
        if job.tasks.inFlight.isEmpty { rollBackRestore(job) }
    }
}

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
