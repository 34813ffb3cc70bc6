import Essentials

/// A line of text made of runs in different roles, for panes that scroll whole lines.
struct StyledLine: Sendable, Hashable {
    struct Run: Sendable, Hashable {
        var text: String
        var role: Role
    }

    var runs: [Run]

    init(_ text: String = "", _ role: Role = .normal) {
        runs = text.isEmpty ? [] : [Run(text: text, role: role)]
    }

    init(runs: [Run]) {
        self.runs = runs
    }

    func appending(_ text: String, _ role: Role = .normal) -> StyledLine {
        StyledLine(runs: runs + [Run(text: text, role: role)])
    }

    /// Wraps `text` to `width` columns behind an indent, one line per wrapped piece.
    static func wrapped(_ text: String, width: Int, indent: Int = 0, role: Role = .normal) -> [StyledLine] {
        let pad = String(repeating: " ", count: indent)
        return DisplayWidth.wrap(text, width: max(1, width - indent)).map { StyledLine(pad + $0, role) }
    }

    func draw(x: Int, y: Int, width: Int, into buffer: inout CellBuffer, ellipsis: String) {
        var column = x
        for run in runs {
            let room = x + width - column
            guard room > 0 else { return }
            let text = DisplayWidth.truncate(TextSanitizer.clean(run.text), to: room, ellipsis: ellipsis)
            column += buffer.put(text, x: column, y: y, maxWidth: room, role: run.role)
        }
    }
}
