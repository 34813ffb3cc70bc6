/// What sits on top of the tabs and takes the keys first.
public enum Modal: Sendable, Hashable {
    /// The `?` overlay, scrolled by `scroll` lines.
    case help(scroll: Int)
    case dialog(Dialog)
    case confirm(ConfirmState)
    /// The `/` filter or `:` command line.
    case prompt(PromptState)
}
