/// What counts as a secret in a statement, and how to keep secrets out of what is shown.
///
/// A property is secret when its name says so (`AWS_SECRET_KEY`, `s3.secret_key`,
/// `s3.session_token`, `password`, ...); so is the password of `IDENTIFIED BY`. Everything that
/// shows statements or errors (SHOW CREATE REPOSITORY, error messages, the dashboard, the shell
/// history) masks them as `******`.
public enum SecretProperties {
    public static let mask = "******"

    public static func isSecret(_ key: String) -> Bool {
        let k = key.lowercased()
        return k.contains("secret") || k.contains("password") || k.contains("token") || k.contains("account_key")
    }

    /// The secret values written in `sql`: the string after a secret property's name (with or
    /// without the `=`, so a malformed statement is covered too) and `IDENTIFIED BY` passwords.
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
        let source = Array(sql.unicodeScalars)
        let output = Lexer.scan(source)
        let tokens = output.tokens
        var found: [Literal] = []
        for (i, token) in tokens.enumerated() {
            let secretFollows: Bool
            switch token.kind {
            case .string(let key): secretFollows = isSecret(key)
            case .word: secretFollows = token.keyword == "BY" && i > 0 && tokens[i - 1].keyword == "IDENTIFIED"
            default: secretFollows = false
            }
            guard secretFollows else { continue }
            var j = i + 1
            if j < tokens.count, case .symbol("=") = tokens[j].kind { j += 1 }
            guard j < tokens.count else { continue }
            let literal = tokens[j]
            if case .string(let value) = literal.kind, !value.isEmpty {
                found.append(Literal(value: value, spelling: source[(literal.start + 1)..<(literal.end - 1)]))
            } else if literal.kind == .end, let failure = output.failure, failure.offset == literal.start,
                source[failure.offset] == "'" || source[failure.offset] == "\"" {
                // An unclosed quote runs to the end of the text, all of it shown as the secret's.
                var end = source.count
                while end > failure.offset + 1, source[end - 1].properties.isWhitespace { end -= 1 }
                if end > failure.offset + 1 { found.append(Literal(value: nil, spelling: source[(failure.offset + 1)..<end])) }
            }
        }
        return found
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
        var covered = Array(repeating: false, count: scalars.count)
        for secret in secrets where secret.count <= searched.count {
            for start in searched.lowerBound...(searched.upperBound - secret.count)
            where isWhole(secret, in: scalars, at: start) {
                covered.replaceSubrange(start..<(start + secret.count), with: repeatElement(true, count: secret.count))
            }
        }
        if let quotation, quotation.isCut {
            let end = quotation.range.upperBound
            let cuts = secrets.compactMap { secret in
                (1..<secret.count).reversed().first { length in
                    length <= quotation.range.count && isWhole(secret[..<length], in: scalars, at: end - length)
                }
            }
            if let length = cuts.max() {
                covered.replaceSubrange((end - length)..<end, with: repeatElement(true, count: length))
            }
        }
        // Each run of masked characters becomes one mask.
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            if !covered[index] {
                out.unicodeScalars.append(scalar)
            } else if index == 0 || !covered[index - 1] {
                out += mask
            }
        }
        return out
    }

    /// Whether `text` holds `secret` at `start` and not as part of a longer word: a word
    /// character at an edge of the secret must not touch a word character of the text.
    private static func isWhole(_ secret: some BidirectionalCollection<Unicode.Scalar>, in text: [Unicode.Scalar], at start: Int) -> Bool {
        let end = start + secret.count
        guard let first = secret.first, let last = secret.last,
            text[start..<end].elementsEqual(secret)
        else { return false }
        let joinsBefore = start > 0 && Lexer.isIdentifierScalar(text[start - 1]) && Lexer.isIdentifierScalar(first)
        let joinsAfter = end < text.count && Lexer.isIdentifierScalar(text[end]) && Lexer.isIdentifierScalar(last)
        return !joinsBefore && !joinsAfter
    }
}
