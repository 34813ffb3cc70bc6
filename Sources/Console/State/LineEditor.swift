/// A single-line text field with a cursor: the SQL prompt, dialog fields, filter and palette lines.
public struct LineEditor: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// Index in `characters` before which typing inserts.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    public var isEmpty: Bool { characters.isEmpty }

    public mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    public mutating func insert(_ text: String) {
        for ch in text { insert(ch) }
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    /// Ctrl-K: deletes from the cursor to the end.
    public mutating func killToEnd() {
        characters.removeSubrange(cursor...)
    }

    /// Ctrl-U: deletes from the start to the cursor.
    public mutating func killToStart() {
        characters.removeSubrange(..<cursor)
        cursor = 0
    }

    /// Ctrl-W: deletes the word before the cursor and the spaces after it.
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Applies a line-editing command; returns false for commands that are not about editing.
    @discardableResult
    public mutating func apply(_ command: Command) -> Bool {
        switch command {
        case .cursorLeft: moveLeft()
        case .cursorRight: moveRight()
        case .lineStart: moveToStart()
        case .lineEnd: moveToEnd()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .killToEnd: killToEnd()
        case .killToStart: killToStart()
        case .deleteWord: deleteWordBackward()
        default: return false
        }
        return true
    }
}
