import Catalog
import Foundation
import Repository
import Storage

/// The restore state machine: PENDING → SNAPSHOTING → DOWNLOAD → DOWNLOADING → COMMIT →
/// COMMITTING → FINISHED, or CANCELLED before COMMITTING ends. It runs on the core's queue,
/// which owns every job here, and holds to the journal as `BackupMachine` does: a state change
/// is journalled before anything acts on it, and a journal write that fails stops the job.
final class RestoreMachine: @unchecked Sendable {
    let core: JobCore
    var jobs: [Int64: RestoreRuntime] = [:]

    init(core: JobCore) {
        self.core = core
    }

    func load(_ records: [RestoreJobRecord]) {
        for record in records { jobs[record.jobId] = RestoreRuntime(record: record, clock: core.clock) }
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

    /// Moves the job to `state` once the journal holds it, then steps it on (see
    /// `BackupMachine.transition`).
    func transition(_ job: RestoreRuntime, to state: RestoreState) {
        let left = job.record.state
        var next = job.record
        next.state = state
        next.status = .ok
        guard adopt(next, for: job) else { return }
        job.tasks.stepSucceeded()
        let elapsed = core.elapsedMillis(since: job.tasks.phaseStarted)
        job.tasks.phaseStarted = core.now()
        core.logger.info("restore \(job.record.label) (job \(job.record.jobId)) \(left.rawValue) took \(String(format: "%.1f", elapsed)) ms -> \(state.rawValue)")
        step(job)
    }

    /// Journals `next` as the job's record and adopts it; when the journal refuses it, stops
    /// the job and returns false (see `BackupMachine.adopt`).
    @discardableResult
    func adopt(_ next: RestoreJobRecord, for job: RestoreRuntime) -> Bool {
        do {
            try save(next)
        } catch {
            core.logger.error("restore \(job.record.label) (job \(job.record.jobId)): cannot journal its state \(next.state.rawValue): \(error)")
            finishCancelled(job, status: .journalFailure(error, state: next.state.rawValue))
            return false
        }
        job.record = next
        core.changed()
        return true
    }

    func save(_ record: RestoreJobRecord) throws {
        try core.save(entry(record))
    }

    func entry(_ record: RestoreJobRecord) -> JournalEntry<RestoreJobRecord> {
        core.entry(record, id: record.jobId, kind: .restore, databaseId: record.databaseId, state: record.state.rawValue)
    }

    /// A phase's single step failed (see `BackupMachine.stepFailed`).
    func stepFailed(_ job: RestoreRuntime, _ error: String, needsOperator: Bool) {
        job.tasks.stepFailed(now: core.now(), needsOperator: needsOperator)
        if let reason = core.giveUpReason(job.tasks, TaskBook.jobStep, error) {
            finishCancelled(job, status: .error(reason))
            return
        }
        var next = job.record
        next.status = .error(error)
        adopt(next, for: job)
    }

    /// Cancels a restore: stops its tasks, then rolls back what it created (journalled as owed
    /// with the CANCELLED state, see `rollBack`). A cancellation the journal refuses leaves the
    /// job stopped without a rollback, for the next process to resume.
    func finishCancelled(_ job: RestoreRuntime, status: JobStatus) {
        guard !job.record.state.isDone else { return }
        let lastState = job.record.state
        job.tasks.cancel.set()
        job.tasks.waiting.removeAll()
        job.record.status = status
        job.record.state = .cancelled
        job.record.rollbackOwed = true
        job.record.finishedTime = core.nowMillis()
        do {
            try save(job.record)
        } catch {
            job.cancellationUnjournalled = true
            job.record.status.message += JobStatus.unjournalledCancellation(error, lastJournalled: lastState.rawValue)
            core.logger.error("restore \(job.record.label) (job \(job.record.jobId)): cannot journal its cancellation: \(error)")
        }
        core.changed()
        core.logger.info("restore \(job.record.label) (job \(job.record.jobId)) cancelled: \(job.record.status.cell)")
        if job.tasks.inFlight.isEmpty { rollBack(job) }
    }
}
