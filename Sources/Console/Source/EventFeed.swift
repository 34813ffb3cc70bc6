/// Derives the Events tab from successive pictures of the cluster: a job's state changes and
/// new task errors become events, newest first, at most 1,000 kept. Jobs already finished when
/// the dashboard opens are history, not news. Any source's pictures work: it compares jobs only.
public struct EventFeed: Sendable {
    public private(set) var events: [EventRow] = []
    private var sequence = 0
    private var lastStates: [String: String] = [:]
    private var lastErrors: [String: String] = [:]

    public init() {}

    /// `snapshot` numbered and carrying the events up to it; `now` is the event time text.
    public mutating func stamp(_ snapshot: ClusterSnapshot, now: String) -> ClusterSnapshot {
        for job in snapshot.jobs { note(job, now: now) }
        if events.count > 1000 { events.removeLast(events.count - 1000) }
        sequence += 1
        var stamped = snapshot
        stamped.sequence = sequence
        stamped.events = events
        return stamped
    }

    /// An event the source itself reports (it could not be read, it came back).
    public mutating func report(_ text: String, level: Level, now: String) {
        events.insert(EventRow(time: now, level: level, text: text), at: 0)
    }

    private mutating func note(_ job: JobRow, now: String) {
        // Backup and restore ids come from one sequence in the engine, but not on every server.
        let key = "\(job.kind.keyword) \(job.jobId)"
        let name = "\(job.kind.keyword) \(job.database).\(job.label) (job \(job.jobId))"
        if lastStates[key] != job.state {
            if lastStates[key] != nil || !(job.phase == .finished || job.phase == .cancelled) {
                let cancelled = job.state == "CANCELLED"
                events.insert(EventRow(time: now, level: cancelled ? .error : .info,
                                       text: "\(name) → \(job.state)" + (cancelled ? " \(job.status)" : "")), at: 0)
            }
            lastStates[key] = job.state
        }
        if !job.taskErrMsg.isEmpty, lastErrors[key] != job.taskErrMsg {
            events.insert(EventRow(time: now, level: .warning, text: "\(name): \(job.taskErrMsg)"), at: 0)
        }
        lastErrors[key] = job.taskErrMsg
    }
}
