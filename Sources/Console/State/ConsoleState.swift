/// The SQL console: the prompt, its history, and the last result with its scroll position.
public struct ConsoleState: Sendable, Hashable {
    /// Whether keys go to the prompt or browse the result grid.
    public enum Focus: Sendable, Hashable {
        case prompt
        case results
    }

    public var editor = LineEditor()
    public var history: [String] = []
    /// Position while walking the history with ↑/↓; nil while editing a new statement.
    public var historyIndex: Int?
    /// The statement being typed before the walk started, restored when walking back past the end.
    public var draft = ""
    public var focus = Focus.prompt
    public var statement: String?
    public var result: SQLResult?
    /// The request whose result is awaited.
    public var running: Int?
    /// The highlighted result row and the grid's scroll position.
    public var resultCursor = ListCursor<Int>()
    /// Result columns scrolled off to the left.
    public var columnOffset = 0

    public init() {}

    /// Keeps up to this many statements, oldest dropped first.
    public static let historyLimit = 500

    /// A statement that carries a secret is not kept: ↑ would bring it back on screen.
    mutating func remember(_ statement: String) {
        if history.last != statement, SQLText.maskingSecrets(statement) == statement { history.append(statement) }
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        historyIndex = nil
        draft = ""
    }

    mutating func historyBack() {
        guard !history.isEmpty else { return }
        if historyIndex == nil { draft = editor.text }
        let index = max(0, (historyIndex ?? history.count) - 1)
        historyIndex = index
        editor.text = history[index]
    }

    mutating func historyForward() {
        guard let index = historyIndex else { return }
        if index + 1 < history.count {
            historyIndex = index + 1
            editor.text = history[index + 1]
        } else {
            historyIndex = nil
            editor.text = draft
        }
    }
}
