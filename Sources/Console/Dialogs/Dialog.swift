/// An open form dialog: which action it builds, and its form.
///
/// The SQL it shows is exactly what Run sends as `Effect.runSQL`, except that secret values show
/// as `******`; `check(in:)` recomputes it and the validation messages from the form and the
/// cluster snapshot on every key.
public struct Dialog: Sendable, Hashable {
    /// The statement the dialog builds; a restore names its snapshot.
    public enum Kind: Sendable, Hashable {
        case backup
        case restore(SnapshotKey)
        case repository
        case schedule
    }

    public var kind: Kind
    public var form: Form
    /// The label still holds the dashboard's suggestion, so picking another database renews it.
    var labelIsSuggested = true
    /// Likewise for a schedule's name.
    var nameIsSuggested = true

    public init(kind: Kind, form: Form) {
        self.kind = kind
        self.form = form
    }

    public func check(in state: AppState) -> FormCheck {
        switch kind {
        case .backup: BackupDialog.check(form, state)
        case .restore(let key): RestoreDialog.check(form, key, state)
        case .repository: RepositoryDialog.check(form, state)
        case .schedule: ScheduleDialog.check(form, state)
        }
    }

    /// What the request is for, so its result lands in the right place.
    func purpose() -> RequestPurpose {
        switch kind {
        case .backup: .backup(database: form.text(.database), label: form.text(.label))
        case .restore: .restore(database: form.text(.targetDatabase), label: restoreLabel)
        case .repository: .createRepository(name: form.text(.name))
        case .schedule: .schedule(name: form.text(.name), action: .create)
        }
    }

    private var restoreLabel: String {
        if case .restore(let key) = kind { return key.label }
        return ""
    }

    /// Keeps dependent fields in step after the user changed `field`.
    mutating func fieldChanged(_ field: FieldID, in state: AppState) {
        switch (kind, field) {
        case (.backup, .database): BackupDialog.databaseChanged(&self, state)
        case (.backup, .label): labelIsSuggested = false
        case (.repository, .type): RepositoryDialog.typeChanged(&self)
        case (.schedule, .database): ScheduleDialog.databaseChanged(&self, state)
        case (.schedule, .name): nameIsSuggested = false
        case (.schedule, .labelPrefix): labelIsSuggested = false
        default: break
        }
    }
}
