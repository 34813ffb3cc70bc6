extension AppState {
    /// The key-map contexts in force, most specific first: what a key means right now, and which
    /// hints the footer shows.
    public var inputContexts: [InputContext] {
        switch modal {
        case .help: return [.help, .always]
        case .dialog(let dialog):
            if case .text? = dialog.form.focusedField?.value { return [.dialog, .lineEdit, .always] }
            return [.dialog, .always]
        case .confirm(let confirm):
            return confirm.requiresTyping ? [.confirm, .lineEdit, .always] : [.confirm, .always]
        case .prompt: return [.prompt, .lineEdit, .always]
        case nil: break
        }
        switch tab {
        case .backups, .restores:
            return jobTable(tab.jobKind!).detail != nil ? [.detail, .jobs, .browse, .always] : [.jobs, .browse, .always]
        case .repositories: return [.repositories, .browse, .always]
        case .snapshots: return [.snapshots, .browse, .always]
        case .catalog: return [.catalog, .browse, .always]
        case .console: return console.focus == .prompt ? [.consolePrompt, .lineEdit, .always] : [.consoleResults, .browse, .always]
        case .events: return [.browse, .always]
        case .schedules: return [.schedules, .browse, .always]
        }
    }
}
