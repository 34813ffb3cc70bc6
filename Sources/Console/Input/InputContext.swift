/// Where the user is, which decides what keys mean. Lookups go from the most specific context to
/// the least, so a tab's own bindings win over the general browsing ones.
public enum InputContext: String, Sendable, Hashable, CaseIterable {
    case always
    case browse
    case jobs
    case detail
    case repositories
    case snapshots
    case schedules
    case catalog
    case consolePrompt
    case consoleResults
    case lineEdit
    case dialog
    case confirm
    case prompt
    case help

    /// The heading of this context's section in the help overlay.
    public var title: String {
        switch self {
        case .always: "Anywhere"
        case .browse: "Tables"
        case .jobs: "Backups and Restores"
        case .detail: "Job detail pane"
        case .repositories: "Repositories"
        case .snapshots: "Snapshots"
        case .schedules: "Schedules"
        case .catalog: "Catalog"
        case .consolePrompt: "SQL console prompt"
        case .consoleResults: "SQL console results"
        case .lineEdit: "Editing text"
        case .dialog: "Dialogs"
        case .confirm: "Confirmations"
        case .prompt: "Filter and command line"
        case .help: "Help"
        }
    }
}
