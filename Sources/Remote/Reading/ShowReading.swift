import Foundation

/// Turns the result sets of SHOW statements into the dashboard's values, reading columns by name
/// so every server flavour and version (SnapDeck, Doris 0.x to 3.x, StarRocks) goes through the
/// same code; columns a reading does not know are kept or ignored, never an error.
public enum ShowReading {}

/// One SHOW result read by column name.
struct ShowTable {
    let result: RemoteResult
    let statement: String
    /// Column positions by lowercased name, built once: cells are looked up for every row.
    private let indexByName: [String: Int]

    init(_ result: RemoteResult, statement: String) {
        self.result = result
        self.statement = statement
        var indexByName: [String: Int] = [:]
        for (index, column) in result.columns.enumerated() where indexByName[column.lowercased()] == nil {
            indexByName[column.lowercased()] = index
        }
        self.indexByName = indexByName
    }

    func columnIndex(_ name: String) -> Int? { indexByName[name.lowercased()] }

    var rows: [[String?]] { result.rows }

    /// Fails with an "unexpected table" problem unless every group has one of its names present
    /// (`[["SnapshotName", "Label"], ["State"]]`).
    func require(_ groups: [[String]]) throws(SourceProblem) {
        for names in groups where !names.contains(where: { columnIndex($0) != nil }) {
            throw SourceProblem.unexpectedTable(statement: statement, missing: names, columns: result.columns)
        }
    }

    /// The cell of the first of `names` that is a column, with the servers' spellings of
    /// "no value" (`NULL`, `\N`, `N/A`, empty) read as nil.
    func value(_ row: [String?], _ names: String...) -> String? {
        for name in names {
            guard let index = columnIndex(name) else { continue }
            return index < row.count ? ShowValue.present(row[index]) : nil
        }
        return nil
    }

    func int64(_ row: [String?], _ names: String...) -> Int64? {
        for name in names {
            guard columnIndex(name) != nil else { continue }
            return value(row, name).flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        }
        return nil
    }
}

/// How servers write a missing value, and the sizes they print.
enum ShowValue {
    /// nil for SQL NULL and the texts servers print instead of one: Doris's `\N` null marker
    /// when it is sent as text, `NULL`, `N/A`, and an empty cell.
    static func present(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.uppercased() {
        case "", "NULL", "\\N", "N/A": return nil
        default: return text
        }
    }
}
