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

/// The backup state machine: PENDING → SNAPSHOTING → UPLOAD_SNAPSHOT → UPLOADING → SAVE_META →
/// UPLOAD_INFO → FINISHED, or CANCELLED from any of them. `step` advances a job by at most one
/// phase; it runs on the core's queue, which owns every job here.
///
/// The journal is the authority: a state change is journalled before anything acts on it, and
/// a journal write that fails stops the job (CANCELLED, with a Status that says why) instead of
/// letting it go on from memory. If even the CANCELLED record cannot be written, the job stays
/// stopped in this process without running its clean-up, and the next process to open the data
/// directory resumes it from its last journalled state.
final class BackupMachine: @unchecked Sendable {
    let core: JobCore
    var jobs: [Int64: BackupRuntime] = [:]

    init(core: JobCore) {
        self.core = core
    }

    func load(_ records: [BackupJobRecord]) {
        for record in records { jobs[record.jobId] = BackupRuntime(record: record, clock: core.clock) }
    }

    /// Journals a new job (PENDING) and starts it; see `JobScheduler.submitBackup`.
    func submit(_ record: BackupJobRecord) throws {
        let outcome: Result<BackupRuntime, Error> = core.onQueue {
            if let conflict = labelConflict(label: record.label, repositoryId: record.repositoryId, repositoryName: record.repositoryName) {
                return .failure(conflict)
            }
            do {
                try save(record)
            } catch {
                return .failure(error)
            }
            let job = BackupRuntime(record: record, clock: core.clock)
            jobs[record.jobId] = job
            return .success(job)
        }
        let job = try outcome.get()
        core.queue.async { [self] in
            core.logger.info("backup \(record.label) (job \(record.jobId)) submitted")
            core.changed()
            step(job)
        }
    }

    /// See `JobScheduler.labelConflict`.
    func labelConflict(label: String, repositoryId: ObjectID, repositoryName: String) -> JobError? {
        let holders = jobs.values.filter {
            $0.record.repositoryId == repositoryId && $0.record.label == label && (!$0.record.state.isDone || $0.record.cleanupOwed == true)
        }
        guard let other = holders.first?.record else { return nil }
        let doing = other.state.isDone ? "removed after backup job \(other.jobId) was cancelled; try again once that is done"
            : "written by backup job \(other.jobId) of database \(other.databaseName)"
        return JobError("Snapshot with name '\(label)' is being \(doing) (labels are unique in repository \(repositoryName))")
    }

    /// CANCEL BACKUP: cancels the database's current backup job. On the queue.
    func cancel(database: ObjectID) -> JobError? {
        guard let job = jobs.values.filter({ $0.record.databaseId == database }).max(by: { $0.record.jobId < $1.record.jobId }) else {
            return JobError("No backup job is currently running")
        }
        if job.record.state.isDone {
            return JobError("Failed to cancel some jobs: \(job.record.label)(Job with label \(job.record.label) can not be cancelled. state: \(job.record.state.rawValue))")
        }
        finishCancelled(job, status: .error("user cancelled"))
        return nil
    }

    func resume(_ job: BackupRuntime) {
        core.logger.info("resuming backup \(job.record.label) (job \(job.record.jobId)) in \(job.record.state.rawValue)")
        switch job.record.state {
        case .snapshoting:
            for tablet in job.record.plan?.tablets ?? [] { job.tasks.waiting[tablet.tabletId] = .distantPast }
        case .uploading:
            // Upload again from the start of the phase; files already in the repository are skipped.
            job.record.state = .uploadSnapshot
        default:
            break
        }
        step(job)
    }

    /// Advances a job by at most one phase.
    func step(_ job: BackupRuntime) {
        guard !job.record.state.isDone, !core.stopped, let host = core.host else { return }
        if job.tasks.phaseStarted == nil { job.tasks.phaseStarted = core.now() }
        if core.nowMillis() - job.record.createTime > job.record.timeoutSeconds * 1000 {
            finishCancelled(job, status: JobStatus(code: "TIMEOUT", message: ""))
            return
        }
        if let pause = host.jobSettings.faultPauseAtState, pause == job.record.state.rawValue { return }
        switch job.record.state {
        case .pending: planBackup(job, host)
        case .snapshoting:
            dispatchDue(job, phase: .snapshot)
            if job.tasks.waiting.isEmpty && job.tasks.inFlight.isEmpty {
                job.record.snapshotFinishedTime = core.nowMillis()
                transition(job, to: .uploadSnapshot)
            }
        case .uploadSnapshot: prepareUploads(job, host)
        case .uploading:
            dispatchDue(job, phase: .upload)
            if job.tasks.waiting.isEmpty && job.tasks.inFlight.isEmpty {
                job.record.uploadFinishedTime = core.nowMillis()
                transition(job, to: .saveMeta)
            }
        case .saveMeta:
            releaseSnapshots(job.record, host)
            transition(job, to: .uploadInfo)
        case .uploadInfo: uploadInfo(job, host)
        case .finished, .cancelled: break
        }
    }

    /// Moves the job to `state` once the journal holds it, then steps it on. A step error
    /// shown in the Status belongs to the phase it failed in and is cleared.
    func transition(_ job: BackupRuntime, to state: BackupState) {
        let left = job.record.state
        var next = job.record
        next.state = state
        next.status = .ok
        guard adopt(next, for: job) else { return }
        job.tasks.stepSucceeded()
        // Phase timings with millisecond precision, for operators and the benchmark scripts.
        let elapsed = core.elapsedMillis(since: job.tasks.phaseStarted)
        job.tasks.phaseStarted = core.now()
        core.logger.info("backup \(job.record.label) (job \(job.record.jobId)) \(left.rawValue) took \(String(format: "%.1f", elapsed)) ms -> \(state.rawValue)")
        step(job)
    }

    /// Journals `next` as the job's record and adopts it. When the journal refuses it, the job
    /// stops (see the type's comment) and this returns false: nothing may act on a record the
    /// journal does not hold.
    @discardableResult
    func adopt(_ next: BackupJobRecord, for job: BackupRuntime) -> Bool {
        do {
            try save(next)
        } catch {
            core.logger.error("backup \(job.record.label) (job \(job.record.jobId)): cannot journal its state \(next.state.rawValue): \(error)")
            finishCancelled(job, status: .journalFailure(error, state: next.state.rawValue))
            return false
        }
        job.record = next
        core.changed()
        return true
    }

    private func save(_ record: BackupJobRecord) throws {
        try core.save(core.entry(record, id: record.jobId, kind: .backup, databaseId: record.databaseId, state: record.state.rawValue))
    }

    /// Cancels a job (user, error, timeout or a journal failure): stops its tasks at their next
    /// chunk, then releases its snapshots and removes what it uploaded once no task is running.
    /// The clean-up is journalled as owed with the CANCELLED state (see `runOwedCleanups`).
    func finishCancelled(_ job: BackupRuntime, status: JobStatus) {
        guard !job.record.state.isDone else { return }
        let lastState = job.record.state
        job.tasks.cancel.set()
        job.tasks.waiting.removeAll()
        job.record.status = status
        job.record.state = .cancelled
        job.record.cleanupOwed = true
        job.record.finishedTime = core.nowMillis()
        do {
            try save(job.record)
        } catch {
            job.cancellationUnjournalled = true
            job.record.status.message += JobStatus.unjournalledCancellation(error, lastJournalled: lastState.rawValue)
            core.logger.error("backup \(job.record.label) (job \(job.record.jobId)): cannot journal its cancellation: \(error)")
        }
        core.changed()
        core.logger.info("backup \(job.record.label) (job \(job.record.jobId)) cancelled: \(job.record.status.cell)")
        if job.tasks.inFlight.isEmpty { cleanUpCancelled(job) }
    }

    func releaseSnapshots(_ record: BackupJobRecord, _ host: JobHost) {
        let maker = SnapshotMaker(layout: host.layout)
        let folders = record.snapshotFolders
        core.workers.async(group: core.background) {
            for (backend, name) in folders { maker.release(backend: backend, folderName: name) }
        }
    }
}
