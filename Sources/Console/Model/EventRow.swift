/// How loud an event, a flash message or a log line is.
public enum Level: String, Sendable, Hashable {
    case info
    case warning
    case error
}

/// A job transition or error the engine reports, e.g. "backup 11939 nightly: UPLOADING → SAVE_META".
public struct EventRow: Sendable, Hashable {
    /// `yyyy-MM-dd HH:mm:ss` as the engine formats it.
    public var time: String
    public var level: Level
    public var text: String

    public init(time: String, level: Level = .info, text: String) {
        self.time = time
        self.level = level
        self.text = text
    }
}
