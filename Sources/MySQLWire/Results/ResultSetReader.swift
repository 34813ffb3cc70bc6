/// Reads a server's reply to a query, one payload at a time, on the client side.
///
/// Feed each reassembled payload to ``consume(_:)``; it returns an ``Event`` when the payload
/// completes something (an OK, an ERR, the column list, a row, a result's end) and nil for
/// payloads that only advance the state (the column count, single definitions, the EOF after
/// them). A reply to a multi-statement query holds several results: after an OK or an end whose
/// status has ``ServerStatus/moreResultsExist`` the reader waits for the next one. ``isComplete``
/// turns true once the reply is over, after the last result or an ERR.
///
/// Telling a terminator from a row that starts with `FE`: a row's first value starts with `FE`
/// only when its length needs eight bytes, so with classic EOFs a terminator is an `FE` payload
/// shorter than 9 bytes. Under `CLIENT_DEPRECATE_EOF` that value is at least 2^24 bytes long,
/// so any `FE` payload shorter than 0xFFFFFF bytes is the closing OK.
public struct ResultSetReader: Sendable {
    /// What a consumed payload completed.
    public enum Event: Equatable, Sendable {
        /// A statement without a result set.
        case ok(OKPacket)
        /// The statement failed; the reply ends here.
        case error(ErrPacket)
        /// Every column definition of the result that follows.
        case columns([ColumnDefinition41])
        /// One row, one value per column, nil for NULL.
        case row([String?])
        /// The result set's terminator (EOF or OK-FE), with its status.
        case end(status: ServerStatus, warnings: UInt16)
        /// `LOCAL INFILE` request for the named file. This reader is then complete: the client
        /// answers with the file's content or an empty packet, and reads the OK or ERR that
        /// follows with a new reader.
        case localInfileRequest(String)
    }

    private enum State: Sendable {
        case awaitingResult
        case readingColumns(remaining: Int)
        case awaitingColumnsEOF
        case readingRows
        case complete
    }

    /// The negotiated capabilities; `deprecateEOF` decides how results end.
    public let capabilities: CapabilityFlags
    /// The columns of the result being read, once all have arrived.
    public private(set) var columns: [ColumnDefinition41] = []
    private var state: State = .awaitingResult

    public init(capabilities: CapabilityFlags) {
        self.capabilities = capabilities
    }

    /// Whether the reply has ended: no more payloads belong to it.
    public var isComplete: Bool {
        if case .complete = state { return true }
        return false
    }

    /// Whether `payload` ends a result set (or answers `COM_SET_OPTION`) under `capabilities`.
    public static func isEndOfRows(_ payload: [UInt8], capabilities: CapabilityFlags) -> Bool {
        guard payload.first == EOFPacket.header else { return false }
        return capabilities.contains(.deprecateEOF)
            ? payload.count < PacketFramer.maxPacketPayload
            : payload.count < 9
    }

    public mutating func consume(_ payload: [UInt8]) throws(WireError) -> Event? {
        switch state {
        case .complete:
            throw .malformed("packet after the end of the reply")
        case .awaitingResult:
            return try consumeFirst(payload)
        case .readingColumns(let remaining):
            if payload.first == ErrPacket.header { return try fail(payload) }
            columns.append(try ColumnDefinition41.decode(payload))
            if remaining > 1 {
                state = .readingColumns(remaining: remaining - 1)
                return nil
            }
            if capabilities.contains(.deprecateEOF) {
                state = .readingRows
                return .columns(columns)
            }
            state = .awaitingColumnsEOF
            return nil
        case .awaitingColumnsEOF:
            if payload.first == ErrPacket.header { return try fail(payload) }
            _ = try EOFPacket.decode(payload)
            state = .readingRows
            return .columns(columns)
        case .readingRows:
            if payload.first == ErrPacket.header { return try fail(payload) }
            if Self.isEndOfRows(payload, capabilities: capabilities) {
                let (status, warnings) = try decodeTerminator(payload)
                state = status.contains(.moreResultsExist) ? .awaitingResult : .complete
                return .end(status: status, warnings: warnings)
            }
            return .row(try TextRow.decode(payload, columnCount: columns.count))
        }
    }

    private mutating func consumeFirst(_ payload: [UInt8]) throws(WireError) -> Event? {
        columns = []
        switch payload.first {
        case OKPacket.header:
            let ok = try OKPacket.decode(payload, capabilities: capabilities)
            state = ok.status.contains(.moreResultsExist) ? .awaitingResult : .complete
            return .ok(ok)
        case ErrPacket.header:
            return try fail(payload)
        case EOFPacket.header:
            // A column count never needs an 8-byte length, so FE here is a bare terminator
            // (the reply to COM_SET_OPTION).
            let (status, warnings) = try decodeTerminator(payload)
            state = status.contains(.moreResultsExist) ? .awaitingResult : .complete
            return .end(status: status, warnings: warnings)
        case TextRow.nullMarker:
            var reader = ByteReader(payload)
            try reader.skip(count: 1)
            state = .complete
            return .localInfileRequest(reader.readRestString())
        default:
            var reader = ByteReader(payload)
            let count = try reader.readLengthEncodedInt("column count")
            try reader.expectEnd("column count")
            state = .readingColumns(remaining: Int(clamping: count))
            return nil
        }
    }

    private mutating func fail(_ payload: [UInt8]) throws(WireError) -> Event {
        state = .complete
        return .error(try ErrPacket.decode(payload))
    }

    /// Status and warnings of an EOF or OK-FE. A 5-byte payload is a classic EOF even when
    /// DEPRECATE_EOF was agreed: an OK-FE is at least 7 bytes.
    private func decodeTerminator(_ payload: [UInt8]) throws(WireError) -> (ServerStatus, UInt16) {
        if capabilities.contains(.deprecateEOF), payload.count != 5 {
            let ok = try OKPacket.decode(payload, capabilities: capabilities)
            return (ok.status, ok.warnings)
        }
        let eof = try EOFPacket.decode(payload)
        return (eof.status, eof.warnings)
    }
}
