/// The ERR packet: `FF`, a 2-byte error code, `#`, a 5-character SQLSTATE and the message.
///
/// The message is never empty on the wire: the mysql CLI shows an ERR with no text as
/// "Query OK", so an empty message is sent as "Unknown error". Also usable as a thrown error.
public struct ErrPacket: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: UInt16
    public var sqlState: String
    public var message: String

    public init(code: UInt16, sqlState: String, message: String) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    /// The first byte of every ERR payload.
    public static let header: UInt8 = 0xFF

    public var description: String { "ERROR \(code) (\(sqlState)): \(message)" }

    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: 9 + message.utf8.count)
        writer.writeInt1(Self.header)
        writer.writeInt2(code)
        writer.writeInt1(UInt8(ascii: "#"))
        let state = Array(sqlState.utf8)
        // A SQLSTATE of another length would shift the message into the state field.
        writer.writeBytes(state.count == 5 ? state : Array("HY000".utf8))
        writer.writeRestString(message.isEmpty ? "Unknown error" : message)
        return writer.bytes
    }

    /// Decodes an ERR payload. One without the `#` marker (sent by servers before capabilities
    /// are agreed) gets SQLSTATE `HY000`.
    public static func decode(_ payload: [UInt8]) throws(WireError) -> ErrPacket {
        var reader = ByteReader(payload)
        let header = try reader.readInt1("ERR header")
        guard header == Self.header else { throw .malformed("ERR packet starts with \(header)") }
        let code = try reader.readInt2("ERR code")
        var state = "HY000"
        if reader.peekByte() == UInt8(ascii: "#") {
            try reader.skip(count: 1)
            state = String(decoding: try reader.readBytes(count: 5, "SQLSTATE"), as: UTF8.self)
        }
        return ErrPacket(code: code, sqlState: state, message: reader.readRestString())
    }
}

extension ErrPacket {
    /// 1045/28000, after a wrong password or an unknown user.
    public static func accessDenied(user: String, host: String, usingPassword: Bool) -> ErrPacket {
        ErrPacket(
            code: 1045, sqlState: "28000",
            message: "Access denied for user '\(user)'@'\(host)' (using password: \(usingPassword ? "YES" : "NO"))"
        )
    }

    /// 1049/42000, for `COM_INIT_DB` or a handshake naming a database that does not exist.
    public static func unknownDatabase(_ name: String) -> ErrPacket {
        ErrPacket(code: 1049, sqlState: "42000", message: "Unknown database '\(name)'")
    }

    /// 1047/08S01, for a command the server does not implement.
    public static let unsupportedCommand = ErrPacket(code: 1047, sqlState: "08S01", message: "Unsupported command")
}
