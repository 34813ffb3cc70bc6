/// The OK packet ending a command that returned no rows, and, under `CLIENT_DEPRECATE_EOF`,
/// the result-set terminator (same fields behind an `FE` header).
///
/// The info text is written length-encoded. The protocol documents it as running to the end of
/// the packet, but MySQL and MariaDB put its length in front (captured:
/// `28 "Rows matched: 1  Changed: 0  Warnings: 0"`), and Connector/J reads it that way.
public struct OKPacket: Equatable, Sendable {
    public var affectedRows: UInt64
    public var lastInsertID: UInt64
    public var status: ServerStatus
    public var warnings: UInt16
    public var info: String
    /// Raw session-state-change records; present only under `CLIENT_SESSION_TRACK` with
    /// ``ServerStatus/sessionStateChanged``. SnapDeck never offers session tracking.
    public var sessionStateChanges: [UInt8]

    public init(
        affectedRows: UInt64 = 0, lastInsertID: UInt64 = 0, status: ServerStatus = [],
        warnings: UInt16 = 0, info: String = "", sessionStateChanges: [UInt8] = []
    ) {
        self.affectedRows = affectedRows
        self.lastInsertID = lastInsertID
        self.status = status
        self.warnings = warnings
        self.info = info
        self.sessionStateChanges = sessionStateChanges
    }

    /// The header of an ordinary OK.
    public static let header: UInt8 = 0x00
    /// The header of the OK that ends a result set under `CLIENT_DEPRECATE_EOF`.
    public static let resultSetEndHeader: UInt8 = 0xFE

    /// An ordinary OK (`00`). The info is left out when empty, as MySQL and MariaDB do;
    /// session state is written only when `capabilities` has `sessionTrack`.
    public func encode(capabilities: CapabilityFlags = []) -> [UInt8] {
        var writer = writeFixedFields(header: Self.header)
        let tracksState = capabilities.contains(.sessionTrack) && status.contains(.sessionStateChanged)
        if !info.isEmpty || tracksState {
            writer.writeLengthEncodedString(info)
        }
        if tracksState {
            writer.writeLengthEncodedBytes(sessionStateChanges)
        }
        return writer.bytes
    }

    /// The result-set terminator under `CLIENT_DEPRECATE_EOF` (`FE`). The info is always written,
    /// even empty, like Doris: Connector/J reads it unconditionally, and it keeps the packet
    /// longer than a classic 5-byte EOF.
    public func encodeAsResultSetEnd() -> [UInt8] {
        var writer = writeFixedFields(header: Self.resultSetEndHeader)
        writer.writeLengthEncodedString(info)
        return writer.bytes
    }

    /// Decodes an OK with either header. `capabilities` are the negotiated ones; they decide
    /// whether session state may follow the info.
    public static func decode(_ payload: [UInt8], capabilities: CapabilityFlags = []) throws(WireError) -> OKPacket {
        var reader = ByteReader(payload)
        let header = try reader.readInt1("OK header")
        guard header == Self.header || header == Self.resultSetEndHeader else {
            throw .malformed("OK packet starts with \(header)")
        }
        var ok = OKPacket(
            affectedRows: try reader.readLengthEncodedInt("affected rows"),
            lastInsertID: try reader.readLengthEncodedInt("last insert id"),
            status: ServerStatus(rawValue: try reader.readInt2("status flags")),
            warnings: try reader.readInt2("warnings")
        )
        if reader.isAtEnd { return ok }
        if capabilities.contains(.sessionTrack) {
            ok.info = try reader.readLengthEncodedString("OK info")
            if ok.status.contains(.sessionStateChanged), !reader.isAtEnd {
                ok.sessionStateChanges = try reader.readLengthEncodedBytes("session state")
            }
            return ok
        }
        ok.info = Self.readInfo(&reader)
        return ok
    }

    /// Without session tracking the info is the rest of the packet, length-prefixed by every
    /// server seen; a rest whose prefix does not match its length is taken as bare text, the
    /// documented form.
    private static func readInfo(_ reader: inout ByteReader) -> String {
        var attempt = reader
        if let text = try? attempt.readLengthEncodedBytes("OK info"), attempt.isAtEnd {
            return String(decoding: text, as: UTF8.self)
        }
        return reader.readRestString()
    }

    private func writeFixedFields(header: UInt8) -> ByteWriter {
        var writer = ByteWriter(capacity: 16 + info.utf8.count)
        writer.writeInt1(header)
        writer.writeLengthEncodedInt(affectedRows)
        writer.writeLengthEncodedInt(lastInsertID)
        writer.writeInt2(status.rawValue)
        writer.writeInt2(warnings)
        return writer
    }
}
