/// What a key means in a context. The key map binds keys to commands; the reducer runs commands;
/// help and footer hints are generated from the same bindings.
public enum Command: Sendable, Hashable {
    // Browsing
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back
    case nextTab, previousTab
    case showTab(Tab)
    case filter, palette, help, sortPrevious, sortNext, pause, copy, redraw, quit
    // Actions (ADMIN only)
    case newBackup, restore, newRepository, cancelJob, drop, verify
    case newSchedule, pauseSchedule, runSchedule
    /// The Snapshots tab's chain (tree) view on or off.
    case toggleChain
    // Dialogs and confirmations
    case nextField, previousField, submit, dismiss, toggle, choicePrevious, choiceNext
    case confirm, reject
    // SQL console
    case runStatement, historyPrevious, historyNext, focusResults, focusPrompt, scrollLeft, scrollRight
    // Line editing
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBackward, deleteForward, killToEnd, killToStart, deleteWord

    /// Actions that change the cluster and therefore need ADMIN.
    public var isAdminAction: Bool {
        switch self {
        case .newBackup, .restore, .newRepository, .cancelJob, .drop, .verify, .newSchedule, .pauseSchedule, .runSchedule: true
        default: false
        }
    }
}
