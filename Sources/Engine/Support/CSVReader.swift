/// A byte-level CSV reader (RFC 4180 quoting, any one-byte or multi-byte separator, `\n` or
/// `\r\n` line ends). It hands out each record's fields as byte ranges of the input, so a
/// million-row load converts fields without allocating a String per field.
///
/// The input comes in windows, so a file of any size is read in bounded memory: `next`
/// answers `.needMore` when the window ends inside a record (or inside a `\r\n`, a doubled
/// quote or a multi-byte separator) and more input may follow. The caller then hands the
/// unread tail (`consumed...`) back at the start of the next window, through `resume`, and the
/// record is parsed again whole; field ranges always index the current window. A window
/// marked final is the end of the input, read exactly as a whole file would be.
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

    /// Why the input is not CSV the reader accepts.
    enum Problem: Error, Equatable {
        case unterminatedQuote(line: Int)
        case textAfterQuote(line: Int)
        /// A record longer than the reader's caller allows (see `CSVFileReader`).
        case recordTooLong(line: Int, limit: Int)

        func message(file: String) -> String {
            switch self {
            case .unterminatedQuote(let line): "Unterminated quoted field starting at line \(line) of \(file)"
            case .textAfterQuote(let line): "Text after a closing quote at line \(line) of \(file)"
            case .recordTooLong(let line, let limit):
                "Record starting at line \(line) of \(file) is longer than "
                    + (limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes") + " (an unterminated quote?)"
            }
        }
    }

    /// What `next` found.
    enum Step: Equatable {
        /// A record, in the fields.
        case record
        /// The window ends inside a record: resume with the bytes from `consumed` on, and more.
        case needMore
        /// The final window is read.
        case end
    }

    /// Raised inside a record; `next` turns it into its answer.
    private enum Stop: Error {
        case needMore
        case problem(Problem)
    }

    private var bytes: UnsafeBufferPointer<UInt8>
    private var isFinal: Bool
    private let separator: [UInt8]
    private var position = 0
    private var linesToSkip: Int
    /// 1-based line number where the current record starts.
    private(set) var line = 0
    private var nextLine = 1
    /// Bytes of the window read for good; what follows must come back through `resume`.
    private(set) var consumed = 0
    /// The line at `consumed`, where the unfinished record starts.
    private(set) var consumedLine = 1

    /// A reader of one whole input.
    init(bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8], skippingLines skip: Int = 0) {
        self.bytes = bytes
        isFinal = true
        self.separator = separator.isEmpty ? [UInt8(ascii: ",")] : separator
        linesToSkip = skip
    }

    /// A reader whose input comes window by window through `resume`.
    init(separator: [UInt8], skippingLines skip: Int = 0) {
        self.init(bytes: UnsafeBufferPointer(start: nil, count: 0), separator: separator, skippingLines: skip)
        isFinal = false
    }

    /// Continues in `bytes`, which starts with the unread tail of the previous window.
    mutating func resume(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) {
        self.bytes = bytes
        self.isFinal = isFinal
        position = 0
        consumed = 0
    }

    /// Reads the next record into `fields`. Blank lines are skipped, and the first lines when
    /// the reader was made to skip some (a header).
    mutating func next(into fields: inout [Field]) throws(Problem) -> Step {
        fields.removeAll(keepingCapacity: true)
        do throws(Stop) {
            try skipLines()
            try skipBlankLines()
            commit()
            guard position < bytes.count else { return .end }
            line = nextLine
            try record(into: &fields)
            commit()
            return .record
        } catch {
            switch error {
            case .needMore:
                position = consumed
                nextLine = consumedLine
                fields.removeAll(keepingCapacity: true)
                return .needMore
            case .problem(let problem):
                throw problem
            }
        }
    }

    /// Marks everything read so far as done: skipped lines and blank lines are never read
    /// again, so a run of them longer than a window does not grow the caller's buffer.
    private mutating func commit() {
        consumed = position
        consumedLine = nextLine
    }

    /// Ends the window: fine in the final one, otherwise a request for more input.
    private mutating func windowEnds() throws(Stop) {
        if !isFinal {
            commit()
            throw .needMore
        }
    }

    private mutating func skipLines() throws(Stop) {
        while linesToSkip > 0 {
            guard position < bytes.count else {
                try windowEnds()
                return
            }
            if bytes[position] == 10 {
                linesToSkip -= 1
                nextLine += 1
            }
            position += 1
        }
    }

    private mutating func skipBlankLines() throws(Stop) {
        while true {
            guard position < bytes.count else { return try windowEnds() }
            let b = bytes[position]
            if b == 10 {
                nextLine += 1
            } else if b == 13 {
                guard position + 1 < bytes.count else {
                    // A `\r` last in the window may start a `\r\n`; a final one starts a record.
                    if isFinal { return }
                    commit()
                    throw .needMore
                }
                guard bytes[position + 1] == 10 else { return }
            } else {
                return
            }
            position += 1
        }
    }

    /// Reads one record; the window must hold it up to its line end (or be final).
    private mutating func record(into fields: inout [Field]) throws(Stop) {
        let sep0 = separator[0]
        while true {
            if position >= bytes.count, !isFinal { throw .needMore }
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                fields.append(try quotedField())
            } else {
                let start = position
                while position < bytes.count {
                    let b = bytes[position]
                    if b == 10 { break }
                    if b == sep0, try matchesSeparator() { break }
                    position += 1
                }
                if position >= bytes.count, !isFinal { throw .needMore }
                var end = position
                if end > start, bytes[end - 1] == 13, position >= bytes.count || bytes[position] == 10 { end -= 1 }
                fields.append(Field(range: start..<end, quoted: false, unescaped: nil))
            }
            guard position < bytes.count else {
                if isFinal { return }
                throw .needMore
            }
            let b = bytes[position]
            if b == 10 {
                position += 1
                nextLine += 1
                return
            }
            if b == 13 {
                if position + 1 == bytes.count {
                    guard isFinal else { throw .needMore }
                    position += 1
                    nextLine += 1
                    return
                }
                if bytes[position + 1] == 10 {
                    position += 2
                    nextLine += 1
                    return
                }
            }
            guard b == sep0, try matchesSeparator() else { throw .problem(.textAfterQuote(line: line)) }
            position += separator.count
        }
    }

    private func matchesSeparator() throws(Stop) -> Bool {
        guard separator.count > 1 else { return true }
        guard position + separator.count <= bytes.count else {
            if isFinal { return false }
            throw .needMore
        }
        for i in 1..<separator.count where bytes[position + i] != separator[i] { return false }
        return true
    }

    private mutating func quotedField() throws(Stop) -> Field {
        let startLine = nextLine
        position += 1
        let start = position
        var unescaped: [UInt8]?
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                if position + 1 == bytes.count, !isFinal { throw .needMore }
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
        guard isFinal else { throw .needMore }
        throw .problem(.unterminatedQuote(line: startLine))
    }
}
