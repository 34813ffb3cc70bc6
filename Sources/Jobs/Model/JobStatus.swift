/// A job's Status cell: `[OK]` or `[<CODE>, msg: <text>]`, as Doris prints it.
public struct JobStatus: Sendable, Codable, Equatable {
    public var code: String
    public var message: String

    public static let ok = JobStatus(code: "OK", message: "")

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public static func error(_ message: String) -> JobStatus { JobStatus(code: "COMMON_ERROR", message: message) }

    public var isOK: Bool { code == "OK" }

    public var cell: String { isOK ? "[OK]" : "[\(code), msg: \(message)]" }
}

/// The states of a backup job, in order (Doris spells SNAPSHOTING with one T).
public enum BackupState: String, Sendable, Codable, CaseIterable {
    case pending = "PENDING"
    case snapshoting = "SNAPSHOTING"
    case uploadSnapshot = "UPLOAD_SNAPSHOT"
    case uploading = "UPLOADING"
    case saveMeta = "SAVE_META"
    case uploadInfo = "UPLOAD_INFO"
    case finished = "FINISHED"
    case cancelled = "CANCELLED"

    public var isDone: Bool { self == .finished || self == .cancelled }
}

/// What kind of job a journal row holds.
public enum JobKind: String, Sendable, Codable {
    case backup = "BACKUP", restore = "RESTORE"
}
