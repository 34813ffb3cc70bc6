/// A confirmation box: the question naming its target, the SQL, a field to type the name for
/// high-danger actions, and the buttons with Cancel first (focused by default when destructive).
enum ConfirmView {
    static func draw(_ confirm: ConfirmState, in screen: Rect, into buffer: inout CellBuffer, theme: Theme) {
        let width = min(screen.width - 4, 84)
        let inner = width - 4
        var lines: [StyledLine] = []
        for line in confirm.lines { lines += StyledLine.wrapped(line, width: inner) }
        if let sql = confirm.sql {
            lines.append(StyledLine())
            lines += StyledLine.wrapped(sql, width: inner, role: .sql)
        }
        if let error = confirm.serverError {
            lines.append(StyledLine())
            lines += StyledLine.wrapped(error, width: inner, role: .error)
        }
        let typing = confirm.requiresTyping ? 2 : 0
        let height = min(screen.height - 2, lines.count + typing + 5)
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + max(0, (screen.height - height) / 2), width: width, height: height)
        buffer.clear(box)
        Frame.draw(box, title: confirm.title, role: confirm.danger == .none ? .border : .danger, into: &buffer, glyphs: theme.glyphs)
        var y = box.y + 1
        for line in lines.prefix(box.height - 5 - typing) {
            line.draw(x: box.x + 2, y: y, width: inner, into: &buffer, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        if confirm.requiresTyping {
            y += 1
            let prompt = "Type \(confirm.target) to confirm: "
            let used = buffer.put(prompt, x: box.x + 2, y: y, maxWidth: inner, role: .warning)
            InputField.draw(confirm.typed, x: box.x + 2 + used, y: y, width: max(4, inner - used), focused: confirm.submitting == nil,
                            into: &buffer, theme: theme)
        }
        let confirmRole: Role = confirm.canConfirm ? (confirm.danger == .none ? .normal : .danger) : .dim
        let label = confirm.submitting != nil ? "running…" : confirm.confirmLabel
        Buttons.draw([("Cancel", .normal, !confirm.focusOnConfirm), (label, confirmRole, confirm.focusOnConfirm)],
                     y: box.maxY - 2, in: box, into: &buffer)
    }
}
