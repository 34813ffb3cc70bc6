/// A row of a text result set: one length-encoded string per column, `FB` for NULL.
///
/// An empty string is the single byte `00`, distinct from NULL.
public enum TextRow {
    /// The byte that stands for SQL NULL in a row.
    public static let nullMarker: UInt8 = 0xFB

    public static func encode(_ values: [String?]) -> [UInt8] {
        var writer = ByteWriter(capacity: values.count * 8)
        for value in values {
            if let value {
                writer.writeLengthEncodedString(value)
            } else {
                writer.writeInt1(nullMarker)
            }
        }
        return writer.bytes
    }

    /// The values of a row with `columnCount` columns, as UTF-8 text.
    public static func decode(_ payload: [UInt8], columnCount: Int) throws(WireError) -> [String?] {
        try decodeBytes(payload, columnCount: columnCount).map { value in
            value.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The raw bytes of each value, for binary columns.
    public static func decodeBytes(_ payload: [UInt8], columnCount: Int) throws(WireError) -> [[UInt8]?] {
        var reader = ByteReader(payload)
        var values: [[UInt8]?] = []
        for index in 0..<max(0, columnCount) {
            values.append(try reader.readLengthEncodedBytesOrNull("value of column \(index + 1)"))
        }
        try reader.expectEnd("row of \(columnCount) values")
        return values
    }
}
