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

    private static let messageStart =
        "You have an error in your SQL syntax; check the manual that corresponds to your "
        + "MySQL server version for the right syntax to use near '"
    private static let lineMarker = "' at line "

    /// Set for well-formed SQL that SnapDeck does not run (a JOIN, a subquery): MySQL reports
    /// those as "not supported yet" rather than as a parse error.
    public var isUnsupported = false

    public init(near: String, line: Int) {
        self.near = near
        self.line = line
        self.message = Self.messageStart + near + Self.lineMarker + String(line)
    }

    /// A construct outside what SnapDeck's SELECT is for, named in the message.
    public init(unsupported construct: String, line: Int) {
        near = ""
        self.line = line
        message = "SnapDeck's SELECT reads a single table, with aggregates, to verify data; \(construct) is not supported"
        isUnsupported = true
    }

    /// Where `message`, if it is a syntax error's message, quotes the statement: Unicode-scalar
    /// offsets into `message`, and whether the quote was cut at ``nearLimit`` characters.
    static func quotation(in message: [Unicode.Scalar]) -> (range: Range<Int>, isCut: Bool)? {
        let start = Array(messageStart.unicodeScalars)
        let marker = Array(lineMarker.unicodeScalars)
        guard message.starts(with: start), message.count >= start.count + marker.count else { return nil }
        // The quoted text may itself hold the marker; the message's own is the last one.
        guard let end = (start.count...(message.count - marker.count)).last(where: {
            message[$0..<($0 + marker.count)].elementsEqual(marker)
        }) else { return nil }
        let quoted = String(String.UnicodeScalarView(message[start.count..<end]))
        return (start.count..<end, quoted.count == nearLimit)
    }

    public var description: String { message }
}
