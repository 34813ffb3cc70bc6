import Essentials

/// A form dialog, centred: facts, visible fields (the focused one highlighted, secrets as `*`),
/// what is wrong or worth knowing, the SQL Run will execute (secrets masked), and the Run and
/// Cancel buttons.
enum DialogView {
    static let labelWidth = 24

    static func draw(_ dialog: Dialog, _ state: AppState, in screen: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let form = dialog.form
        let check = dialog.check(in: state)
        let width = min(screen.width - 2, 96)
        let inner = width - 4
        let maxHeight = screen.height

        var messages: [StyledLine] = []
        for error in check.errors { messages += StyledLine.wrapped(theme.glyphs.cancelled + " " + error, width: inner, role: .error) }
        if let serverError = form.serverError { messages += StyledLine.wrapped(serverError, width: inner, role: .error) }
        for warning in check.warnings { messages += StyledLine.wrapped(warning, width: inner, role: .warning) }
        for note in check.notes { messages += StyledLine.wrapped(note, width: inner, role: .dim) }
        var sql = StyledLine.wrapped(check.displaySQL, width: inner - 5, role: .sql)

        // Frame (2), facts, one line per field, a gap, the buttons; a focused list grows.
        let fixed = 2 + form.facts.count + form.visibleFields.count + 1 + 1
        var listRows = 1
        if case .list(let picker)? = form.focusedField?.value, !picker.items.isEmpty {
            listRows = min(9, picker.rows.count + 1)
        }
        let listFocused = listRows > 1
        var spare = maxHeight - fixed - messages.count - sql.count - (listRows - 1)
        if spare < 0, listFocused {
            listRows = max(4, listRows + spare)
            spare = maxHeight - fixed - messages.count - sql.count - (listRows - 1)
        }
        if spare < 0 {
            messages = Array(messages.prefix(max(1, messages.count + spare)))
            spare = maxHeight - fixed - messages.count - sql.count - (listRows - 1)
        }
        if spare < 0 { sql = Array(sql.prefix(max(1, sql.count + spare))) }
        let height = min(maxHeight, fixed + (listRows - 1) + messages.count + sql.count)
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + max(0, (screen.height - height) / 2), width: width, height: height)
        buffer.clear(box)
        Frame.draw(box, title: form.title, into: &buffer, glyphs: theme.glyphs)

        var y = box.y + 1
        let x = box.x + 2
        for (label, value) in form.facts {
            buffer.put(DisplayWidth.fit(label, labelWidth), x: x, y: y, role: .dim)
            buffer.put(value, x: x + labelWidth, y: y, maxWidth: inner - labelWidth)
            y += 1
        }
        for (index, field) in form.fields.enumerated() where !field.isHidden {
            let focused = form.focus == index && form.submitting == nil
            buffer.put(DisplayWidth.fit(field.label, labelWidth), x: x, y: y, role: focused ? .title : .normal)
            y += drawValue(field, focused: focused, x: x + labelWidth, y: y, width: inner - labelWidth, listRows: listRows, into: &buffer, theme: theme)
        }
        y += 1
        for line in messages where y < box.maxY - 2 {
            line.draw(x: x, y: y, width: inner, into: &buffer, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        for (i, line) in sql.enumerated() where y < box.maxY - 2 {
            if i == 0 { buffer.put("SQL", x: x, y: y, role: .title) }
            line.draw(x: x + 5, y: y, width: inner - 5, into: &buffer, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        let runRole: Role = check.isValid ? .normal : .dim
        let run = form.submitting != nil ? "running…" : form.runLabel
        Buttons.draw([(run, runRole, form.focus == form.runIndex), ("Cancel", .normal, form.focus == form.cancelIndex)],
                     y: box.maxY - 2, in: box, into: &buffer)
    }

    /// Draws a field's value and returns the rows it used.
    private static func drawValue(
        _ field: Field, focused: Bool, x: Int, y: Int, width: Int, listRows: Int, into buffer: inout CellBuffer, theme: Theme
    ) -> Int {
        switch field.value {
        case .text(let editor):
            InputField.draw(editor, x: x, y: y, width: width, focused: focused, placeholder: field.placeholder, masked: field.isSecret,
                            into: &buffer, theme: theme)
            return 1
        case .choice(let options, let index):
            let value = options.indices.contains(index) ? options[index] : "(none)"
            let text = options.count > 1 ? "\(theme.glyphs.choiceLeft) \(value) \(theme.glyphs.choiceRight)  \(index + 1)/\(options.count)" : value
            buffer.put(text, x: x, y: y, maxWidth: width, role: focused ? .selected : .normal)
            return 1
        case .toggle(let on):
            buffer.put(on ? "[x] yes" : "[ ] no", x: x, y: y, maxWidth: width, role: focused ? .selected : .normal)
            return 1
        case .list(let picker):
            return drawPicker(picker, focused: focused, x: x, y: y, width: width, rows: listRows, into: &buffer, theme: theme)
        }
    }

    /// A focused list shows its rows; an unfocused one a one-line summary of what is ticked.
    private static func drawPicker(
        _ picker: ObjectPicker, focused: Bool, x: Int, y: Int, width: Int, rows: Int, into buffer: inout CellBuffer, theme: Theme
    ) -> Int {
        let lines = picker.rows
        let refs = picker.refs
        let summary = lines.isEmpty ? "(everything in the snapshot)"
            : refs.isEmpty ? "all \(picker.items.count) tables"
            : refs.map { $0.table + ($0.partitions.map { " (" + $0.joined(separator: ",") + ")" } ?? "") }.joined(separator: ", ")
        guard focused, !lines.isEmpty else {
            buffer.put(summary + (lines.isEmpty ? "" : "  (Tab here to pick)"), x: x, y: y, maxWidth: width, role: refs.isEmpty ? .dim : .normal)
            return 1
        }
        buffer.put("Space ticks, → partitions: " + summary, x: x, y: y, maxWidth: width, role: .dim)
        let visible = rows - 1
        let start = min(max(0, picker.cursor - visible + 1), max(0, lines.count - visible))
        for (i, row) in lines.dropFirst(start).prefix(visible).enumerated() {
            let text: String
            switch row {
            case .table(let t):
                let item = picker.items[t]
                let arrow = item.partitions.isEmpty ? " " : item.isExpanded ? theme.glyphs.expanded : theme.glyphs.drill
                text = "[\(item.mark)] \(item.table) \(arrow) \(item.partitions.count) partition\(item.partitions.count == 1 ? "" : "s")"
            case .partition(let t, let p):
                let item = picker.items[t]
                let name = item.partitions[p]
                text = "    [\(item.whole || item.picked.contains(name) ? "x" : " ")] \(name)"
            }
            let selected = start + i == picker.cursor
            buffer.put(DisplayWidth.fit(text, width), x: x, y: y + 1 + i, maxWidth: width, role: selected ? .selected : .normal)
        }
        return rows
    }
}
