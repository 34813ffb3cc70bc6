/// A statement that does not fit the grammar, reported the way MySQL reports `ER_PARSE_ERROR`.
///
/// `near` is the statement text from the offending token to the end of the statement (at most 80
/// characters, empty when the statement ended too early) and `line` is the 1-based line of that
/// token within the statement text.
public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var near: String
    public var line: Int
    public var message: String

    /// MySQL cuts the quoted source text at 80 characters.
    static let nearLimit = 80

    public init(near: String, line: Int) {
        self.near = near
        self.line = line
        self.message =
            "You have an error in your SQL syntax; check the manual that corresponds to your "
            + "MySQL server version for the right syntax to use near '\(near)' at line \(line)"
    }

    public var description: String { message }
}
