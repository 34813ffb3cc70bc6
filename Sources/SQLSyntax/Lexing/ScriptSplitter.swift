/// Cuts a script into statements at `;` and `\G`, the way the mysql client does.
///
/// Terminators inside quotes, backquotes and comments do not count: the splitter runs the same
/// ``Lexer`` as the parser, so both agree on what is quoted. Empty statements (`;;`) are skipped.
public enum ScriptSplitter {
    /// Splits a script into complete statements (ended by `;` or `\G` outside quotes, backquotes
    /// and comments) and the incomplete remainder: the raw text after the last terminator, which
    /// may be only whitespace and comments, or an unterminated quote or comment.
    public static func split(_ script: String) -> (statements: [StatementText], remainder: String) {
        let source = Array(script.unicodeScalars)
        let tokens = Lexer.scan(source).tokens
        var statements: [StatementText] = []
        var first: Token?
        var last: Token?
        var remainderStart = 0
        for token in tokens {
            switch token.kind {
            case .terminator(let terminator):
                if let first, let last {
                    let text = String(String.UnicodeScalarView(source[first.start..<last.end]))
                    statements.append(
                        StatementText(text: text, terminator: terminator, line: first.line))
                }
                first = nil
                last = nil
                remainderStart = token.end
            case .end:
                break
            default:
                if first == nil { first = token }
                last = token
            }
        }
        let remainder = String(String.UnicodeScalarView(source[remainderStart...]))
        return (statements, remainder)
    }

    /// Every statement of a script, the last one included even without a terminator (as the
    /// mysql client runs it).
    public static func statementTexts(_ script: String) -> [String] {
        let (statements, remainder) = split(script)
        return statements.map(\.text) + (isBlank(remainder) ? [] : [remainder])
    }

    /// True when `text` (a remainder, say) holds nothing to run: only whitespace and comments by
    /// the lexer's rules, so `--x` is not a comment and an unterminated quote or comment is
    /// not blank.
    public static func isBlank(_ text: String) -> Bool {
        let output = Lexer.scan(Array(text.unicodeScalars), limit: 1)
        return output.failure == nil && output.tokens.count == 1
    }
}
