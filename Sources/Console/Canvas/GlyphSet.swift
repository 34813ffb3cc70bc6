/// The symbols views draw, in a Unicode set and an ASCII set for terminals whose locale is not UTF-8.
public struct GlyphSet: Sendable, Hashable {
    public var running: String
    public var finished: String
    public var cancelled: String
    public var pending: String
    public var barDone: Character
    public var barTodo: Character
    public var ellipsis: String
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var sortAscending: String
    public var sortDescending: String
    public var drill: String
    public var separator: String
    public var warning: String
    public var breadcrumb: String
    public var expanded: String = "▾"
    public var choiceLeft: String = "‹"
    public var choiceRight: String = "›"

    public static let unicode = GlyphSet(
        running: "●", finished: "✓", cancelled: "✗", pending: "◌", barDone: "█", barTodo: "░", ellipsis: "…",
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        sortAscending: "▲", sortDescending: "▼", drill: "▸", separator: "│", warning: "⚠", breadcrumb: " › "
    )

    public static let ascii = GlyphSet(
        running: "*", finished: "+", cancelled: "x", pending: ".", barDone: "#", barTodo: ".", ellipsis: "~",
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        sortAscending: "^", sortDescending: "v", drill: ">", separator: "|", warning: "!", breadcrumb: " > ",
        expanded: "v", choiceLeft: "<", choiceRight: ">"
    )

    /// Decorations the views write as literal text, and what ASCII terminals get instead (one
    /// column each, so layouts hold). The same characters in data are replaced too, since such
    /// a terminal could not show them either; nothing else is touched.
    static let asciiFallbacks: [Character: Character] = [
        "…": "~", "·": "-", "—": "-", "‹": "<", "›": ">", "▾": "v", "▸": ">", "×": "x", "↑": "^", "↓": "v", "←": "<",
        "→": ">", "●": "*", "✓": "+", "✗": "x", "◌": ".", "⚠": "!", "▲": "^", "▼": "v", "│": "|", "─": "-",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "█": "#", "░": ".",
    ]

    public func glyph(for phase: JobPhase) -> String {
        switch phase {
        case .pending: pending
        case .running: running
        case .finished: finished
        case .cancelled: cancelled
        }
    }
}
