/// A transient message on the line above the footer; it expires `lifetime` seconds after it
/// appears (errors stay longer).
public struct Flash: Sendable, Hashable {
    public var text: String
    public var level: Level
    public var expiresAt: Double

    public init(_ text: String, level: Level, now: Double) {
        self.text = text
        self.level = level
        expiresAt = now + (level == .error ? 10 : 6)
    }
}
