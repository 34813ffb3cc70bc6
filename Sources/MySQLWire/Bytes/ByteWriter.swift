/// Builds a MySQL payload field by field.
///
/// Integers are written little-endian and masked to their width. Strings are written as UTF-8.
public struct ByteWriter: Sendable {
    /// The payload written so far.
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func writeInt1(_ value: UInt8) {
        bytes.append(value)
    }

    public mutating func writeInt2(_ value: UInt16) {
        writeLittleEndian(UInt64(value), width: 2)
    }

    /// The low 24 bits of `value`.
    public mutating func writeInt3(_ value: UInt32) {
        writeLittleEndian(UInt64(value), width: 3)
    }

    public mutating func writeInt4(_ value: UInt32) {
        writeLittleEndian(UInt64(value), width: 4)
    }

    /// The low 48 bits of `value`.
    public mutating func writeInt6(_ value: UInt64) {
        writeLittleEndian(value, width: 6)
    }

    public mutating func writeInt8(_ value: UInt64) {
        writeLittleEndian(value, width: 8)
    }

    /// The shortest length-encoded form: one byte below `FB`, else `FC`+2, `FD`+3 or `FE`+8.
    public mutating func writeLengthEncodedInt(_ value: UInt64) {
        switch value {
        case 0..<0xFB:
            bytes.append(UInt8(value))
        case 0xFB...0xFFFF:
            bytes.append(0xFC)
            writeLittleEndian(value, width: 2)
        case 0x1_0000...0xFF_FFFF:
            bytes.append(0xFD)
            writeLittleEndian(value, width: 3)
        default:
            bytes.append(0xFE)
            writeLittleEndian(value, width: 8)
        }
    }

    public mutating func writeBytes(_ data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }

    /// `count` zero bytes, for fillers and reserved areas.
    public mutating func writeZeros(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0, count: count))
    }

    public mutating func writeLengthEncodedBytes(_ data: [UInt8]) {
        writeLengthEncodedInt(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    public mutating func writeLengthEncodedString(_ text: String) {
        writeLengthEncodedBytes(Array(text.utf8))
    }

    /// The text, then a NUL.
    ///
    /// The field cannot carry a NUL of its own: everything from an embedded NUL on is left out,
    /// so the fields after it still line up for the reader.
    public mutating func writeNullTerminatedString(_ text: String) {
        bytes.append(contentsOf: text.utf8.prefix { $0 != 0 })
        bytes.append(0)
    }

    /// The text with no length or terminator: only as the last field of a payload.
    public mutating func writeRestString(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func writeLittleEndian(_ value: UInt64, width: Int) {
        for index in 0..<width {
            bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index)))
        }
    }
}
