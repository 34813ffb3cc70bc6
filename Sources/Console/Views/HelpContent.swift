import Essentials

/// The `?` overlay's text, generated from the key map (and the palette's commands), so help can
/// never disagree with what the keys do.
enum HelpContent {
    /// Sections in reading order.
    static let order: [InputContext] = [
        .browse, .jobs, .detail, .repositories, .snapshots, .schedules, .catalog, .consolePrompt, .consoleResults,
        .dialog, .confirm, .prompt, .lineEdit, .help, .always,
    ]

    static func lines(ascii: Bool) -> [StyledLine] {
        let map = KeyMap.standard
        var lines: [StyledLine] = []
        let keyWidth = map.bindings.map { DisplayWidth.of($0.keyNames(ascii: ascii)) }.max() ?? 8
        for context in order {
            let bindings = map.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(context.title, .title))
            for binding in bindings {
                lines.append(StyledLine("  " + DisplayWidth.fit(binding.keyNames(ascii: ascii), keyWidth) + "  ", .key)
                    .appending(binding.help + (binding.command.isAdminAction ? " (ADMIN)" : "")))
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Commands after :", .title))
        for entry in Palette.entries {
            let name = entry.name + (entry.argument.isEmpty ? "" : " " + entry.argument)
            lines.append(StyledLine("  " + DisplayWidth.fit(name, 22) + "  ", .key).appending(entry.help))
        }
        let aliases = Palette.aliases.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
        lines.append(StyledLine("  Short forms: " + aliases, .dim))
        return lines
    }
}
