/// Whether a job copies data out to a repository or back in.
public enum JobKind: String, Sendable, Hashable, CaseIterable {
    case backup
    case restore

    /// The SQL keyword used by `SHOW`, `CANCEL` and the dashboard's titles.
    public var keyword: String { self == .backup ? "BACKUP" : "RESTORE" }
}

/// The four things a job's state word can mean to an operator.
public enum JobPhase: Sendable, Hashable {
    case pending
    case running
    case finished
    case cancelled

    public init(state: String) {
        switch state.uppercased() {
        case "PENDING": self = .pending
        case "FINISHED": self = .finished
        case "CANCELLED": self = .cancelled
        default: self = .running
        }
    }
}
