import Essentials

/// Renders the whole dashboard into a `CellBuffer`: the pure function the terminal layer paints
/// and render tests read. Touches only what is visible; never reads a clock or the environment.
public enum Screen {
    public static func render(_ state: AppState, width: Int, height: Int, theme: Theme) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let layout = Layout(width: width, height: height)
        if layout.isTooSmall {
            drawTooSmall(layout, into: &buffer)
            return buffer
        }
        HeaderView.draw(state, layout.header, into: &buffer, theme: theme)
        TabBarView.draw(state, layout.tabBar, into: &buffer)
        switch state.tab {
        case .backups: JobsView.draw(state, .backup, layout, into: &buffer, theme: theme)
        case .restores: JobsView.draw(state, .restore, layout, into: &buffer, theme: theme)
        case .repositories: BrowserViews.repositories(state, layout, into: &buffer, theme: theme)
        case .snapshots: BrowserViews.snapshots(state, layout, into: &buffer, theme: theme)
        case .catalog: BrowserViews.catalog(state, layout, into: &buffer, theme: theme)
        case .console: ConsoleView.draw(state, layout, into: &buffer, theme: theme)
        case .events: BrowserViews.events(state, layout, into: &buffer, theme: theme)
        case .schedules: ScheduleViews.draw(state, layout, into: &buffer, theme: theme)
        }
        MessageLine.draw(state, layout.message, into: &buffer, theme: theme)
        // Modals cover everything but the key hints, which describe them.
        let screen = Rect(x: 0, y: 0, width: width, height: height - 1)
        switch state.modal {
        case .help(let scroll): HelpView.draw(scroll: scroll, in: screen, into: &buffer, theme: theme)
        case .dialog(let dialog): DialogView.draw(dialog, state, in: screen, into: &buffer, theme: theme)
        case .confirm(let confirm): ConfirmView.draw(confirm, in: screen, into: &buffer, theme: theme)
        case .prompt, nil: break
        }
        FooterView.draw(state, layout.footer, into: &buffer, theme: theme)
        if theme.glyphs == .ascii { buffer.replace(GlyphSet.asciiFallbacks) }
        return buffer
    }

    /// Below 60×15 nothing fits: say what is needed instead of drawing a broken screen.
    static func drawTooSmall(_ layout: Layout, into buffer: inout CellBuffer) {
        let lines = [
            "Terminal too small: \(layout.width)×\(layout.height)",
            "SnapDeck needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight).",
            "Enlarge the window; q quits.",
        ]
        let top = max(0, (layout.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (layout.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, role: i == 0 ? .warning : .normal)
        }
    }
}
