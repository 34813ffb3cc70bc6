/// What counts as a secret in a statement, and how to keep secrets out of what is shown.
///
/// A property is secret when its name says so (`AWS_SECRET_KEY`, `s3.secret_key`,
/// `s3.session_token`, `password`, ...); so is every password or password hash a statement
/// gives: `IDENTIFIED BY [PASSWORD] '...'`, `PASSWORD('...')` and `SET PASSWORD ... = '...'`
/// (the stored hash is enough to impersonate a user to a server that has it). Everything that
/// shows statements or errors (SHOW CREATE REPOSITORY, error messages, the dashboard, the shell
/// history) masks them as `******`.
public enum SecretProperties {
    public static let mask = "******"

    public static func isSecret(_ key: String) -> Bool {
        let k = key.lowercased()
        return k.contains("secret") || k.contains("password") || k.contains("token") || k.contains("account_key")
    }

    /// The secret values written in `sql`: the string after a secret property's name (with or
    /// without the `=`, so a malformed statement is covered too) and the passwords and hashes
    /// of `IDENTIFIED BY [PASSWORD]`, `PASSWORD(...)` and `SET PASSWORD [FOR user] =`.
    public static func values(in sql: String) -> [String] {
        literals(in: sql).compactMap(\.value)
    }

    /// A secret as the statement holds it: the value (nil when its quote is never closed) and
    /// how the source spells it between the quotes, escapes and all, which is what a syntax
    /// error quotes.
    private struct Literal {
        var value: String?
        var spelling: ArraySlice<Unicode.Scalar>
    }

    private static func literals(in sql: String) -> [Literal] {
        // Most statements name no secret: they need not be lexed a second time for one.
        guard mentionsSecret(sql) else { return [] }
        let source = Array(sql.unicodeScalars)
        let output = Lexer.scan(source)
        let tokens = output.tokens
        var found: [Literal] = []
        for i in tokens.indices {
            guard var j = secretStart(after: i, in: tokens) else { continue }
            if j < tokens.count, case .symbol("=") = tokens[j].kind { j += 1 }
            guard j < tokens.count else { continue }
            let literal = tokens[j]
            if case .string(let value) = literal.kind, !value.isEmpty {
                found.append(Literal(value: value, spelling: source[(literal.start + 1)..<(literal.end - 1)]))
            } else if literal.kind == .end, let failure = output.failure, failure.offset == literal.start,
                source[failure.offset] == "'" || source[failure.offset] == "\"" {
                // An unclosed quote runs to the end of the text, all of it shown as the secret's.
                var end = source.count
                while end > failure.offset + 1, Lexer.isSpace(source[end - 1]) { end -= 1 }
                if end > failure.offset + 1 { found.append(Literal(value: nil, spelling: source[(failure.offset + 1)..<end])) }
            }
        }
        return found
    }

    /// Where the secret that the token at `i` announces starts (an optional `=` may come
    /// first), or nil when it announces none.
    private static func secretStart(after i: Int, in tokens: [Token]) -> Int? {
        let token = tokens[i]
        let next = tokens[min(i + 1, tokens.count - 1)]
        if case .string(let key) = token.kind { return isSecret(key) ? i + 1 : nil }
        switch token.keyword {
        case "BY" where i > 0 && tokens[i - 1].keyword == "IDENTIFIED":
            // `IDENTIFIED BY PASSWORD '*hash'` gives the hash instead of the password.
            return next.keyword == "PASSWORD" ? i + 2 : i + 1
        case "IDENTIFIED" where !next.isKeyword("BY"):
            // A statement missing its BY still holds the password its author meant to give.
            return i + 1
        case "PASSWORD" where next.isSymbol("("):
            return i + 2
        case "PASSWORD" where i > 0 && tokens[i - 1].keyword == "SET":
            // `SET PASSWORD [FOR 'u'@'h'] = '*hash'`: the user's quoted name is no secret.
            return tokens[(i + 1)...].prefix { !$0.isTerminator && $0.kind != .end }
                .firstIndex { $0.isSymbol("=") }
        default:
            return nil
        }
    }

    /// Whether `sql` holds, in any case, a word that a secret property's name or `IDENTIFIED
    /// BY` contains: the only places a secret can follow (see `isSecret`).
    static func mentionsSecret(_ sql: String) -> Bool {
        let bytes = Array(sql.utf8)
        return ["secret", "password", "token", "account_key", "identified"].contains { word in
            let needle = Array(word.utf8)
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) {
                var matched = true
                for (offset, letter) in needle.enumerated() where bytes[start + offset] | 0x20 != letter {
                    matched = false
                    break
                }
                if matched { return true }
            }
            return false
        }
    }

    /// `text` (an error message, say) with every secret of `sql` masked where it stands as a
    /// whole: quoted, or between characters that cannot continue a word. A secret inside a
    /// longer word is left alone, and so is a syntax error's own wording around its quote of the
    /// statement: masking every `e` of a message, or the `an` of "an error", would tell what the
    /// secret is. That quote, cut at its 80th character, may end in the start of a secret: the
    /// start is masked too.
    public static func redact(_ text: String, secretsOf sql: String) -> String {
        let secrets = literals(in: sql).flatMap { literal in
            [literal.value.map { Array($0.unicodeScalars) }, Array(literal.spelling)].compactMap { $0 }
        }
        guard !secrets.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        let quotation = SyntaxError.quotation(in: scalars)
        let searched = quotation?.range ?? 0..<scalars.count
        // +1 where a masked stretch starts, -1 where it ends: marking a stretch costs the same
        // however long it is, so overlapping matches of a long secret stay linear.
        var marks = Array(repeating: 0, count: scalars.count + 1)
        func cover(_ range: Range<Int>) {
            marks[range.lowerBound] += 1
            marks[range.upperBound] -= 1
        }
        for secret in secrets {
            for start in starts(of: secret, in: scalars, within: searched)
            where standsAlone(secret, in: scalars, at: start) {
                cover(start..<(start + secret.count))
            }
        }
        if let quotation, quotation.isCut {
            let end = quotation.range.upperBound
            let cuts = secrets.compactMap { secret in
                (1..<min(secret.count, quotation.range.count + 1)).reversed().first { length in
                    scalars[(end - length)..<end].elementsEqual(secret[..<length])
                        && standsAlone(secret[..<length], in: scalars, at: end - length)
                }
            }
            if let length = cuts.max() { cover((end - length)..<end) }
        }
        // Each run of masked characters becomes one mask.
        var out = ""
        var depth = 0
        for (index, scalar) in scalars.enumerated() {
            let wasMasked = depth > 0
            depth += marks[index]
            if depth == 0 {
                out.unicodeScalars.append(scalar)
            } else if !wasMasked {
                out += Self.mask
            }
        }
        return out
    }

    /// Whether `secret`, found in `text` at `start`, is not part of a longer word: a word
    /// character at an edge of the secret must not touch a word character of the text.
    private static func standsAlone(
        _ secret: some BidirectionalCollection<Unicode.Scalar>, in text: [Unicode.Scalar], at start: Int
    ) -> Bool {
        let end = start + secret.count
        guard let first = secret.first, let last = secret.last else { return false }
        let joinsBefore = start > 0 && Lexer.isIdentifierScalar(text[start - 1]) && Lexer.isIdentifierScalar(first)
        let joinsAfter = end < text.count && Lexer.isIdentifierScalar(text[end]) && Lexer.isIdentifierScalar(last)
        return !joinsBefore && !joinsAfter
    }

    /// Where `pattern` starts in `text[range]`, overlapping matches included, by Knuth-Morris-
    /// Pratt: a plain search is quadratic when text and secret are long runs of one character.
    private static func starts(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar], within range: Range<Int>) -> [Int] {
        guard !pattern.isEmpty else { return [] }
        // border[i]: the length of the longest proper prefix of pattern[...i] that also ends it.
        var border = Array(repeating: 0, count: pattern.count)
        var length = 0
        for i in pattern.indices.dropFirst() {
            while length > 0, pattern[i] != pattern[length] { length = border[length - 1] }
            if pattern[i] == pattern[length] { length += 1 }
            border[i] = length
        }
        var found: [Int] = []
        length = 0
        for i in range {
            while length > 0, text[i] != pattern[length] { length = border[length - 1] }
            if text[i] == pattern[length] { length += 1 }
            if length == pattern.count {
                found.append(i - pattern.count + 1)
                length = border[length - 1]
            }
        }
        return found
    }
}
