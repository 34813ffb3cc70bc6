import Foundation

/// A row of a table: its identity (for the cursor), its cells, and a role (dim for retired rows).
struct TableRow: Sendable, Hashable {
    var key: String
    var cells: [TableCell]
    var role: Role = .normal

    var copyText: String { cells.map(\.text).joined(separator: "\t") }

    func matches(_ filter: String) -> Bool {
        filter.isEmpty || cells.contains { $0.text.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }
}

/// A whole small table (repositories, snapshots, catalog, events): built from the state, used by
/// the reducer for row keys and by the renderer for cells.
struct TableModel: Sendable, Hashable {
    var columns: [ColumnSpec]
    var rows: [TableRow]
    var emptyText: String

    var keys: [String] { rows.map(\.key) }

    func filtered(_ filter: String) -> TableModel {
        guard !filter.isEmpty else { return self }
        var copy = self
        copy.rows = rows.filter { $0.matches(filter) }
        if copy.rows.isEmpty, !rows.isEmpty { copy.emptyText = "No rows match the filter \(filter). Esc clears it." }
        return copy
    }
}
