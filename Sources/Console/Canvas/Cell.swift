/// One terminal cell: a character, how many columns it takes, and its role and extra attributes.
///
/// A wide character occupies its own cell (width 2) and the next one, which holds a space with
/// width 0 (a continuation the terminal layer skips).
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var width: UInt8
    public var role: Role
    public var attributes: TextAttributes

    public init(_ character: Character = " ", width: UInt8 = 1, role: Role = .normal, attributes: TextAttributes = []) {
        self.character = character
        self.width = width
        self.role = role
        self.attributes = attributes
    }

    public var isContinuation: Bool { width == 0 }
}
