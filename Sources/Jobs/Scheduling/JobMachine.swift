import Catalog
import Foundation

/// A job's journalled state: FINISHED and CANCELLED end it.
protocol JobState: RawRepresentable<String>, Sendable {
    var isDone: Bool { get }
    static var cancelled: Self { get }
}

extension BackupState: JobState {}
extension RestoreState: JobState {}

/// A job's journal row, as the machines that share `JobMachine`'s rules see it.
protocol JournalledRecord: JobRecordFacts, Codable {
    associatedtype State: JobState
    var databaseId: ObjectID { get }
    var state: State { get set }
    var status: JobStatus { get set }
    var finishedTime: Int64 { get set }
    /// Records, with the CANCELLED state, that the job owes undoing what it did.
    mutating func owesUndo()
}

extension BackupJobRecord: JournalledRecord {
    mutating func owesUndo() { cleanupOwed = true }
}

extension RestoreJobRecord: JournalledRecord {
    mutating func owesUndo() { rollbackOwed = true }
}

/// One job of a machine while this process runs it.
protocol MachineJob: AnyObject {
    associatedtype Record: JournalledRecord
    var record: Record { get set }
    var tasks: TaskBook { get }
    /// The job was cancelled in memory but the journal refused the CANCELLED record: nothing
    /// may act on the cancel (its clean-up or rollback), since the next process resumes the
    /// job from its last journalled state.
    var cancellationUnjournalled: Bool { get set }
    init(record: Record, clock: any JobClock)
}

extension BackupRuntime: MachineJob {}
extension RestoreRuntime: MachineJob {}

/// The rules both state machines share. The journal is the authority: a state change is
/// journalled before anything acts on it, and a journal write that fails stops the job
/// (CANCELLED, with a Status that says why) instead of letting it go on from memory. If even
/// the CANCELLED record cannot be written, the job stays stopped in this process without
/// undoing anything, and the next process to open the data directory resumes it from its last
/// journalled state. Everything here runs on the core's queue.
protocol JobMachine: AnyObject {
    associatedtype Job: MachineJob
    var core: JobCore { get }
    /// Every job of the machine's kind this process knows, by id.
    var jobs: [Int64: Job] { get set }
    /// Advances a job by at most one phase.
    func step(_ job: Job)
    /// Starts undoing what a cancelled job did, once none of its tasks runs.
    func undo(_ job: Job)
}

extension JobMachine {
    private var noun: String { Job.Record.kind.rawValue.lowercased() }

    /// Takes in the jobs of the journal (at start).
    func load(_ records: [Job.Record]) {
        for record in records { jobs[record.jobId] = Job(record: record, clock: core.clock) }
    }

    /// Moves the job to `state` once the journal holds it, then steps it on. A step error
    /// shown in the Status belongs to the phase it failed in and is cleared.
    func transition(_ job: Job, to state: Job.Record.State) {
        let left = job.record.state
        var next = job.record
        next.state = state
        next.status = .ok
        guard adopt(next, for: job) else { return }
        job.tasks.stepSucceeded()
        // Phase timings with millisecond precision, for operators and the benchmark scripts.
        let elapsed = core.elapsedMillis(since: job.tasks.phaseStarted)
        job.tasks.phaseStarted = core.now()
        core.logger.info("\(noun) \(job.record.label) (job \(job.record.jobId)) \(left.rawValue) took \(String(format: "%.1f", elapsed)) ms -> \(state.rawValue)")
        step(job)
    }

    /// Journals `next` as the job's record and adopts it. When the journal refuses it, the job
    /// stops and this returns false: nothing may act on a record the journal does not hold.
    @discardableResult
    func adopt(_ next: Job.Record, for job: Job) -> Bool {
        do {
            try save(next)
        } catch {
            core.logger.error("\(noun) \(job.record.label) (job \(job.record.jobId)): cannot journal its state \(next.state.rawValue): \(error)")
            finishCancelled(job, status: .journalFailure(error, state: next.state.rawValue))
            return false
        }
        job.record = next
        core.changed()
        return true
    }

    func save(_ record: Job.Record) throws {
        try core.save(entry(record))
    }

    func entry(_ record: Job.Record) -> JournalEntry<Job.Record> {
        core.entry(record, id: record.jobId, kind: Job.Record.kind, databaseId: record.databaseId, state: record.state.rawValue)
    }

    /// A phase's single step failed (listing the repository, writing `__info`, ...): the
    /// Status shows why until the step succeeds, and it is tried again after a backoff. Such
    /// errors never cancel the job (Doris rule) unless only an operator can cure them.
    func stepFailed(_ job: Job, _ error: String, needsOperator: Bool) {
        job.tasks.stepFailed(now: core.now(), needsOperator: needsOperator)
        if let reason = core.giveUpReason(job.tasks, TaskBook.jobStep, error) {
            finishCancelled(job, status: .error(reason))
            return
        }
        var next = job.record
        next.status = .error(error)
        adopt(next, for: job)
    }

    /// Cancels a job (user, error, timeout or a journal failure): stops its tasks at their next
    /// chunk; once none runs, undoes what it did. The undo is journalled as owed with the
    /// CANCELLED state and cleared when done, so a process that exits first leaves it to the
    /// next one.
    func finishCancelled(_ job: Job, status: JobStatus) {
        guard !job.record.state.isDone else { return }
        let lastState = job.record.state
        job.tasks.cancel.set()
        job.tasks.waiting.removeAll()
        job.record.status = status
        job.record.state = .cancelled
        job.record.owesUndo()
        job.record.finishedTime = core.nowMillis()
        do {
            try save(job.record)
        } catch {
            job.cancellationUnjournalled = true
            job.record.status.message += JobStatus.unjournalledCancellation(error, lastJournalled: lastState.rawValue)
            core.logger.error("\(noun) \(job.record.label) (job \(job.record.jobId)): cannot journal its cancellation: \(error)")
        }
        core.changed()
        core.logger.info("\(noun) \(job.record.label) (job \(job.record.jobId)) cancelled: \(job.record.status.cell)")
        if job.tasks.inFlight.isEmpty { undo(job) }
    }
}
