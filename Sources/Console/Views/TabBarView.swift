import Essentials

/// Row 1: the seven tabs with their number keys; the current one highlighted. Narrow screens
/// get shorter names, then only the current tab's name.
enum TabBarView {
    static func draw(_ state: AppState, _ rect: Rect, into buffer: inout CellBuffer) {
        let full = Tab.allCases.map { "\($0.rawValue) \($0.title)" }
        let short = Tab.allCases.map { tab -> String in
            let title = tab == .repositories ? "Repos" : tab == .snapshots ? "Snaps" : tab.title
            return "\(tab.rawValue) \(title)"
        }
        let minimal = Tab.allCases.map { $0 == state.tab ? "\($0.rawValue) \($0.title)" : String($0.rawValue) }
        let labels = [full, short, minimal].first { fits($0, rect.width) } ?? minimal
        var x = rect.x
        for (tab, label) in zip(Tab.allCases, labels) {
            let active = tab == state.tab
            x += buffer.put(" \(label) ", x: x, y: rect.y, role: active ? .tabActive : .tab)
            x += 1
        }
    }

    private static func fits(_ labels: [String], _ width: Int) -> Bool {
        labels.reduce(0) { $0 + DisplayWidth.of($1) + 3 } - 1 <= width
    }
}
