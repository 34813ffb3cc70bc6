/// Names one backup in a repository: a label at one timestamp.
public struct SnapshotKey: Sendable, Hashable {
    public var repository: String
    public var label: String
    public var timestamp: String

    public init(repository: String, label: String, timestamp: String) {
        self.repository = repository
        self.label = label
        self.timestamp = timestamp
    }

    /// The row key in the snapshot list (labels cannot contain a tab).
    var rowKey: String { label + "\t" + timestamp }
}
