import Catalog

/// What backup and restore jobs have in common for someone following them: who they are,
/// where they stand, how far their transfers got and why they are waiting.
public protocol JobProgress: Sendable {
    var kind: JobKind { get }
    var jobId: Int64 { get }
    var label: String { get }
    var stateName: String { get }
    var isDone: Bool { get }
    var isCancelled: Bool { get }
    var status: JobStatus { get }
    /// Epoch milliseconds; `finishedTime` is -1 until the job is done.
    var createTime: Int64 { get }
    var finishedTime: Int64 { get }
    var filesDone: Int { get }
    var filesTotal: Int { get }
    var bytesDone: Int64 { get }
    var bytesTotal: Int64 { get }
    var throughput: Double? { get }
    var etaSeconds: Double? { get }
    /// The last error of each task still failing, by tablet.
    var taskErrors: [ObjectID: String] { get }
}

/// The journal record behind a job view: where the common facts come from.
public protocol JobRecordFacts: Sendable {
    static var kind: JobKind { get }
    var jobId: Int64 { get }
    var label: String { get }
    var stateName: String { get }
    var isDone: Bool { get }
    var status: JobStatus { get }
    var createTime: Int64 { get }
    var finishedTime: Int64 { get }
    var taskErrors: [ObjectID: String] { get }
}

/// A view whose common facts are its record's.
public protocol RecordBackedProgress: JobProgress {
    associatedtype Record: JobRecordFacts
    var record: Record { get }
}

extension RecordBackedProgress {
    public var kind: JobKind { Record.kind }
    public var jobId: Int64 { record.jobId }
    public var label: String { record.label }
    public var stateName: String { record.stateName }
    public var isDone: Bool { record.isDone }
    public var isCancelled: Bool { record.isDone && record.stateName == "CANCELLED" }
    public var status: JobStatus { record.status }
    public var createTime: Int64 { record.createTime }
    public var finishedTime: Int64 { record.finishedTime }
    public var taskErrors: [ObjectID: String] { record.taskErrors }
}

extension BackupJobRecord: JobRecordFacts {
    public static var kind: JobKind { .backup }
    public var stateName: String { state.rawValue }
    public var isDone: Bool { state.isDone }
}

extension RestoreJobRecord: JobRecordFacts {
    public static var kind: JobKind { .restore }
    public var stateName: String { state.rawValue }
    public var isDone: Bool { state.isDone }
}

extension BackupJobView: RecordBackedProgress {}

extension RestoreJobView: RecordBackedProgress {
    public var bytesTotal: Int64 { record.bytesTotal }
}
