import Essentials
import Foundation

/// What a cell shows: text, or a progress bar followed by a label.
enum CellContent: Sendable, Hashable {
    case text(String)
    /// `short` replaces `label` when the column is too narrow for both.
    case bar(fraction: Double?, label: String, short: String)
}

struct TableCell: Sendable, Hashable {
    var content: CellContent
    /// A cell's own role (a state colour); nil uses the row's.
    var role: Role?

    /// Text is sanitised here, before any width is measured, so control characters that
    /// become visible (`^[`) are counted.
    init(_ text: String, role: Role? = nil) {
        content = .text(TextSanitizer.clean(text))
        self.role = role
    }

    init(bar fraction: Double?, label: String, short: String) {
        content = .bar(fraction: fraction, label: TextSanitizer.clean(label), short: TextSanitizer.clean(short))
    }

    var text: String {
        switch content {
        case .text(let text): text
        case .bar(_, let label, _): label
        }
    }

    /// The width the cell would like: a bar wants ten columns besides its label.
    var idealWidth: Int {
        switch content {
        case .text(let text): DisplayWidth.of(text)
        case .bar(_, let label, _): DisplayWidth.of(label) + (label.isEmpty ? 0 : 1) + 10
        }
    }
}
