import Essentials

/// A yes/no question before something that cannot be undone or that stops work.
///
/// It names its target and shows the SQL it will run. Destructive confirmations focus Cancel, so
/// Enter alone never destroys anything; `.high` danger also needs the target's name typed.
/// `purpose == nil` means the confirmed action is quitting the dashboard.
public struct ConfirmState: Sendable, Hashable {
    /// How bad a mistake would be: `none` focuses the action, `normal` focuses Cancel, `high`
    /// also needs the target typed.
    public enum Danger: Sendable, Hashable {
        case none
        case normal
        case high
    }

    public var title: String
    public var lines: [String]
    public var target: String
    public var sql: String?
    public var confirmLabel: String
    public var danger: Danger
    public var purpose: RequestPurpose?
    public var typed = LineEditor()
    public var focusOnConfirm: Bool
    public var submitting: Int?
    public var serverError: String?

    public init(
        title: String, lines: [String], target: String, sql: String?, confirmLabel: String, danger: Danger,
        purpose: RequestPurpose?
    ) {
        self.title = title
        self.lines = lines
        self.target = target
        self.sql = sql
        self.confirmLabel = confirmLabel
        self.danger = danger
        self.purpose = purpose
        focusOnConfirm = danger == .none
    }

    public var requiresTyping: Bool { danger == .high }
    public var canConfirm: Bool { !requiresTyping || typed.text == target }

    static func cancelJob(_ job: JobRow) -> ConfirmState {
        let what = "\(job.kind.rawValue) job \(job.jobId) \(job.label)"
        return ConfirmState(
            title: "Cancel \(job.kind.rawValue)?",
            lines: [
                "Cancel \(what) of database \(job.database) (now \(job.state))?",
                job.kind == .backup
                    ? "Files it already uploaded are removed from the repository."
                    : "The restore stops; tables it was replacing keep their previous data.",
            ],
            target: job.label, sql: "CANCEL \(job.kind.keyword) FROM \(Quoting.sqlIdentifier(job.database))",
            confirmLabel: "Cancel job", danger: .normal, purpose: .cancelJob(kind: job.kind, jobId: job.jobId, label: job.label)
        )
    }

    static func dropRepository(_ repository: RepositoryRow, snapshots: Int?) -> ConfirmState {
        ConfirmState(
            title: "Drop repository?",
            lines: [
                "Drop repository \(repository.name) (\(repository.type) \(repository.location))?",
                "SnapDeck forgets it; the files stay, and creating it again with the same name and location"
                    + " brings back its \(snapshots.map { "\($0) " } ?? "")snapshots.",
            ],
            target: repository.name, sql: "DROP REPOSITORY \(Quoting.sqlIdentifier(repository.name))",
            confirmLabel: "Drop", danger: .normal, purpose: .dropRepository(name: repository.name)
        )
    }

    static func dropSnapshot(_ key: SnapshotKey) -> ConfirmState {
        ConfirmState(
            title: "Drop snapshot?",
            lines: [
                "Delete snapshot \(key.label) taken at \(key.timestamp) from repository \(key.repository)?",
                "Its files are deleted from the repository: it can never be restored again.",
                "Type the snapshot's label to confirm.",
            ],
            target: key.label,
            sql: "DROP SNAPSHOT \(Quoting.sqlIdentifier(key.label)) TIMESTAMP \(Quoting.sqlString(key.timestamp)) ON \(Quoting.sqlIdentifier(key.repository))",
            confirmLabel: "Drop", danger: .high, purpose: .dropSnapshot(key)
        )
    }

    static func verify(_ key: SnapshotKey) -> ConfirmState {
        ConfirmState(
            title: "Verify snapshot",
            lines: [
                "Re-read every file of \(key.label) (\(key.timestamp)) in \(key.repository),",
                "check its MD5 and the file list against __info. Nothing is changed.",
            ],
            target: key.label,
            sql: "ADMIN CHECK SNAPSHOT \(Quoting.sqlIdentifier(key.label)) ON \(Quoting.sqlIdentifier(key.repository)) TIMESTAMP \(Quoting.sqlString(key.timestamp))",
            confirmLabel: "Verify", danger: .none, purpose: .checkSnapshot(key)
        )
    }

    static func quit(running: [JobRow]) -> ConfirmState {
        let names = running.prefix(3).map { "\($0.kind.rawValue) \($0.jobId) \($0.label) (\($0.state))" }
        let more = running.count > 3 ? ", and \(running.count - 3) more" : ""
        return ConfirmState(
            title: "Quit SnapDeck?",
            lines: [
                "\(running.count) job\(running.count == 1 ? " is" : "s are") running: " + names.joined(separator: ", ") + more + ".",
                "Quitting stops the embedded cluster; the jobs resume when SnapDeck opens this data directory again.",
            ],
            target: "", sql: nil, confirmLabel: "Quit", danger: .normal, purpose: nil
        )
    }
}
