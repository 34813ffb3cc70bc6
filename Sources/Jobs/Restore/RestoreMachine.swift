import Catalog
import Foundation
import Repository
import Storage

/// The restore state machine: PENDING → SNAPSHOTING → DOWNLOAD → DOWNLOADING → COMMIT →
/// COMMITTING → FINISHED, or CANCELLED before COMMITTING ends; a cancelled job's rollback
/// removes what it created. It runs on the core's queue, which owns every job here, and
/// follows the journal rules of `JobMachine`.
final class RestoreMachine: JobMachine, @unchecked Sendable {
    let core: JobCore
    var jobs: [Int64: RestoreRuntime] = [:]

    init(core: JobCore) {
        self.core = core
    }

    /// Journals a new restore job (PENDING) and starts it.
    func submit(_ record: RestoreJobRecord) throws {
        try save(record)
        core.queue.async { [self] in
            let job = RestoreRuntime(record: record, clock: core.clock)
            jobs[record.jobId] = job
            core.logger.info("restore \(record.label) (job \(record.jobId)) submitted")
            core.changed()
            step(job)
        }
    }

    /// CANCEL RESTORE: cancels the database's current restore job, if it has not committed.
    /// On the queue.
    func cancel(database: ObjectID) -> JobError? {
        guard let job = jobs.values.filter({ $0.record.databaseId == database }).max(by: { $0.record.jobId < $1.record.jobId }) else {
            return JobError("No restore job is currently running")
        }
        if job.record.state.isDone || job.commitRunning {
            let state = job.commitRunning ? "COMMITTING" : job.record.state.rawValue
            return JobError("Failed to cancel some jobs: \(job.record.label)(Job with label \(job.record.label) can not be cancelled. state: \(state))")
        }
        finishCancelled(job, status: .error("user cancelled, current state: \(job.record.state.rawValue)"))
        return nil
    }

    func resume(_ job: RestoreRuntime) {
        core.logger.info("resuming restore \(job.record.label) (job \(job.record.jobId)) in \(job.record.state.rawValue)")
        switch job.record.state {
        case .snapshoting, .download, .downloading:
            // Staging folders may be gone; download again what is not recorded as done.
            job.record.state = .snapshoting
        case .commit, .committing:
            job.record.state = .commit
        default:
            break
        }
        step(job)
    }

    func step(_ job: RestoreRuntime) {
        guard !job.record.state.isDone, !core.stopped, let host = core.host else { return }
        if job.tasks.phaseStarted == nil { job.tasks.phaseStarted = core.now() }
        if core.nowMillis() - job.record.createTime > job.record.request.timeoutSeconds * 1000, !job.commitRunning {
            finishCancelled(job, status: JobStatus(code: "TIMEOUT", message: "restore job with label: \(job.record.label)  timeout."))
            return
        }
        if let pause = host.jobSettings.faultPauseAtState, pause == job.record.state.rawValue { return }
        switch job.record.state {
        case .pending: prepare(job, host)
        case .snapshoting: makeStagingFolders(job, host)
        case .download: queueDownloads(job, host)
        case .downloading:
            dispatchDownloads(job, host)
            if job.tasks.waiting.isEmpty && job.tasks.inFlight.isEmpty {
                job.record.downloadFinishedTime = core.nowMillis()
                transition(job, to: .commit)
            }
        case .commit: transition(job, to: .committing)
        case .committing: commit(job, host)
        case .finished, .cancelled: break
        }
    }

    func undo(_ job: RestoreRuntime) { rollBack(job) }
}
