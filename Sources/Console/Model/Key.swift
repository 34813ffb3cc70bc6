/// A decoded key press, as the terminal layer delivers it.
///
/// Printable input (any script, including CJK) is `character`; `control` carries the lowercase
/// letter (`control("l")` is Ctrl-L). Ctrl-I, Ctrl-M and Ctrl-[ arrive as `tab`, `enter`, `escape`.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case control(Character)
    case function(Int)

    /// How help and footer hints spell the key.
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .control(let c): "^" + String(c).uppercased()
        case .function(let n): "F\(n)"
        }
    }

    /// `name` with arrows spelt out for terminals without UTF-8.
    public var asciiName: String {
        switch self {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        default: name
        }
    }

    /// The typed character of a plain key press, nil for special keys.
    public var character: Character? {
        if case .character(let c) = self { return c }
        return nil
    }
}
