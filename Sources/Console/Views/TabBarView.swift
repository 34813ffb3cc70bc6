import Essentials

/// Row 1: the tabs with their number keys; the current one highlighted. Narrower screens get
/// shorter names, then tabs packed closer (only the current one padded), then only the current
/// tab's name.
enum TabBarView {
    static func draw(_ state: AppState, _ rect: Rect, into buffer: inout CellBuffer) {
        let full = Tab.allCases.map { "\($0.rawValue) \($0.title)" }
        let short = Tab.allCases.map { tab -> String in
            let title = switch tab {
            case .repositories: "Repos"
            case .snapshots: "Snaps"
            case .schedules: "Sched"
            default: tab.title
            }
            return "\(tab.rawValue) \(title)"
        }
        let minimal = Tab.allCases.map { $0 == state.tab ? "\($0.rawValue) \($0.title)" : String($0.rawValue) }
        let (labels, packed) = [(full, false), (short, false), (short, true)].first { fits($0.0, packed: $0.1, rect.width) }
            ?? (minimal, false)
        var x = rect.x
        for (tab, label) in zip(Tab.allCases, labels) {
            let active = tab == state.tab
            x += buffer.put(packed && !active ? label : " \(label) ", x: x, y: rect.y, role: active ? .tabActive : .tab)
            x += 1
        }
    }

    /// Each tab takes its label, a space each side (packed: the current tab only) and a gap.
    private static func fits(_ labels: [String], packed: Bool, _ width: Int) -> Bool {
        let padding = packed ? 2 : 2 * labels.count
        return labels.reduce(0) { $0 + DisplayWidth.of($1) + 1 } - 1 + padding <= width
    }
}
