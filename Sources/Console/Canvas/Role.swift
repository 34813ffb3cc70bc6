/// What a cell means; a `Theme` decides how that looks. Views only ever speak in roles.
///
/// `maskLetter` is the role's letter in `CellBuffer.styleMask()`, the colour-free picture render
/// tests compare against.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case normal
    case dim
    case header
    case badge
    case tab
    case tabActive
    case columnHeader
    case selected
    case running
    case finished
    case failed
    case pending
    case warning
    case error
    case info
    case key
    case hint
    case border
    case title
    case input
    case danger
    case sql
    case progressDone
    case progressTodo

    public var maskLetter: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .header: "H"
        case .badge: "P"
        case .tab: "t"
        case .tabActive: "T"
        case .columnHeader: "C"
        case .selected: "S"
        case .running: "R"
        case .finished: "F"
        case .failed: "X"
        case .pending: "Q"
        case .warning: "W"
        case .error: "E"
        case .info: "I"
        case .key: "K"
        case .hint: "h"
        case .border: "b"
        case .title: "B"
        case .input: "i"
        case .danger: "D"
        case .sql: "s"
        case .progressDone: "#"
        case .progressTodo: "-"
        }
    }
}
