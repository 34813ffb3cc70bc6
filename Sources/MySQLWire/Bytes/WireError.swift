/// Why a packet could not be read or accepted.
///
/// Every decoder in this module throws only this type, so a caller can turn any failure into the
/// reply the server owes the peer through ``errPacket``. After ``packetTooLarge(limit:)`` and
/// ``packetsOutOfOrder(expected:received:)`` the byte stream is no longer in step: send the ERR
/// and close the connection.
public enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The payload ended before a field was complete; `field` names what was being read.
    case truncated(field: String)
    /// A field held a value the protocol does not allow.
    case malformed(String)
    /// A logical payload would exceed the negotiated maximum (MySQL's `max_allowed_packet`).
    case packetTooLarge(limit: Int)
    /// A continuation chunk of a split payload carried the wrong sequence id.
    case packetsOutOfOrder(expected: UInt8, received: UInt8)
    /// The client's handshake response lacks `CLIENT_PROTOCOL_41`, which SnapDeck requires.
    case clientProtocolUnsupported

    /// The ERR packet a server sends for this failure, with the code, SQLSTATE and text MySQL
    /// uses for it.
    public var errPacket: ErrPacket {
        switch self {
        case .packetTooLarge:
            return ErrPacket(code: 1153, sqlState: "08S01", message: "Got a packet bigger than 'max_allowed_packet' bytes")
        case .packetsOutOfOrder:
            return ErrPacket(code: 1156, sqlState: "08S01", message: "Got packets out of order")
        case .clientProtocolUnsupported:
            return ErrPacket(
                code: 1251, sqlState: "08004",
                message: "Client does not support authentication protocol requested by server; consider upgrading MySQL client"
            )
        case .truncated, .malformed:
            return ErrPacket(code: 1835, sqlState: "HY000", message: "Malformed communication packet.")
        }
    }

    public var description: String {
        switch self {
        case .truncated(let field): return "packet ended inside \(field)"
        case .malformed(let why): return "malformed packet: \(why)"
        case .packetTooLarge(let limit): return "packet larger than the \(limit)-byte limit"
        case .packetsOutOfOrder(let expected, let received):
            return "packet sequence id \(received) where \(expected) was expected"
        case .clientProtocolUnsupported: return "client does not speak protocol 4.1"
        }
    }
}
