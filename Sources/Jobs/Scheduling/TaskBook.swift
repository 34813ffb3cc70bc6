import Catalog
import Foundation

/// The in-memory bookkeeping every running job keeps about its tasks: what waits (and until
/// when), what is in flight, how often each tablet has failed, cancellation and counters.
/// Backup and restore runtimes both carry one; owned by the scheduler's queue.
final class TaskBook: @unchecked Sendable {
    let cancel = SharedFlag()
    let progress: TransferProgress
    /// Tablets waiting for the current phase's task, with the earliest time to try again.
    var waiting: [ObjectID: Date] = [:]
    /// Tasks dispatched and not yet reported back: signature → (backend, tablets).
    var inFlight: [Int: (backend: ObjectID, tablets: [ObjectID])] = [:]
    private var attempts: [ObjectID: Int] = [:]
    /// Consecutive failures of each task that only an operator can cure (see
    /// `ObjectStoreError.needsOperator`).
    private var operatorFailureStreak: [ObjectID: Int] = [:]
    private var nextSignature = 1
    /// When the current phase began in this process (for the log's timings).
    var phaseStarted: Date?
    /// When a phase's single step that failed (listing the repository, writing `__info`, ...)
    /// may be tried again; nil when it has not failed.
    var stepRetryAt: Date?

    /// The id under which failures of a phase's single step are counted (tablet ids are never
    /// 0).
    static let jobStep: ObjectID = 0

    init(clock: any JobClock) {
        progress = TransferProgress(clock: clock)
    }

    /// Whether the phase's single step may run now (it has not failed, or its retry is due).
    func stepDue(at now: Date) -> Bool { (stepRetryAt ?? .distantPast) <= now }

    /// Records one more failure of the phase's single step and when to try it again.
    func stepFailed(now: Date, needsOperator: Bool) {
        stepRetryAt = recordFailure(Self.jobStep, now: now, needsOperator: needsOperator)
    }

    /// The phase's single step succeeded.
    func stepSucceeded() {
        stepRetryAt = nil
        attempts[Self.jobStep] = nil
        succeeded(Self.jobStep)
    }

    func allocateSignature() -> Int {
        defer { nextSignature += 1 }
        return nextSignature
    }

    /// Records one more failure of `id`, puts it back in `waiting` and returns when it may be
    /// tried again.
    @discardableResult
    func retryLater(_ id: ObjectID, now: Date, needsOperator: Bool = false) -> Date {
        let at = recordFailure(id, now: now, needsOperator: needsOperator)
        waiting[id] = at
        return at
    }

    /// Records one more failure of `id` (a tablet, or a job's single step such as writing its
    /// info file) and returns when it may be tried again.
    func recordFailure(_ id: ObjectID, now: Date, needsOperator: Bool) -> Date {
        let attempt = (attempts[id] ?? 0) + 1
        attempts[id] = attempt
        operatorFailureStreak[id] = needsOperator ? (operatorFailureStreak[id] ?? 0) + 1 : 0
        return now.addingTimeInterval(JobCore.backoff(attempt))
    }

    func succeeded(_ id: ObjectID) {
        operatorFailureStreak[id] = nil
    }

    /// How many times in a row `id` failed with an error only an operator can cure.
    func operatorFailures(_ id: ObjectID) -> Int { operatorFailureStreak[id] ?? 0 }

    /// Tablets of tasks still in flight.
    var busy: Set<ObjectID> { Set(inFlight.values.flatMap(\.tablets)) }

    /// Waiting ids whose retry time has come and that no task holds, sorted.
    func due(at now: Date) -> [ObjectID] {
        let busy = self.busy
        return waiting.filter { $0.value <= now && !busy.contains($0.key) }.map(\.key).sorted()
    }
}
