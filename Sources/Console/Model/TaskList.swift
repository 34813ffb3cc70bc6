import Foundation

/// Reads Doris's bracketed task lists (`[11403=10003], [11406=10001]`).
enum TaskList {
    static func keys(_ text: String) -> [String] {
        entries(text).map { entry in
            let end = entry.firstIndex { $0 == "=" || $0 == ":" } ?? entry.endIndex
            return String(entry[..<end]).trimmingCharacters(in: .whitespaces)
        }
    }

    static func entries(_ text: String) -> [String] {
        var result: [String] = []
        var depth = 0
        var current = ""
        for ch in text {
            if ch == "[" {
                if depth > 0 { current.append(ch) }
                depth += 1
            } else if ch == "]" {
                depth -= 1
                if depth == 0 {
                    result.append(current)
                    current = ""
                } else if depth > 0 {
                    current.append(ch)
                } else {
                    depth = 0
                }
            } else if depth > 0 {
                current.append(ch)
            }
        }
        if result.isEmpty {
            let plain = text.trimmingCharacters(in: .whitespaces)
            return plain.isEmpty ? [] : [plain]
        }
        return result
    }
}
