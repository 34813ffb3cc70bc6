/// Parses one SQL statement of SnapDeck's Doris/MySQL dialect into a ``Statement``.
///
/// Keywords are case-insensitive. Any input either yields a statement or a ``SyntaxError`` naming
/// the first token that does not fit, exactly as MySQL words it; the parser never traps and its
/// work is linear in the length of the input.
public enum Parser {
    /// Parses one statement. A trailing `;` or `\G` is tolerated; empty input (or only comments)
    /// is a syntax error near `''`.
    public static func parse(_ text: String) throws(SyntaxError) -> Statement {
        var parser = StatementParser(text: text)
        if parser.current.isTerminator || (parser.current.kind == .end && !parser.lexerFailed) {
            throw SyntaxError(near: "", line: parser.current.line)
        }
        let statement = try parser.statement()
        try parser.finish()
        return statement
    }
}
