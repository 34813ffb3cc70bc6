/// The built-in texts printed by `HELP <topic>`, one per statement family, like `help create
/// table;` in Doris or MySQL.
///
/// Lookup ignores case and extra spaces, tolerates surrounding quotes and a trailing `;`, and
/// knows common spellings of a topic (`DESC`, `SHOW TABLET`, `BACKUP SNAPSHOT`, ...). The topic
/// `CONTENTS` (also the empty topic of a bare `HELP`) lists every topic.
public enum HelpTopics {
    static let contentsTopic = "CONTENTS"

    static let entries: [HelpEntry] = catalogEntries + dataAndAccountEntries + sessionEntries + backupEntries + scheduleEntries

    /// Every topic name, `CONTENTS` first, then the statement families in a stable order.
    public static var topics: [String] {
        [contentsTopic] + entries.map(\.name)
    }

    /// The help text of a topic, or nil when no topic matches.
    public static func text(for topic: String) -> String? {
        let key = normalized(topic)
        if key.isEmpty || key == contentsTopic { return contentsText }
        return entryByKey[key]?.rendered
    }

    private static let entryByKey: [String: HelpEntry] = {
        var index: [String: HelpEntry] = [:]
        for entry in entries {
            for key in [entry.name] + entry.aliases { index[key] = entry }
        }
        return index
    }()

    /// Upper-cased, quotes and a trailing terminator removed, words separated by single spaces.
    static func normalized(_ topic: String) -> String {
        var text = Substring(topic)
        while let last = text.last, last == ";" || last.isWhitespace { text = text.dropLast() }
        text = text.drop(while: \.isWhitespace)
        if let first = text.first, "'\"`".contains(first), text.count >= 2, text.last == first {
            text = text.dropFirst().dropLast()
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").uppercased()
    }

    private static var contentsText: String {
        let lines = entries.map { "   \($0.name)" }
        return """
            You asked for help about help category: "Contents"
            For more information, type 'help <item>', where <item> is one of the following topics:
            \(lines.joined(separator: "\n"))

            """
    }
}

/// One statement family's help: synopsis, what it does, an example.
struct HelpEntry: Sendable {
    var name: String
    var aliases: [String] = []
    var syntax: String
    var summary: String
    var example: String

    var rendered: String {
        """
        Name: '\(name)'
        Description:
        Syntax:
        \(syntax)

        \(Self.wrapped(summary))

        Examples:
        \(example)

        """
    }

    /// Greedy word wrap, so the paragraph reads well in an 80-column terminal.
    static func wrapped(_ paragraph: String, width: Int = 80) -> String {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
