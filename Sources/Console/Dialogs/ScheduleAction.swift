import Essentials

/// What the Schedules tab does to a schedule, the statement for each (Doris's job-scheduler
/// syntax; run-now is SnapDeck's `EXECUTE JOB`), and the confirmation that shows it first.
public enum ScheduleAction: String, Sendable, Hashable {
    case create, pause, resume, runNow, drop

    /// The statement for an existing schedule; `create` comes from the dialog instead.
    func sql(_ name: String) -> String {
        let target = "WHERE jobname = " + Quoting.sqlString(name, quote: "'")
        switch self {
        case .create: return ""
        case .pause: return "PAUSE JOB " + target
        case .resume: return "RESUME JOB " + target
        case .runNow: return "EXECUTE JOB " + target
        case .drop: return "DROP JOB " + target
        }
    }

    /// The flash after it succeeded.
    func done(_ name: String) -> String {
        switch self {
        case .create: "Schedule \(name) created."
        case .pause: "Schedule \(name) paused: no runs until it is resumed."
        case .resume: "Schedule \(name) resumed."
        case .runNow: "Schedule \(name) started a run; it shows on the Backups tab."
        case .drop: "Schedule \(name) dropped; its snapshots stay in the repository."
        }
    }
}

extension ConfirmState {
    /// Pause, resume, run now or drop, with the statement it will run.
    static func schedule(_ schedule: ScheduleRow, _ action: ScheduleAction) -> ConfirmState {
        let name = schedule.name
        let (title, lines, label, danger): (String, [String], String, Danger) = switch action {
        case .pause:
            ("Pause schedule?", ["Pause \(name) (\(schedule.recurringStrategy))?",
                                 "No run starts while it is paused; a run already going finishes."], "Pause", .none)
        case .resume:
            ("Resume schedule?", ["Resume \(name) (\(schedule.recurringStrategy))?",
                                  "The next run follows its schedule."], "Resume", .none)
        case .runNow:
            ("Run schedule now?", ["Start a run of \(name) now, besides its schedule?",
                                   "It runs: \(schedule.executeSql)"], "Run now", .none)
        case .drop, .create:
            ("Drop schedule?", ["Drop \(name) (\(schedule.recurringStrategy))?",
                                "No more runs start; the snapshots it made stay in the repository."], "Drop", .normal)
        }
        return ConfirmState(title: title, lines: lines, target: name, sql: action.sql(name), confirmLabel: label, danger: danger,
                            purpose: .schedule(name: name, action: action))
    }
}
