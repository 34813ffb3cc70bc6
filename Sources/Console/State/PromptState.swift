/// The one-line input at the bottom: a `/` filter (applied as you type) or a `:` command.
public struct PromptState: Sendable, Hashable {
    /// Which of the two input lines this is.
    public enum Kind: Sendable, Hashable {
        case filter
        case command
    }

    public var kind: Kind
    public var editor: LineEditor
    /// The filter before `/` was pressed, put back by Esc.
    public var previousFilter: String
    /// The highlighted palette suggestion.
    public var suggestion = 0

    public init(kind: Kind, text: String = "", previousFilter: String = "") {
        self.kind = kind
        editor = LineEditor(text)
        self.previousFilter = previousFilter
    }
}
