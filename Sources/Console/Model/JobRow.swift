/// An immutable picture of one backup or restore job, as published by the engine.
///
/// `cells` keeps every `SHOW FULL` column in the engine's order (the detail pane lists them all);
/// the typed fields are what the tables sort, filter and draw. Epoch times are seconds since 1970
/// and only feed the elapsed column: the dashboard never reads a clock itself.
public struct JobRow: Sendable, Hashable {
    public var kind: JobKind
    public var jobId: Int64
    public var label: String
    public var database: String
    /// The Doris state word, e.g. `UPLOADING`, `FINISHED`, `CANCELLED`.
    public var state: String
    public var cells: [JobCell]
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int64
    public var bytesTotal: Int64
    /// Bytes per second, nil before the transfer starts.
    public var throughput: Double?
    /// Seconds left, nil when unknown.
    public var eta: Double?
    public var unfinishedTasks: String
    public var taskErrMsg: String
    /// `[OK]` or `[COMMON_ERROR, msg: ...]`.
    public var status: String
    public var createTime: String
    public var createdAtEpoch: Double?
    public var finishedAtEpoch: Double?
    public var phases: [PhaseTime]

    public init(
        kind: JobKind, jobId: Int64, label: String, database: String, state: String, cells: [JobCell] = [],
        filesDone: Int = 0, filesTotal: Int = 0, bytesDone: Int64 = 0, bytesTotal: Int64 = 0,
        throughput: Double? = nil, eta: Double? = nil, unfinishedTasks: String = "", taskErrMsg: String = "",
        status: String = "[OK]", createTime: String = "", createdAtEpoch: Double? = nil,
        finishedAtEpoch: Double? = nil, phases: [PhaseTime] = []
    ) {
        self.kind = kind
        self.jobId = jobId
        self.label = label
        self.database = database
        self.state = state
        self.cells = cells
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.throughput = throughput
        self.eta = eta
        self.unfinishedTasks = unfinishedTasks
        self.taskErrMsg = taskErrMsg
        self.status = status
        self.createTime = createTime
        self.createdAtEpoch = createdAtEpoch
        self.finishedAtEpoch = finishedAtEpoch
        self.phases = phases
    }

    /// The value of a column by name; nil for NULL or an unknown column.
    public func cell(_ column: String) -> String? {
        cells.first { $0.column == column }?.value ?? nil
    }

    public var phase: JobPhase { JobPhase(state: state) }

    /// Not yet FINISHED or CANCELLED (PENDING counts: quitting would stop it too).
    public var isActive: Bool { phase == .pending || phase == .running }

    /// Done share in 0...1: bytes when known, else files, else 1 for a finished job.
    public var fraction: Double? {
        if phase == .finished { return 1 }
        if bytesTotal > 0 { return min(1, Double(bytesDone) / Double(bytesTotal)) }
        if filesTotal > 0 { return min(1, Double(filesDone) / Double(filesTotal)) }
        return nil
    }

    /// Ids of the unfinished tasks, from Doris's `[id=backend], [id=backend]` list.
    public var unfinishedTaskIds: [String] {
        TaskList.keys(unfinishedTasks)
    }
}
