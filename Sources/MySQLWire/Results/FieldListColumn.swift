/// One column in the reply to `COM_FIELD_LIST`: a column definition followed by the column's
/// default value (length-encoded, `FB` for none).
///
/// The reply is these packets, without a column count, ended by an EOF (an OK-FE under
/// `CLIENT_DEPRECATE_EOF`).
public struct FieldListColumn: Equatable, Sendable {
    public var column: ColumnDefinition41
    public var defaultValue: String?

    public init(column: ColumnDefinition41, defaultValue: String?) {
        self.column = column
        self.defaultValue = defaultValue
    }

    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: 40)
        column.write(to: &writer)
        if let defaultValue {
            writer.writeLengthEncodedString(defaultValue)
        } else {
            writer.writeInt1(TextRow.nullMarker)
        }
        return writer.bytes
    }

    public static func decode(_ payload: [UInt8]) throws(WireError) -> FieldListColumn {
        var reader = ByteReader(payload)
        let column = try ColumnDefinition41.read(from: &reader)
        let value = try reader.readLengthEncodedBytesOrNull("default value")
        try reader.expectEnd("field list column")
        return FieldListColumn(column: column, defaultValue: value.map { String(decoding: $0, as: UTF8.self) })
    }
}
