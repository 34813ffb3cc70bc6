/// Reads MySQL wire fields from a payload, front to back.
///
/// Every read checks the remaining length first and throws ``WireError`` instead of trapping, so
/// bytes from the network can be fed in as they come. Text fields decode as UTF-8; invalid
/// sequences become U+FFFD rather than failing, because column values and names are shown, not
/// re-encoded. Use the byte variants where the exact bytes matter.
public struct ByteReader: Sendable {
    private let bytes: [UInt8]
    /// Offset of the next unread byte.
    public private(set) var offset: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
    }

    public init(_ bytes: ArraySlice<UInt8>) {
        self.init(Array(bytes))
    }

    /// How many bytes are left to read.
    public var remainingCount: Int { bytes.count - offset }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The next byte without consuming it, or nil at the end.
    public func peekByte() -> UInt8? {
        isAtEnd ? nil : bytes[offset]
    }

    // MARK: Fixed-width integers (little-endian)

    public mutating func readInt1(_ field: String = "int<1>") throws(WireError) -> UInt8 {
        try need(1, field)
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func readInt2(_ field: String = "int<2>") throws(WireError) -> UInt16 {
        UInt16(truncatingIfNeeded: try readLittleEndian(2, field))
    }

    public mutating func readInt3(_ field: String = "int<3>") throws(WireError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readLittleEndian(3, field))
    }

    public mutating func readInt4(_ field: String = "int<4>") throws(WireError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readLittleEndian(4, field))
    }

    public mutating func readInt6(_ field: String = "int<6>") throws(WireError) -> UInt64 {
        try readLittleEndian(6, field)
    }

    public mutating func readInt8(_ field: String = "int<8>") throws(WireError) -> UInt64 {
        try readLittleEndian(8, field)
    }

    // MARK: Length-encoded integers

    /// A length-encoded integer. `FB` (NULL in a row) and `FF` (an ERR header) are not integers
    /// and throw `malformed`; read rows with ``readLengthEncodedBytesOrNull(_:)``.
    public mutating func readLengthEncodedInt(_ field: String = "int<lenenc>") throws(WireError) -> UInt64 {
        let first = try readInt1(field)
        switch first {
        case 0..<0xFB: return UInt64(first)
        case 0xFC: return try readLittleEndian(2, field)
        case 0xFD: return try readLittleEndian(3, field)
        case 0xFE: return try readLittleEndian(8, field)
        default:
            throw .malformed("\(field) starts with 0x\(String(first, radix: 16, uppercase: true))")
        }
    }

    // MARK: Strings and byte runs

    /// Exactly `count` bytes.
    public mutating func readBytes(count: Int, _ field: String = "bytes") throws(WireError) -> [UInt8] {
        guard count >= 0 else { throw .malformed("negative length for \(field)") }
        try need(count, field)
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Skips `count` bytes (fillers and reserved areas).
    public mutating func skip(count: Int, _ field: String = "filler") throws(WireError) {
        try need(count, field)
        offset += count
    }

    /// A length-encoded byte string.
    public mutating func readLengthEncodedBytes(_ field: String = "string<lenenc>") throws(WireError) -> [UInt8] {
        let length = try readLengthEncodedInt(field)
        guard length <= UInt64(remainingCount) else { throw .truncated(field: field) }
        return try readBytes(count: Int(length), field)
    }

    /// A length-encoded string, decoded as UTF-8.
    public mutating func readLengthEncodedString(_ field: String = "string<lenenc>") throws(WireError) -> String {
        String(decoding: try readLengthEncodedBytes(field), as: UTF8.self)
    }

    /// A row value: `FB` is SQL NULL, anything else a length-encoded byte string.
    public mutating func readLengthEncodedBytesOrNull(_ field: String = "value") throws(WireError) -> [UInt8]? {
        if peekByte() == 0xFB {
            offset += 1
            return nil
        }
        return try readLengthEncodedBytes(field)
    }

    /// Bytes up to the next NUL; the NUL is consumed and not returned.
    ///
    /// With `allowingEnd`, a field that runs to the end of the payload without a NUL is accepted,
    /// as MySQL's server does for the last string of a handshake response.
    public mutating func readNullTerminatedBytes(_ field: String = "string<NUL>", allowingEnd: Bool = false) throws(WireError) -> [UInt8] {
        guard let end = bytes[offset...].firstIndex(of: 0) else {
            if allowingEnd { return readRestBytes() }
            throw .truncated(field: field)
        }
        defer { offset = end + 1 }
        return Array(bytes[offset..<end])
    }

    /// A NUL-terminated string, decoded as UTF-8.
    public mutating func readNullTerminatedString(_ field: String = "string<NUL>", allowingEnd: Bool = false) throws(WireError) -> String {
        String(decoding: try readNullTerminatedBytes(field, allowingEnd: allowingEnd), as: UTF8.self)
    }

    /// Everything left in the payload.
    public mutating func readRestBytes() -> [UInt8] {
        defer { offset = bytes.count }
        return Array(bytes[offset...])
    }

    /// Everything left in the payload, decoded as UTF-8.
    public mutating func readRestString() -> String {
        String(decoding: readRestBytes(), as: UTF8.self)
    }

    /// Throws unless the payload has been read to its end; catches packets with trailing bytes
    /// that would otherwise hide a framing mistake.
    public func expectEnd(_ what: String) throws(WireError) {
        guard isAtEnd else { throw .malformed("\(remainingCount) unexpected bytes after \(what)") }
    }

    // MARK: Private

    private func need(_ count: Int, _ field: String) throws(WireError) {
        guard count <= remainingCount else { throw .truncated(field: field) }
    }

    private mutating func readLittleEndian(_ width: Int, _ field: String) throws(WireError) -> UInt64 {
        try need(width, field)
        var value: UInt64 = 0
        for index in 0..<width {
            value |= UInt64(bytes[offset + index]) << (8 * index)
        }
        offset += width
        return value
    }
}
