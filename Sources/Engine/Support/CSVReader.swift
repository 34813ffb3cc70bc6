/// A byte-level CSV reader (RFC 4180 quoting, any one-byte or multi-byte separator, `\n` or
/// `\r\n` line ends). It hands out each record's fields as byte ranges of the input, so a
/// million-row load converts fields without allocating a String per field.
///
/// Chosen over the CSV packages on the machine's list because they build a String per field
/// and per row; see the closing note of the foundation issue for the measurement.
struct CSVReader {
    /// A field's location in the input; `quoted` fields had their doubled quotes kept in
    /// `unescaped` (only then is it non-nil).
    struct Field {
        var range: Range<Int>
        var quoted: Bool
        var unescaped: [UInt8]?
    }

    enum Problem: Error {
        case unterminatedQuote(line: Int)
        case textAfterQuote(line: Int)

        func message(file: String) -> String {
            switch self {
            case .unterminatedQuote(let line): "Unterminated quoted field starting at line \(line) of \(file)"
            case .textAfterQuote(let line): "Text after a closing quote at line \(line) of \(file)"
            }
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let separator: [UInt8]
    private var position = 0
    /// 1-based line number where the current record starts.
    private(set) var line = 0
    private var nextLine = 1

    init(bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8]) {
        self.bytes = bytes
        self.separator = separator.isEmpty ? [UInt8(ascii: ",")] : separator
    }

    /// Skips `count` lines (a header).
    mutating func skipLines(_ count: Int) {
        var skipped = 0
        while skipped < count, position < bytes.count {
            if bytes[position] == 10 {
                skipped += 1
                nextLine += 1
            }
            position += 1
        }
    }

    /// Reads the next record into `fields`; false at the end of input. Blank lines are skipped.
    mutating func next(into fields: inout [Field]) throws(Problem) -> Bool {
        fields.removeAll(keepingCapacity: true)
        while position < bytes.count, bytes[position] == 10 || (bytes[position] == 13 && position + 1 < bytes.count && bytes[position + 1] == 10) {
            if bytes[position] == 10 { nextLine += 1 }
            position += 1
        }
        guard position < bytes.count else { return false }
        line = nextLine
        let sep0 = separator[0]
        while true {
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                fields.append(try quotedField())
            } else {
                let start = position
                while position < bytes.count {
                    let b = bytes[position]
                    if b == 10 || (b == sep0 && matchesSeparator()) { break }
                    position += 1
                }
                var end = position
                if end > start, bytes[end - 1] == 13, position >= bytes.count || bytes[position] == 10 { end -= 1 }
                fields.append(Field(range: start..<end, quoted: false, unescaped: nil))
            }
            if position >= bytes.count { return true }
            let b = bytes[position]
            if b == 10 || (b == 13 && (position + 1 == bytes.count || bytes[position + 1] == 10)) {
                position += b == 13 && position + 1 < bytes.count ? 2 : 1
                nextLine += 1
                return true
            }
            guard b == sep0, matchesSeparator() else { throw .textAfterQuote(line: line) }
            position += separator.count
        }
    }

    private func matchesSeparator() -> Bool {
        guard separator.count > 1 else { return true }
        guard position + separator.count <= bytes.count else { return false }
        for i in 1..<separator.count where bytes[position + i] != separator[i] { return false }
        return true
    }

    private mutating func quotedField() throws(Problem) -> Field {
        let startLine = nextLine
        position += 1
        let start = position
        var unescaped: [UInt8]?
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                    if unescaped == nil { unescaped = Array(bytes[start..<position]) }
                    unescaped!.append(b)
                    position += 2
                    continue
                }
                let end = position
                position += 1
                return Field(range: start..<end, quoted: true, unescaped: unescaped)
            }
            if b == 10 { nextLine += 1 }
            unescaped?.append(b)
            position += 1
        }
        throw .unterminatedQuote(line: startLine)
    }
}
