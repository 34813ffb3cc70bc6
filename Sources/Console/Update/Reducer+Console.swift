import Foundation

/// The SQL console's prompt: line editing, history, running a statement, scrolling results.
extension Reducer {
    static func consoleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if let ch = key.character {
            state.console.editor.insert(ch)
            state.console.historyIndex = nil
            return []
        }
        guard let command = KeyMap.standard.command(for: key, in: state.inputContexts) else { return [] }
        if state.console.editor.apply(command) { return [] }
        switch command {
        case .runStatement:
            let statement = state.console.editor.text.trimmingCharacters(in: .whitespaces)
            guard !statement.isEmpty else { return [] }
            state.console.remember(statement)
            state.console.editor = LineEditor()
            state.console.statement = statement
            let effect = request(&state, .console, statement)
            if case .runSQL(let id, _) = effect { state.console.running = id }
            return [effect]
        case .historyPrevious: state.console.historyBack()
        case .historyNext: state.console.historyForward()
        case .pageUp: return page(&state, up: true)
        case .pageDown: return page(&state, up: false)
        case .nextTab: return show(state.tab.next, &state)
        case .previousTab: return show(state.tab.previous, &state)
        case .focusResults: state.console.focus = .results
        case .redraw: state.needsFullRedraw = true
        default: break
        }
        return []
    }

    static func helpKey(_ state: inout AppState, _ key: Key, _ scroll: Int) -> [Effect] {
        guard let command = KeyMap.standard.command(for: key, in: [.help, .always]) else { return [] }
        let page = max(1, state.height - 5)
        let limit = max(0, HelpContent.lines(ascii: false).count - page)
        switch command {
        case .moveUp: state.modal = .help(scroll: max(0, scroll - 1))
        case .moveDown: state.modal = .help(scroll: min(limit, scroll + 1))
        case .pageUp: state.modal = .help(scroll: max(0, scroll - page))
        case .pageDown: state.modal = .help(scroll: min(limit, scroll + page))
        case .dismiss: state.modal = nil
        case .redraw: state.needsFullRedraw = true
        default: break
        }
        return []
    }
}
