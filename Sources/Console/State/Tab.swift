/// The dashboard's tabs, in the order of the tab bar and of the `1`–`8` keys. Schedules came
/// last, so the keys operators already knew kept their tabs.
public enum Tab: Int, Sendable, Hashable, CaseIterable {
    case backups = 1
    case restores
    case repositories
    case snapshots
    case catalog
    case console
    case events
    case schedules

    public var title: String {
        switch self {
        case .backups: "Backups"
        case .restores: "Restores"
        case .repositories: "Repositories"
        case .snapshots: "Snapshots"
        case .catalog: "Catalog"
        case .console: "Console"
        case .events: "Events"
        case .schedules: "Schedules"
        }
    }

    /// The job kind a job tab lists.
    public var jobKind: JobKind? {
        switch self {
        case .backups: .backup
        case .restores: .restore
        default: nil
        }
    }

    /// Whether `/` can filter this tab's rows.
    public var isFilterable: Bool { self != .console }

    /// The tab named by a palette word, by prefix: `back`, `repos`, `snap`.
    public static func named(_ word: String) -> Tab? {
        let w = word.lowercased()
        guard !w.isEmpty else { return nil }
        if let number = Int(w) { return Tab(rawValue: number) }
        return allCases.first { $0.title.lowercased().hasPrefix(w) }
    }

    public var next: Tab { Tab(rawValue: rawValue % Tab.allCases.count + 1)! }
    public var previous: Tab { Tab(rawValue: (rawValue + Tab.allCases.count - 2) % Tab.allCases.count + 1)! }
}
