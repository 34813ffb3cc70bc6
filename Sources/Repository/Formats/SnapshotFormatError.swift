/// A repository file (`__info_*`, `__repo_info`) that could not be decoded. `message` says
/// what was wrong and where (`backup_objects.t1.partitions.p1: missing "id"`).
public struct SnapshotFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
