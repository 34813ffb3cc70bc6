import Foundation
import Remote

/// Reads a recorded result set of Fixtures/ (format in Fixtures/README.md).
enum ShowFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func load(_ name: String) throws -> RemoteResult {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
        guard let header = lines.first else { return RemoteResult(hasRows: true) }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.dropFirst().map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { cell($0) }
        }
        return RemoteResult(columns: columns, rows: Array(rows), hasRows: true)
    }

    /// `\N` is NULL; `\n`, `\t`, `\\` are a newline, a tab and a backslash (mysql -B's escapes).
    static func cell(_ field: Substring) -> String? {
        if field == "\\N" { return nil }
        var result = ""
        var escaped = false
        for character in field {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
