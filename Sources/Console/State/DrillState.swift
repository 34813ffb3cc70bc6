/// Where the user is in a drill-down browser (catalog, snapshot contents): the names opened so
/// far and a cursor for every level, so going back up lands on the row the user came from.
public struct DrillState: Sendable, Hashable {
    public private(set) var path: [String] = []
    public private(set) var cursors: [ListCursor<String>] = [ListCursor()]

    public init() {}

    public var depth: Int { path.count }

    public var cursor: ListCursor<String> {
        get { cursors[cursors.count - 1] }
        set { cursors[cursors.count - 1] = newValue }
    }

    public mutating func push(_ name: String) {
        path.append(name)
        cursors.append(ListCursor())
    }

    public mutating func pop() {
        guard !path.isEmpty else { return }
        path.removeLast()
        cursors.removeLast()
    }

    public mutating func reset() {
        self = DrillState()
    }
}
