import Essentials
import Foundation

/// How `snapdeck sql` prints results, following the mysql client.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, vertical, tsv, json
}

/// Renders result sets as the mysql client does: boxed tables, `\G` vertical rows, batch TSV,
/// or JSON, followed by the `N rows in set (0.01 sec)` / `Query OK` line.
public struct ResultFormatter: Sendable {
    public var format: OutputFormat
    /// Whether to print the trailing status line (`tsv` and `json` never do).
    public var showsStatus: Bool

    public init(format: OutputFormat, showsStatus: Bool = true) {
        self.format = format
        self.showsStatus = showsStatus
    }

    public func render(_ result: ResultSet, seconds: Double) -> String {
        let time = String(format: "(%.2f sec)", seconds)
        if !result.hasRows {
            guard showsStatus, format == .table || format == .vertical else { return "" }
            let n = result.affectedRows
            var text = "Query OK, \(n) \(n == 1 ? "row" : "rows") affected \(time)\n"
            if let info = result.info { text += info + "\n" }
            return text + "\n"
        }
        let status: String
        switch result.rows.count {
        case 0: status = "Empty set \(time)\n\n"
        case 1: status = "1 row in set \(time)\n\n"
        case let n: status = "\(n) rows in set \(time)\n\n"
        }
        switch format {
        case .table: return (result.rows.isEmpty ? "" : table(result)) + (showsStatus ? status : "")
        case .vertical: return vertical(result) + (showsStatus ? status : "")
        case .tsv: return tsv(result)
        case .json: return json(result)
        }
    }

    func table(_ result: ResultSet) -> String {
        var widths = result.columns.map(DisplayWidth.of)
        let cells = result.rows.map { row in row.map { cellText($0) } }
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0)
            }
        }
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
        func line(_ values: [String]) -> String {
            "| " + zip(values, widths).map { DisplayWidth.pad($0, to: $1) }.joined(separator: " | ") + " |\n"
        }
        var out = rule + line(result.columns) + rule
        for row in cells { out += line(row) }
        return out + rule
    }

    func vertical(_ result: ResultSet) -> String {
        let width = result.columns.map(DisplayWidth.of).max() ?? 0
        var out = ""
        for (n, row) in result.rows.enumerated() {
            let stars = String(repeating: "*", count: 27)
            out += "\(stars) \(n + 1). row \(stars)\n"
            for (name, cell) in zip(result.columns, row) {
                out += String(repeating: " ", count: width - DisplayWidth.of(name)) + name + ": " + (cell ?? "NULL") + "\n"
            }
        }
        return out
    }

    func tsv(_ result: ResultSet) -> String {
        func escape(_ cell: String?) -> String {
            guard let cell else { return "NULL" }
            return cell.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
                .replacingOccurrences(of: "\n", with: "\\n")
        }
        var out = result.columns.joined(separator: "\t") + "\n"
        for row in result.rows { out += row.map(escape).joined(separator: "\t") + "\n" }
        return out
    }

    func json(_ result: ResultSet) -> String {
        // Keys in column order: JSONSerialization does not keep them, so build the text.
        let lines = result.rows.map { row -> String in
            "  {" + zip(result.columns, row).map { name, cell in
                Quoting.jsonString(name) + ": " + (cell.map(Quoting.jsonString) ?? "null")
            }.joined(separator: ", ") + "}"
        }
        return lines.isEmpty ? "[]\n" : "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    /// Table cells: NULL shown as `NULL`; control characters other than newline escaped so a
    /// stored value cannot move the terminal's cursor.
    func cellText(_ cell: String?) -> String {
        guard let cell else { return "NULL" }
        guard cell.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else { return cell }
        var out = ""
        for s in cell.unicodeScalars {
            if s == "\n" { out += "\\n" } else if s.value < 0x20 || s.value == 0x7f { out += "\\x" + String(s.value, radix: 16) } else { out.unicodeScalars.append(s) }
        }
        return out
    }
}
