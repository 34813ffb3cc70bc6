import Catalog
import Foundation
import Repository
import Storage

/// A job request refused by the scheduler, with Doris's message.
public struct JobError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension JobScheduler {
    /// Journals a new backup job (state PENDING) and starts it. A label is unique in a
    /// repository across running jobs too, whatever their database (two jobs writing one
    /// snapshot folder make both unrestorable): while another job writes the label, or a
    /// cancelled one still removes its files, the submission is refused.
    public func submitBackup(_ record: BackupJobRecord) throws {
        let outcome: Result<BackupRuntime, Error> = onQueue {
            if let conflict = labelConflict(label: record.label, repositoryId: record.repositoryId, repositoryName: record.repositoryName) {
                return .failure(conflict)
            }
            do {
                try journal.save(id: record.jobId, kind: .backup, databaseId: record.databaseId, state: record.state.rawValue, body: record)
            } catch {
                return .failure(error)
            }
            let job = BackupRuntime(record: record)
            backups[record.jobId] = job
            return .success(job)
        }
        let job = try outcome.get()
        queue.async { [self] in
            host?.logger.info("backup \(record.label) (job \(record.jobId)) submitted")
            onChange?()
            stepBackup(job)
        }
    }

    /// Why a backup of `label` into the repository cannot start now: another job writes the
    /// label, or a cancelled one still removes its files. Nil when the label is free here.
    public func labelConflict(label: String, repositoryId: ObjectID, repositoryName: String) -> JobError? {
        onQueue {
            let holders = backups.values.filter {
                $0.record.repositoryId == repositoryId && $0.record.label == label && (!$0.record.state.isDone || $0.record.cleanupOwed == true)
            }
            guard let other = holders.first?.record else { return nil }
            let doing = other.state.isDone ? "removed after backup job \(other.jobId) was cancelled; try again once that is done"
                : "written by backup job \(other.jobId) of database \(other.databaseName)"
            return JobError("Snapshot with name '\(label)' is being \(doing) (labels are unique in repository \(repositoryName))")
        }
    }

    /// CANCEL BACKUP: cancels the database's current backup job.
    public func cancelBackup(database: ObjectID) throws(JobError) {
        let outcome: JobError? = queue.sync {
            guard let job = backups.values.filter({ $0.record.databaseId == database }).max(by: { $0.record.jobId < $1.record.jobId }) else {
                return JobError("No backup job is currently running")
            }
            if job.record.state.isDone {
                return JobError("Failed to cancel some jobs: \(job.record.label)(Job with label \(job.record.label) can not be cancelled. state: \(job.record.state.rawValue))")
            }
            finishCancelled(job, status: .error("user cancelled"))
            return nil
        }
        if let outcome { throw outcome }
    }

    func resumeBackup(_ job: BackupRuntime) {
        host?.logger.info("resuming backup \(job.record.label) (job \(job.record.jobId)) in \(job.record.state.rawValue)")
        switch job.record.state {
        case .snapshoting:
            for tablet in job.record.plan?.tablets ?? [] { job.tasks.waiting[tablet.tabletId] = .distantPast }
        case .uploading:
            // Upload again from the start of the phase; files already in the repository are skipped.
            job.record.state = .uploadSnapshot
        default:
            break
        }
        stepBackup(job)
    }

    /// Advances a job by at most one phase. Runs on the scheduler's queue.
    func stepBackup(_ job: BackupRuntime) {
        guard !job.record.state.isDone, !stopped, let host else { return }
        if job.tasks.phaseStarted == nil { job.tasks.phaseStarted = Date() }
        if nowMillis() - job.record.createTime > job.record.timeoutSeconds * 1000 {
            finishCancelled(job, status: JobStatus(code: "TIMEOUT", message: ""))
            return
        }
        if let pause = host.jobSettings.faultPauseAtState, pause == job.record.state.rawValue { return }
        switch job.record.state {
        case .pending: planBackup(job, host)
        case .snapshoting:
            dispatchDue(job, phase: .snapshot)
            if job.tasks.waiting.isEmpty && job.tasks.inFlight.isEmpty {
                job.record.snapshotFinishedTime = nowMillis()
                transition(job, to: .uploadSnapshot)
            }
        case .uploadSnapshot: prepareUploads(job, host)
        case .uploading:
            dispatchDue(job, phase: .upload)
            if job.tasks.waiting.isEmpty && job.tasks.inFlight.isEmpty {
                job.record.uploadFinishedTime = nowMillis()
                transition(job, to: .saveMeta)
            }
        case .saveMeta:
            releaseSnapshots(job.record, host)
            transition(job, to: .uploadInfo)
        case .uploadInfo: uploadInfo(job, host)
        case .finished, .cancelled: break
        }
    }

    func transition(_ job: BackupRuntime, to state: BackupState) {
        let left = job.record.state
        let elapsed = job.tasks.phaseStarted.map { Date().timeIntervalSince($0) * 1000 } ?? 0
        job.tasks.phaseStarted = Date()
        job.record.state = state
        persist(job)
        // Phase timings with millisecond precision, for operators and the benchmark scripts.
        host?.logger.info("backup \(job.record.label) (job \(job.record.jobId)) \(left.rawValue) took \(String(format: "%.1f", elapsed)) ms -> \(state.rawValue)")
        stepBackup(job)
    }

    private func planBackup(_ job: BackupRuntime, _ host: JobHost) {
        let catalog = host.catalog
        guard catalog.databases[job.record.databaseId] != nil else {
            finishCancelled(job, status: JobStatus(code: "NOT_FOUND", message: "database \(job.record.databaseId) does not exist"))
            return
        }
        var tables: [BackupPlan.TablePlan] = []
        for object in job.record.objects.sorted(by: { $0.table < $1.table }) {
            guard let table = catalog.table(named: object.table, in: job.record.databaseId) else {
                finishCancelled(job, status: JobStatus(code: "NOT_FOUND", message: "table \(object.table) does not exist"))
                return
            }
            let all = catalog.partitions(of: table.id)
            var chosen = all
            if let names = object.partitions {
                chosen = []
                for name in names {
                    guard let p = all.first(where: { $0.name == name }) else {
                        finishCancelled(job, status: JobStatus(code: "NOT_FOUND", message: "partition \(name) does not exist  in table\(table.name)"))
                        return
                    }
                    chosen.append(p)
                }
            }
            var partitions: [BackupPlan.PartitionPlan] = []
            for partition in chosen {
                var tablets: [BackupPlan.TabletPlan] = []
                for tablet in catalog.tablets(of: partition.id) {
                    let replicas = catalog.replicas(of: tablet.id).sorted { $0.id < $1.id }
                    let alive = replicas.filter { catalog.backends[$0.backendId]?.alive == true }.map(\.backendId)
                    let down = replicas.filter { catalog.backends[$0.backendId]?.alive != true }.map(\.backendId)
                    guard !alive.isEmpty else {
                        finishCancelled(job, status: .error("failed to choose replica to make snapshot for tablet \(tablet.id). visible version: \(partition.visibleVersion)"))
                        return
                    }
                    let rowsets = job.record.metadataOnly ? [] : catalog.rowsets(of: tablet.id).filter { $0.version <= partition.visibleVersion }
                    tablets.append(BackupPlan.TabletPlan(tabletId: tablet.id, backends: alive + down, rowsets: rowsets))
                }
                partitions.append(BackupPlan.PartitionPlan(partition: partition, tablets: tablets))
            }
            tables.append(BackupPlan.TablePlan(table: table, partitions: partitions))
        }
        let plan = BackupPlan(tables: tables)
        job.record.plan = plan
        let folder = SnapshotMaker.folderName(createTime: job.record.createTime, jobId: job.record.jobId, timeoutSeconds: job.record.timeoutSeconds)
        for tablet in plan.tablets {
            job.record.sourceBackend[tablet.tabletId] = tablet.backends[0]
            job.record.snapshotFolders[tablet.backends[0]] = folder
            if !job.record.metadataOnly { job.tasks.waiting[tablet.tabletId] = .distantPast }
        }
        transition(job, to: .snapshoting)
    }

    private func prepareUploads(_ job: BackupRuntime, _ host: JobHost) {
        guard let repository = host.catalog.repositories[job.record.repositoryId] else {
            finishCancelled(job, status: JobStatus(code: "NOT_FOUND", message: "repository \(job.record.repositoryName) does not exist"))
            return
        }
        let prefix = RepositoryPaths(repositoryName: repository.name).snapshotDirectory(label: job.record.label) + "/"
        do {
            let store = try host.objectStore(for: repository)
            job.existingKeys = Dictionary(try store.list(prefix: prefix).map { ($0.key, $0.size) }, uniquingKeysWith: { a, _ in a })
            // None of this job's uploads runs yet: unfinished ones under its prefix were cut
            // off by a crash of an earlier process, and their parts would stay forever.
            try? store.discardIncompleteWrites(prefix: prefix)
        } catch {
            job.existingKeys = [:]
        }
        var doneFiles = 0
        var doneBytes: Int64 = 0
        for tablet in job.record.plan?.tablets ?? [] {
            if job.record.uploadedTablets.contains(tablet.tabletId) {
                doneFiles += tablet.rowsets.count
                doneBytes += tablet.bytes
            } else if !job.record.metadataOnly {
                job.tasks.waiting[tablet.tabletId] = .distantPast
            }
        }
        job.tasks.progress.reset(filesDone: doneFiles, bytesDone: doneBytes)
        transition(job, to: .uploading)
    }

    func releaseSnapshots(_ record: BackupJobRecord, _ host: JobHost) {
        let maker = SnapshotMaker(layout: host.layout)
        let folders = record.snapshotFolders
        DispatchQueue.global().async(group: background) {
            for (backend, name) in folders { maker.release(backend: backend, folderName: name) }
        }
    }

    /// Cancels a job (user, error or timeout): stops its tasks at their next chunk, then
    /// releases its snapshots and removes what it uploaded once no task is running. The
    /// clean-up is journalled as owed with the CANCELLED state (see `runOwedCleanups`).
    func finishCancelled(_ job: BackupRuntime, status: JobStatus) {
        guard !job.record.state.isDone else { return }
        job.tasks.cancel.set()
        job.record.status = status
        job.record.state = .cancelled
        job.record.cleanupOwed = true
        job.record.finishedTime = nowMillis()
        job.tasks.waiting.removeAll()
        persist(job)
        host?.logger.info("backup \(job.record.label) (job \(job.record.jobId)) cancelled: \(status.cell)")
        if job.tasks.inFlight.isEmpty { cleanUpCancelled(job) }
    }
}
