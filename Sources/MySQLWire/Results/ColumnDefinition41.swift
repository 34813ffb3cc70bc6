/// One column of a result set (`ColumnDefinition41`).
///
/// On the wire: length-encoded catalog (`def`), schema, table, original table, name and
/// original name, then a `0C` length byte and twelve fixed bytes: charset, display length,
/// type, flags, decimals and two zero bytes. Clients that read by label use ``name``.
public struct ColumnDefinition41: Equatable, Sendable {
    public var catalog: String
    public var schema: String
    public var table: String
    public var originalTable: String
    public var name: String
    public var originalName: String
    /// The column's collation id (33 utf8, 45 utf8mb4, 63 binary); see ``CharacterSetID``.
    public var characterSet: UInt16
    /// The maximum display length in bytes.
    public var columnLength: UInt32
    public var type: ColumnType
    public var flags: ColumnFlags
    /// Digits after the decimal point; 0x1F for strings and floating point without a fixed scale.
    public var decimals: UInt8

    public init(
        name: String, type: ColumnType, columnLength: UInt32,
        characterSet: UInt16 = UInt16(CharacterSetID.utf8), flags: ColumnFlags = [], decimals: UInt8 = 0,
        schema: String = "", table: String = "", originalTable: String = "", originalName: String = "",
        catalog: String = "def"
    ) {
        self.catalog = catalog
        self.schema = schema
        self.table = table
        self.originalTable = originalTable
        self.name = name
        self.originalName = originalName
        self.characterSet = characterSet
        self.columnLength = columnLength
        self.type = type
        self.flags = flags
        self.decimals = decimals
    }

    /// The value of the length byte before the fixed fields; always 12.
    static let fixedFieldsLength: UInt8 = 0x0C

    public func encode() -> [UInt8] {
        var writer = ByteWriter(capacity: 32 + name.utf8.count * 2)
        write(to: &writer)
        return writer.bytes
    }

    func write(to writer: inout ByteWriter) {
        for text in [catalog, schema, table, originalTable, name, originalName] {
            writer.writeLengthEncodedString(text)
        }
        writer.writeInt1(Self.fixedFieldsLength)
        writer.writeInt2(characterSet)
        writer.writeInt4(columnLength)
        writer.writeInt1(type.rawValue)
        writer.writeInt2(flags.rawValue)
        writer.writeInt1(decimals)
        writer.writeZeros(2)
    }

    public static func decode(_ payload: [UInt8]) throws(WireError) -> ColumnDefinition41 {
        var reader = ByteReader(payload)
        let column = try read(from: &reader)
        try reader.expectEnd("column definition")
        return column
    }

    /// Reads one definition and leaves the reader after its filler. A length byte other than
    /// 12 is refused: MariaDB puts extended type info there for clients that ask for it, which
    /// SnapDeck never does.
    static func read(from reader: inout ByteReader) throws(WireError) -> ColumnDefinition41 {
        let catalog = try reader.readLengthEncodedString("catalog")
        let schema = try reader.readLengthEncodedString("schema")
        let table = try reader.readLengthEncodedString("table")
        let originalTable = try reader.readLengthEncodedString("org_table")
        let name = try reader.readLengthEncodedString("name")
        let originalName = try reader.readLengthEncodedString("org_name")
        let fixedLength = try reader.readLengthEncodedInt("fixed fields length")
        guard fixedLength == UInt64(fixedFieldsLength) else {
            throw .malformed("column definition fixed fields length \(fixedLength)")
        }
        let characterSet = try reader.readInt2("column charset")
        let columnLength = try reader.readInt4("column length")
        let type = ColumnType(rawValue: try reader.readInt1("column type"))
        let flags = ColumnFlags(rawValue: try reader.readInt2("column flags"))
        let decimals = try reader.readInt1("decimals")
        try reader.skip(count: 2, "column definition filler")
        return ColumnDefinition41(
            name: name, type: type, columnLength: columnLength, characterSet: characterSet,
            flags: flags, decimals: decimals, schema: schema, table: table,
            originalTable: originalTable, originalName: originalName, catalog: catalog
        )
    }
}
