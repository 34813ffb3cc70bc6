/// Turns statement text into tokens, following MySQL's quoting and comment rules.
///
/// The lexer never throws: an unterminated string, backquoted identifier or block comment stops
/// the scan and is reported as `failure`, with every token before it kept. The parser turns the
/// failure into a syntax error only if it gets that far (as MySQL does), and the script splitter
/// uses it to recognise an incomplete statement.
struct Lexer {
    /// Where an unterminated quote or comment starts.
    struct Failure: Sendable, Equatable {
        var offset: Int
        var line: Int
    }

    struct Output: Sendable {
        /// Always ends with an `.end` token; after a failure, that token sits at the failure.
        var tokens: [Token]
        var failure: Failure?
    }

    private let source: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var tokens: [Token] = []

    private init(source: [Unicode.Scalar]) {
        self.source = source
    }

    /// Scans all of `source`, or stops after `limit` tokens (the `.end` token then stands where
    /// the scan stopped).
    static func scan(_ source: [Unicode.Scalar], limit: Int = .max) -> Output {
        var lexer = Lexer(source: source)
        let failure = lexer.run(limit: limit)
        let endOffset = failure?.offset ?? lexer.index
        let endLine = failure?.line ?? lexer.line
        lexer.tokens.append(Token(kind: .end, start: endOffset, end: endOffset, line: endLine))
        return Output(tokens: lexer.tokens, failure: failure)
    }

    /// Whitespace, asking Unicode's tables only outside ASCII: the property lookup is what
    /// most of a long statement's lexing time went on.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C }
        return scalar.properties.isWhitespace
    }

    private func scalar(at offset: Int) -> Unicode.Scalar? {
        offset < source.count ? source[offset] : nil
    }

    private mutating func run(limit: Int) -> Failure? {
        while tokens.count < limit, let current = scalar(at: index) {
            if current == "\n" {
                line += 1
                index += 1
            } else if Lexer.isSpace(current) {
                index += 1
            } else if startsLineComment(at: index) {
                while let next = scalar(at: index), next != "\n" { index += 1 }
            } else if current == "/", scalar(at: index + 1) == "*" {
                if let failure = skipBlockComment() { return failure }
            } else if current == "'" || current == "\"" {
                if let failure = scanString(quote: current) { return failure }
            } else if current == "`" {
                if let failure = scanQuotedIdentifier() { return failure }
            } else if current.isASCIIDigit {
                scanNumberOrWord()
            } else if Lexer.isIdentifierScalar(current) {
                scanWord(from: index)
            } else {
                scanSymbol(current)
            }
        }
        return nil
    }

    private mutating func emit(_ kind: Token.Kind, from start: Int, line startLine: Int? = nil) {
        tokens.append(Token(kind: kind, start: start, end: index, line: startLine ?? line))
    }

    /// `#` always starts a comment; `--` only when followed by whitespace, a control character or
    /// the end of input, so that `1--2` still means `1 - -2` (MySQL rule).
    private func startsLineComment(at offset: Int) -> Bool {
        if source[offset] == "#" { return true }
        guard source[offset] == "-", scalar(at: offset + 1) == "-" else { return false }
        guard let after = scalar(at: offset + 2) else { return true }
        return Lexer.isSpace(after) || after.value < 0x20
    }

    private mutating func skipBlockComment() -> Failure? {
        let start = index
        let startLine = line
        index += 2
        while let current = scalar(at: index) {
            if current == "*", scalar(at: index + 1) == "/" {
                index += 2
                return nil
            }
            if current == "\n" { line += 1 }
            index += 1
        }
        return Failure(offset: start, line: startLine)
    }

    private mutating func scanString(quote: Unicode.Scalar) -> Failure? {
        let start = index
        let startLine = line
        var value = String.UnicodeScalarView()
        index += 1
        while let current = scalar(at: index) {
            if current == "\\" {
                guard let escaped = scalar(at: index + 1) else { break }
                if escaped == "\n" { line += 1 }
                Lexer.append(unescaping: escaped, to: &value)
                index += 2
                continue
            }
            if current == quote {
                if scalar(at: index + 1) == quote {
                    value.append(quote)
                    index += 2
                    continue
                }
                index += 1
                emit(.string(String(value)), from: start, line: startLine)
                return nil
            }
            if current == "\n" { line += 1 }
            value.append(current)
            index += 1
        }
        return Failure(offset: start, line: startLine)
    }

    /// Appends what an escape stands for, by MySQL's rules; `\%` and `\_` keep their backslash
    /// so LIKE patterns can match them literally, and any other escaped character stands for
    /// itself. One scalar at a time: `append(contentsOf:)` on a UnicodeScalarView copies the
    /// whole string so far, which made a long run of escapes quadratic.
    private static func append(unescaping escaped: Unicode.Scalar, to value: inout String.UnicodeScalarView) {
        switch escaped {
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "r": value.append("\r")
        case "b": value.append("\u{08}")
        case "0": value.append("\u{00}")
        case "Z": value.append("\u{1A}")
        case "%", "_":
            value.append("\\")
            value.append(escaped)
        default: value.append(escaped)
        }
    }

    private mutating func scanQuotedIdentifier() -> Failure? {
        let start = index
        let startLine = line
        var value = String.UnicodeScalarView()
        index += 1
        while let current = scalar(at: index) {
            if current == "`" {
                if scalar(at: index + 1) == "`" {
                    value.append("`")
                    index += 2
                    continue
                }
                index += 1
                emit(.quotedIdentifier(String(value)), from: start, line: startLine)
                return nil
            }
            if current == "\n" { line += 1 }
            value.append(current)
            index += 1
        }
        return Failure(offset: start, line: startLine)
    }

    /// Digits start a number unless letters follow them directly: MySQL identifiers may start
    /// with digits (`1st_table`), and Doris labels often do.
    private mutating func scanNumberOrWord() {
        let start = index
        skipDigits()
        var hasFraction = false
        if scalar(at: index) == ".", scalar(at: index + 1)?.isASCIIDigit == true {
            hasFraction = true
            index += 1
            skipDigits()
        }
        if let marker = scalar(at: index), marker == "e" || marker == "E" {
            let sign = scalar(at: index + 1)
            let signWidth = (sign == "+" || sign == "-") ? 1 : 0
            if scalar(at: index + 1 + signWidth)?.isASCIIDigit == true {
                index += 1 + signWidth
                skipDigits()
            }
        }
        if !hasFraction, let next = scalar(at: index), Lexer.isIdentifierScalar(next) {
            scanWord(from: start)
            return
        }
        emit(.number(String(String.UnicodeScalarView(source[start..<index]))), from: start)
    }

    private mutating func skipDigits() {
        while scalar(at: index)?.isASCIIDigit == true { index += 1 }
    }

    private mutating func scanWord(from start: Int) {
        index = start
        while let current = scalar(at: index), Lexer.isIdentifierScalar(current) { index += 1 }
        emit(.word(String(String.UnicodeScalarView(source[start..<index]))), from: start)
    }

    private mutating func scanSymbol(_ current: Unicode.Scalar) {
        let start = index
        let next = scalar(at: index + 1)
        switch (current, next) {
        case (";", _):
            index += 1
            emit(.terminator(.semicolon), from: start)
        case ("\\", "G"?):
            index += 2
            emit(.terminator(.vertical), from: start)
        case ("\\", "g"?):
            index += 2
            emit(.terminator(.semicolon), from: start)
        case ("!", "="?), ("<", ">"?), ("<", "="?), (">", "="?):
            index += 2
            emit(.symbol(String(String.UnicodeScalarView([current, next ?? current]))), from: start)
        default:
            index += 1
            emit(.symbol(String(current)), from: start)
        }
    }

    /// Letters, digits, `_`, `$`, and any non-ASCII letter, digit or mark (so CJK names work).
    static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar.isASCIIDigit || scalar.isASCIILetter || scalar == "_" || scalar == "$"
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark,
            .enclosingMark:
            return true
        default:
            return false
        }
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isASCIILetter: Bool { (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
}
