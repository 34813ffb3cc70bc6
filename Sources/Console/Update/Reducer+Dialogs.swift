/// Form dialogs and confirmations: editing, validation on every key, and submission.
extension Reducer {
    static func dialogKey(_ state: inout AppState, _ key: Key, _ original: Dialog) -> [Effect] {
        var dialog = original
        if dialog.form.submitting != nil {
            // The statement is out; Esc hides the dialog and the result still arrives as a flash.
            if key == .escape { state.modal = nil }
            return []
        }
        let focused = dialog.form.focusedField
        var changed: FieldID?
        if case .text(var editor)? = focused?.value {
            if let ch = key.character {
                editor.insert(ch)
                dialog.form.set(focused!.id, .text(editor))
                changed = focused!.id
            } else if let command = KeyMap.standard.command(for: key, in: [.lineEdit]), editor.apply(command) {
                dialog.form.set(focused!.id, .text(editor))
                changed = focused!.id
            }
        }
        var effects: [Effect] = []
        if changed == nil, let command = KeyMap.standard.command(for: key, in: [.dialog, .always]) {
            switch command {
            case .nextField: dialog.form.moveFocus(by: 1)
            case .previousField: dialog.form.moveFocus(by: -1)
            case .moveDown, .moveUp:
                let step = command == .moveDown ? 1 : -1
                if case .list(var picker)? = focused?.value, picker.move(by: step) {
                    dialog.form.set(focused!.id, .list(picker))
                } else {
                    dialog.form.moveFocus(by: step)
                }
            case .choicePrevious, .choiceNext:
                changed = adjust(&dialog.form, forward: command == .choiceNext)
            case .toggle:
                changed = toggle(&dialog.form)
            case .submit:
                if dialog.form.focus == dialog.form.cancelIndex {
                    state.modal = nil
                    return []
                }
                effects = submit(&state, &dialog)
            case .dismiss:
                state.modal = nil
                return []
            case .redraw:
                state.needsFullRedraw = true
            default: break
            }
        }
        if let changed {
            dialog.form.serverError = nil
            dialog.fieldChanged(changed, in: state)
        }
        state.modal = .dialog(dialog)
        return effects
    }

    /// ←/→: cycle a choice, collapse/expand a list row, move between the buttons.
    private static func adjust(_ form: inout Form, forward: Bool) -> FieldID? {
        guard let field = form.focusedField else {
            form.focus = form.focus == form.runIndex ? form.cancelIndex : form.runIndex
            return nil
        }
        switch field.value {
        case .choice(let options, let index) where !options.isEmpty:
            form.set(field.id, .choice(options: options, index: (index + (forward ? 1 : -1) + options.count) % options.count))
            return field.id
        case .list(var picker):
            picker.setExpanded(forward)
            form.set(field.id, .list(picker))
            return nil
        case .toggle(let on):
            form.set(field.id, .toggle(!on))
            return field.id
        default:
            return nil
        }
    }

    /// Space: tick a list row, flip a switch, advance a choice, press a button.
    private static func toggle(_ form: inout Form) -> FieldID? {
        guard let field = form.focusedField else { return nil }
        switch field.value {
        case .list(var picker):
            picker.toggle()
            form.set(field.id, .list(picker))
            return field.id
        case .toggle(let on):
            form.set(field.id, .toggle(!on))
            return field.id
        case .choice:
            return adjust(&form, forward: true)
        case .text:
            return nil
        }
    }

    private static func submit(_ state: inout AppState, _ dialog: inout Dialog) -> [Effect] {
        let check = dialog.check(in: state)
        guard check.isValid else {
            flash(&state, check.errors[0], .error)
            return []
        }
        let effect = request(&state, dialog.purpose(), check.sql)
        if case .runSQL(let id, _) = effect { dialog.form.submitting = id }
        return [effect]
    }

    static func confirmKey(_ state: inout AppState, _ key: Key, _ original: ConfirmState) -> [Effect] {
        var confirm = original
        if confirm.submitting != nil {
            if key == .escape { state.modal = nil }
            return []
        }
        if confirm.requiresTyping {
            if let ch = key.character {
                confirm.typed.insert(ch)
                state.modal = .confirm(confirm)
                return []
            }
            if let command = KeyMap.standard.command(for: key, in: [.lineEdit]), command != .cursorLeft, command != .cursorRight,
               confirm.typed.apply(command) {
                state.modal = .confirm(confirm)
                return []
            }
        }
        guard let command = KeyMap.standard.command(for: key, in: [.confirm, .always]) else { return [] }
        switch command {
        case .confirm:
            return accept(&state, &confirm)
        case .reject:
            state.modal = nil
            return []
        case .nextField:
            confirm.focusOnConfirm.toggle()
        case .submit:
            guard confirm.focusOnConfirm else {
                state.modal = nil
                return []
            }
            return accept(&state, &confirm)
        case .redraw:
            state.needsFullRedraw = true
        default: break
        }
        state.modal = .confirm(confirm)
        return []
    }

    private static func accept(_ state: inout AppState, _ confirm: inout ConfirmState) -> [Effect] {
        guard confirm.canConfirm else {
            flash(&state, "Type \(confirm.target) to confirm.", .warning)
            state.modal = .confirm(confirm)
            return []
        }
        guard let purpose = confirm.purpose, let sql = confirm.sql else {
            state.modal = nil
            return [.quit]
        }
        let effect = request(&state, purpose, sql)
        if case .runSQL(let id, _) = effect { confirm.submitting = id }
        if case .checkSnapshot(let key) = purpose { state.snapshotCache.checking.insert(key) }
        state.modal = .confirm(confirm)
        return [effect]
    }
}
