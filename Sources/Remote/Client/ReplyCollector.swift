import MySQLWire

/// Builds `RemoteResult`s from a COM_QUERY reply, one payload at a time.
///
/// A reply may hold several results (multi-statements, stored procedures): each is kept until
/// the next begins, so `last` is the final one once the reply is complete.
struct ReplyCollector {
    enum Outcome {
        /// More payloads belong to this reply.
        case needMore
        /// The reply is over.
        case finished
        /// The server asked for a local file (`LOAD DATA LOCAL`): answer with an empty packet
        /// (SnapDeck never sends files), then read the rest with a fresh reader.
        case declineLocalFile
        /// The server answered with ERR; the reply ends here.
        case failed(ErrPacket)
    }

    private var reader: ResultSetReader
    private var current = RemoteResult()
    private(set) var last: RemoteResult?

    init(capabilities: CapabilityFlags) {
        reader = ResultSetReader(capabilities: capabilities)
    }

    mutating func consume(_ payload: [UInt8]) throws(WireError) -> Outcome {
        guard let event = try reader.consume(payload) else { return .needMore }
        switch event {
        case .ok(let ok):
            last = RemoteResult(affectedRows: ok.affectedRows, info: ok.info, warnings: ok.warnings)
        case .error(let err):
            return .failed(err)
        case .columns(let definitions):
            current = RemoteResult(columns: definitions.map(\.name), hasRows: true)
        case .row(let values):
            current.rows.append(values)
        case .end(_, let warnings):
            current.warnings = warnings
            last = current
            current = RemoteResult()
        case .localInfileRequest:
            reader = ResultSetReader(capabilities: reader.capabilities)
            return .declineLocalFile
        }
        return reader.isComplete ? .finished : .needMore
    }
}
