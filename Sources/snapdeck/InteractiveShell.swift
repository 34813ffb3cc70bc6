import Engine
import Foundation
import SQLSyntax

/// The `snapdeck sql` shell on a terminal: multi-line statements ending in `;` or `\G`,
/// history kept in `~/.snapdeck_history` (statements that carry secrets are not saved).
struct InteractiveShell {
    let runner: ScriptRunner

    private var historyPath: String { NSHomeDirectory() + "/.snapdeck_history" }

    func run() {
        print("Welcome to the SnapDeck SQL shell. \(runner.target.location)")
        print("End statements with ';' or '\\G'. Type 'help contents;' for help, 'quit' to leave.\n")
        let editor = LineEditor(history: loadHistory())
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? "snapdeck [\(runner.target.database ?? "(none)")]> " : "    -> "
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                saveHistory(editor.history)
                print("Bye")
                return
            case .interrupted:
                pending = ""
            case .line(let line):
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if pending.isEmpty, ["quit", "exit", "\\q", "quit;", "exit;"].contains(trimmed.lowercased()) {
                    saveHistory(editor.history)
                    print("Bye")
                    return
                }
                pending += (pending.isEmpty ? "" : "\n") + line
                let (statements, remainder) = ScriptSplitter.split(pending)
                guard !statements.isEmpty else { continue }
                if !Self.carriesSecret(pending) {
                    editor.addHistory(pending.replacingOccurrences(of: "\n", with: " "))
                }
                for statement in statements {
                    _ = runner.runOne(statement.text, vertical: statement.terminator == .vertical)
                }
                pending = ScriptSplitter.isBlank(remainder) ? "" : remainder
            }
        }
    }

    static func carriesSecret(_ text: String) -> Bool {
        !SecretProperties.values(in: text).isEmpty || text.lowercased().contains("identified by")
    }

    private func loadHistory() -> [String] {
        // A read: a shell without a readable history file starts with none.
        guard let text = try? String(contentsOfFile: historyPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    private func saveHistory(_ entries: [String]) {
        let text = entries.suffix(1000).joined(separator: "\n") + "\n"
        _ = FileManager.default.createFile(atPath: historyPath, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    }
}
