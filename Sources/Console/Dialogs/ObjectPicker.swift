/// A tick list of tables and their partitions, for the `ON (...)` clause of BACKUP and RESTORE.
///
/// Ticking a table takes all of it; ticking partitions of an unticked table takes just those
/// (`t PARTITION (p1, p2)`). Nothing ticked means every table, and no `ON` clause at all.
public struct ObjectPicker: Sendable, Hashable {
    /// A table, its partitions, and what of it is ticked.
    public struct Item: Sendable, Hashable {
        public var table: String
        public var partitions: [String]
        public var isExpanded = false
        public var whole = false
        public var picked: Set<String> = []

        public init(table: String, partitions: [String]) {
            self.table = table
            self.partitions = partitions
        }

        /// `x` whole table, `-` some partitions, space nothing.
        public var mark: Character {
            whole ? "x" : picked.isEmpty ? " " : "-"
        }
    }

    /// A visible line of the list: a table, or a partition of an expanded table.
    public enum Row: Sendable, Hashable {
        case table(Int)
        case partition(Int, Int)
    }

    public var items: [Item]
    public var cursor = 0

    public init(tables: [(name: String, partitions: [String])]) {
        items = tables.map { Item(table: $0.name, partitions: $0.partitions) }
    }

    public var rows: [Row] {
        var result: [Row] = []
        for (i, item) in items.enumerated() {
            result.append(.table(i))
            if item.isExpanded { result += item.partitions.indices.map { .partition(i, $0) } }
        }
        return result
    }

    /// Moves the cursor; false when already at that edge (the form then moves to another field).
    public mutating func move(by delta: Int) -> Bool {
        let target = cursor + delta
        guard target >= 0, target < rows.count else { return false }
        cursor = target
        return true
    }

    public mutating func toggle() {
        guard cursor < rows.count else { return }
        switch rows[cursor] {
        case .table(let i):
            items[i].whole.toggle()
            items[i].picked = []
        case .partition(let i, let p):
            let name = items[i].partitions[p]
            if items[i].whole {
                items[i].whole = false
                items[i].picked = Set(items[i].partitions).subtracting([name])
            } else if items[i].picked.contains(name) {
                items[i].picked.remove(name)
            } else {
                items[i].picked.insert(name)
                // Every partition ticked one by one is the whole table, and says so in the SQL.
                if items[i].picked.count == items[i].partitions.count {
                    items[i].whole = true
                    items[i].picked = []
                }
            }
        }
    }

    public mutating func setExpanded(_ expanded: Bool) {
        guard cursor < rows.count else { return }
        switch rows[cursor] {
        case .table(let i):
            items[i].isExpanded = expanded && !items[i].partitions.isEmpty
        case .partition(let i, _):
            if !expanded {
                items[i].isExpanded = false
                cursor = rows.firstIndex(of: .table(i)) ?? 0
            }
        }
    }

    /// The ticked objects in list order; empty when nothing is ticked.
    public var refs: [ObjectRef] {
        items.compactMap { item in
            if item.whole { return ObjectRef(table: item.table, partitions: nil) }
            if !item.picked.isEmpty {
                return ObjectRef(table: item.table, partitions: item.partitions.filter { item.picked.contains($0) })
            }
            return nil
        }
    }
}
