/// The selection and scroll position of a list, keyed by row identity rather than index, so a
/// refresh that inserts or reorders rows never moves the selection to another object.
public struct ListCursor<Key: Hashable & Sendable>: Sendable, Hashable {
    public var selected: Key?
    /// First row shown.
    public var offset: Int
    /// Where the selection was last seen: when its row disappears, the row now at that place is
    /// selected instead of jumping to the top.
    public var lastIndex: Int

    public init(selected: Key? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
        lastIndex = 0
    }

    /// The index of the selected row in `keys`, re-selecting a neighbour when it vanished.
    @discardableResult
    public mutating func settle(in keys: [Key], viewport: Int) -> Int? {
        guard !keys.isEmpty else {
            offset = 0
            return nil
        }
        let index: Int
        if let selected, let found = keys.firstIndex(of: selected) {
            index = found
        } else {
            index = min(max(0, lastIndex), keys.count - 1)
            selected = keys[index]
        }
        lastIndex = index
        scroll(toShow: index, count: keys.count, viewport: viewport)
        return index
    }

    /// Moves the selection by `delta` rows (clamped) and scrolls to keep it visible.
    public mutating func move(by delta: Int, in keys: [Key], viewport: Int) {
        guard let current = settle(in: keys, viewport: viewport) else { return }
        select(index: current + delta, in: keys, viewport: viewport)
    }

    public mutating func select(index: Int, in keys: [Key], viewport: Int) {
        guard !keys.isEmpty else { return }
        let target = min(max(0, index), keys.count - 1)
        selected = keys[target]
        lastIndex = target
        scroll(toShow: target, count: keys.count, viewport: viewport)
    }

    /// Adjusts `offset` the least needed for row `index` to be on screen, and never past the end.
    public mutating func scroll(toShow index: Int, count: Int, viewport: Int) {
        let rows = max(1, viewport)
        if index < offset { offset = index }
        if index >= offset + rows { offset = index - rows + 1 }
        offset = max(0, min(offset, max(0, count - rows)))
    }
}
