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
/// UPLOAD_INFO → FINISHED, or CANCELLED from any of them; a cancelled job's clean-up removes
/// what it uploaded. It runs on the core's queue, which owns every job here, and follows the
/// journal rules of `JobMachine`.
final class BackupMachine: JobMachine, @unchecked Sendable {
    let core: JobCore
    var jobs: [Int64: BackupRuntime] = [:]

    init(core: JobCore) {
        self.core = core
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
        case .snapshoting: runTasks(job, .snapshot, finished: \.snapshotFinishedTime, then: .uploadSnapshot)
        case .uploadSnapshot: prepareUploads(job, host)
        case .uploading: runTasks(job, .upload, finished: \.uploadFinishedTime, then: .saveMeta)
        case .saveMeta:
            releaseSnapshots(job.record, host)
            transition(job, to: .uploadInfo)
        case .uploadInfo: uploadInfo(job, host)
        case .finished, .cancelled: break
        }
    }

    /// Dispatches the phase's due tablets; once none waits or runs, stamps the phase's end
    /// and moves on.
    private func runTasks(_ job: BackupRuntime, _ phase: Phase, finished: WritableKeyPath<BackupJobRecord, Int64>, then next: BackupState) {
        dispatchDue(job, phase: phase)
        guard job.tasks.waiting.isEmpty && job.tasks.inFlight.isEmpty else { return }
        job.record[keyPath: finished] = core.nowMillis()
        transition(job, to: next)
    }

    func undo(_ job: BackupRuntime) { cleanUpCancelled(job) }

    func releaseSnapshots(_ record: BackupJobRecord, _ host: JobHost) {
        let maker = SnapshotMaker(layout: host.layout)
        let folders = record.snapshotFolders
        core.workers.async(group: core.background) {
            for (backend, name) in folders { maker.release(backend: backend, folderName: name) }
        }
    }
}
