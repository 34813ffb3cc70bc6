import Essentials

/// Counters a frame keeps about its own cost, so tests can check rendering stays proportional to
/// what is visible rather than to the data.
public struct RenderStats: Sendable, Hashable {
    /// Data rows formatted into table cells during this frame.
    public var rowsFormatted = 0
}

/// An off-screen frame: what the terminal layer paints, and what render tests read.
///
/// Every write sanitises its text (see `TextSanitizer`) and clips to the buffer and to the given
/// width, so no view can draw outside its area or half a wide character.
public struct CellBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal should put its cursor (an input field), nil to hide it.
    public var cursor: CursorPosition?
    public var stats = RenderStats()

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` at (x, y) within `maxWidth` columns (to the right edge when nil) and returns
    /// the columns used.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: Role = .normal, attributes: TextAttributes = []
    ) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for ch in TextSanitizer.clean(text) {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 {
                set(Cell(ch, width: UInt8(w), role: role, attributes: attributes), x: column, y: y)
                if w == 2 { set(Cell(" ", width: 0, role: role, attributes: attributes), x: column + 1, y: y) }
            }
            column += w
        }
        return column - x
    }

    /// Paints `count` cells of `character` from (x, y).
    public mutating func fill(
        x: Int, y: Int, count: Int, character: Character = " ", role: Role = .normal, attributes: TextAttributes = []
    ) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            set(Cell(character, width: 1, role: role, attributes: attributes), x: column, y: y)
        }
    }

    /// Paints a whole rectangle with blanks in `role` (a dialog's background, a selected row).
    public mutating func clear(_ rect: Rect, role: Role = .normal, attributes: TextAttributes = []) {
        for row in rect.y..<(rect.y + rect.height) {
            fill(x: rect.x, y: row, count: rect.width, role: role, attributes: attributes)
        }
    }

    /// Sets the role (and attributes) of cells already written, keeping their characters.
    public mutating func restyle(x: Int, y: Int, count: Int, role: Role, attributes: TextAttributes = []) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            cells[y * width + column].role = role
            cells[y * width + column].attributes = attributes
        }
    }

    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        // Overwriting either half of a wide character blanks the other half.
        if cells[index].width == 2, x + 1 < width { cells[index + 1] = Cell(role: cells[index].role) }
        if cells[index].isContinuation, x > 0, cells[index - 1].width == 2 { cells[index - 1] = Cell(role: cells[index].role) }
        cells[index] = cell
    }

    /// Replaces single-column characters found in `map` (the ASCII fallbacks of decorations).
    public mutating func replace(_ map: [Character: Character]) {
        for i in cells.indices where cells[i].width == 1 {
            if let replacement = map[cells[i].character] { cells[i].character = replacement }
        }
    }

    /// The characters of every row, trailing spaces removed.
    public func textLines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation {
                line.append(self[x, y].character)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// One role letter per column for every row (see `Role.maskLetter`), trailing normal cells
    /// removed: colour regressions show up in tests without any escape codes.
    public func styleMask() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                line.append(self[x, y].role.maskLetter)
            }
            while line.last == "." { line.removeLast() }
            return line
        }
    }
}
