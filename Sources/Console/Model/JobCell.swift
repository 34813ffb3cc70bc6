/// One step of a job's timeline: the phase that ended and when (`yyyy-MM-dd HH:mm:ss`, nil if not yet).
public struct PhaseTime: Sendable, Hashable {
    public var phase: String
    public var time: String?

    public init(phase: String, time: String?) {
        self.phase = phase
        self.time = time
    }
}

/// One named cell of a SHOW or jobs() row (`SHOW [FULL] BACKUP`, a schedule); `value == nil` is SQL NULL.
public struct JobCell: Sendable, Hashable {
    public var column: String
    public var value: String?

    public init(column: String, value: String?) {
        self.column = column
        self.value = value
    }
}
