/// The pure core of schedules: given the time, the schedules, their open runs, what the job
/// scheduler knows of those runs' backups and which databases are busy, it says what to do.
/// The engine's shell gathers the situation, applies the actions (each journaled) and asks
/// again while actions open new runs.
///
/// The rules:
/// - A RUNNING schedule whose occurrence came due opens one run for it. Occurrences missed
///   while no process was up collapse into one run for the latest of them.
/// - A schedule has at most one open run; occurrences that come due while it is open are
///   absorbed by it (as Doris skips a trigger while the job's task still runs).
/// - A PENDING run is submitted once its database has no unfinished backup or restore;
///   until then it waits. A PENDING run whose backup the job scheduler already knows (a crash
///   came between submitting and recording it) is adopted, never submitted again.
/// - A run settles with its backup's final state; a PAUSED schedule opens nothing; a schedule
///   with no occurrence left and no open run is FINISHED.
public enum ScheduleRunner {
    /// What the job scheduler knows of the backup with a run's label.
    public enum BackupProgress: Sendable, Equatable {
        /// No backup job with that label (in that database).
        case unknown
        case running
        case finished
        /// Cancelled, with its Status message.
        case cancelled(String)
    }

    /// Everything a decision depends on, gathered by the shell at one moment.
    public struct Situation: Sendable {
        public var now: Int64
        public var schedules: [BackupSchedule]
        /// PENDING and RUNNING runs.
        public var openRuns: [ScheduleRun]
        /// By task id; a run missing here counts as `.unknown`.
        public var backups: [Int64: BackupProgress]
        /// Databases (by name) with an unfinished backup or restore job.
        public var busyDatabases: Set<String>

        public init(
            now: Int64, schedules: [BackupSchedule], openRuns: [ScheduleRun], backups: [Int64: BackupProgress] = [:],
            busyDatabases: Set<String> = []
        ) {
            self.now = now
            self.schedules = schedules
            self.openRuns = openRuns
            self.backups = backups
            self.busyDatabases = busyDatabases
        }
    }

    /// One step for the shell to apply, journaled before anything acts on it.
    public enum Action: Sendable, Equatable {
        /// Journal a PENDING run for this occurrence; occurrences up to it are spent.
        case open(scheduleId: Int64, scheduledTime: Int64)
        /// Occurrences up to this time are spent on the schedule's open run.
        case absorb(scheduleId: Int64, through: Int64)
        /// Submit the PENDING run's backup.
        case submit(taskId: Int64)
        /// The PENDING run's backup is already known and running: record it as RUNNING.
        case adopt(taskId: Int64)
        case settle(taskId: Int64, status: RunStatus, message: String)
        case finish(scheduleId: Int64)
    }

    public static func decide(_ situation: Situation) -> [Action] {
        var actions: [Action] = []
        var busy = situation.busyDatabases
        var stillOpen: Set<Int64> = []
        for run in situation.openRuns.sorted(by: { $0.taskId < $1.taskId }) {
            let progress = situation.backups[run.taskId] ?? .unknown
            switch (run.status, progress) {
            case (_, .finished):
                actions.append(.settle(taskId: run.taskId, status: .success, message: ""))
            case (_, .cancelled(let message)):
                actions.append(.settle(taskId: run.taskId, status: .failed, message: message))
            case (.pending, .running):
                actions.append(.adopt(taskId: run.taskId))
                stillOpen.insert(run.scheduleId)
            case (.pending, .unknown):
                stillOpen.insert(run.scheduleId)
                if !busy.contains(run.databaseName) {
                    actions.append(.submit(taskId: run.taskId))
                    busy.insert(run.databaseName)
                }
            case (_, .running):
                stillOpen.insert(run.scheduleId)
            case (_, .unknown):
                actions.append(.settle(
                    taskId: run.taskId, status: .failed,
                    message: "the backup job of label \(run.label) is no longer in the job history"))
            }
        }
        for schedule in situation.schedules.sorted(by: { $0.id < $1.id }) where schedule.status == .running {
            let hasOpenRun = stillOpen.contains(schedule.id)
            var consumed = schedule.consumedThrough
            if let due = schedule.timing.latestOccurrence(after: consumed, upTo: situation.now) {
                actions.append(hasOpenRun ? .absorb(scheduleId: schedule.id, through: due) : .open(scheduleId: schedule.id, scheduledTime: due))
                consumed = due
                if !hasOpenRun { continue }
            }
            if !hasOpenRun, schedule.timing.occurrence(after: consumed) == nil {
                actions.append(.finish(scheduleId: schedule.id))
            }
        }
        return actions
    }
}
