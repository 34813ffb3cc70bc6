/// The classic EOF packet: `FE`, warnings, status flags (5 bytes).
///
/// It ends the column definitions and the rows of a result set unless `CLIENT_DEPRECATE_EOF` is
/// negotiated, and answers `COM_SET_OPTION`. A payload starting with `FE` is an EOF only when
/// shorter than 9 bytes: a row whose first value has an 8-byte length prefix also starts with
/// `FE` but is at least 9 bytes long.
public struct EOFPacket: Equatable, Sendable {
    public var warnings: UInt16
    public var status: ServerStatus

    public init(warnings: UInt16 = 0, status: ServerStatus = []) {
        self.warnings = warnings
        self.status = status
    }

    public static let header: UInt8 = 0xFE

    /// Whether `payload` is a classic EOF rather than a row or an OK-FE.
    public static func isEOF(_ payload: [UInt8]) -> Bool {
        payload.first == header && payload.count < 9
    }

    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: 5)
        writer.writeInt1(Self.header)
        writer.writeInt2(warnings)
        writer.writeInt2(status.rawValue)
        return writer.bytes
    }

    public static func decode(_ payload: [UInt8]) throws(WireError) -> EOFPacket {
        guard payload.count < 9 else { throw .malformed("EOF packet of \(payload.count) bytes") }
        var reader = ByteReader(payload)
        let header = try reader.readInt1("EOF header")
        guard header == Self.header else { throw .malformed("EOF packet starts with \(header)") }
        let warnings = try reader.readInt2("EOF warnings")
        let status = ServerStatus(rawValue: try reader.readInt2("EOF status"))
        try reader.expectEnd("EOF packet")
        return EOFPacket(warnings: warnings, status: status)
    }
}
