/// What ended a statement in a script.
public enum Terminator: Sendable, Equatable {
    /// `;` (or the mysql client's `\g`).
    case semicolon
    /// `\G`: the client should print the result rows vertically.
    case vertical
    /// The script ended without a terminator.
    case endOfInput
}

/// One complete statement found by ``ScriptSplitter``.
///
/// `text` starts at the statement's first token (leading whitespace and comments are dropped),
/// excludes the terminator and has no trailing whitespace; it can be passed to ``Parser/parse(_:)``.
public struct StatementText: Sendable, Equatable {
    public var text: String
    public var terminator: Terminator
    /// 1-based line of the script on which the statement's first token stands.
    public var line: Int

    public init(text: String, terminator: Terminator, line: Int) {
        self.text = text
        self.terminator = terminator
        self.line = line
    }
}
