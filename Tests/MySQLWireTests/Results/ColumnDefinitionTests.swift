import Testing
@testable import MySQLWire

@Suite struct ColumnDefinitionTests {
    /// MariaDB's definitions for INT NOT NULL PRIMARY KEY, BIGINT, DECIMAL(10,2), VARCHAR(20)
    /// utf8mb4, DATE and DATETIME.
    static let expectedItemsColumns: [ColumnDefinition41] = [
        ColumnDefinition41(name: "id", type: .long, columnLength: 11, characterSet: 63, flags: [.notNull, .primaryKey, .noDefaultValue, .partOfKey], schema: "shop", table: "items", originalTable: "items", originalName: "id"),
        ColumnDefinition41(name: "big", type: .longLong, columnLength: 20, characterSet: 63, schema: "shop", table: "items", originalTable: "items", originalName: "big"),
        ColumnDefinition41(name: "price", type: .newDecimal, columnLength: 12, characterSet: 63, decimals: 2, schema: "shop", table: "items", originalTable: "items", originalName: "price"),
        ColumnDefinition41(name: "name", type: .varString, columnLength: 80, characterSet: 45, schema: "shop", table: "items", originalTable: "items", originalName: "name"),
        ColumnDefinition41(name: "d", type: .date, columnLength: 10, characterSet: 63, flags: .binary, schema: "shop", table: "items", originalTable: "items", originalName: "d"),
        ColumnDefinition41(name: "ts", type: .dateTime, columnLength: 19, characterSet: 63, flags: .binary, schema: "shop", table: "items", originalTable: "items", originalName: "ts"),
    ]

    @Test func capturedDefinitionsDecodeAndEncodeBack() throws {
        let captured = ResultCaptures.itemsClassic[1...6].map(bytes)
        let columns = try captured.map(ColumnDefinition41.decode)
        #expect(columns == Self.expectedItemsColumns)
        #expect(columns.map { $0.encode() } == captured)
        #expect(columns.allSatisfy { $0.catalog == "def" })
    }

    @Test func expressionColumnFromTheMultiStatementReply() throws {
        let column = try ColumnDefinition41.decode(bytes(ResultCaptures.multiClassic[1]))
        #expect(column == ColumnDefinition41(name: "1", type: .long, columnLength: 1, characterSet: 63, flags: [.notNull, .binary]))
        #expect(column.encode() == bytes(ResultCaptures.multiClassic[1]))
    }

    @Test func capturedFieldListColumnsCarryDefaults() throws {
        let captured = ResultCaptures.fieldListClassic.dropLast().map(bytes)
        let columns = try captured.map(FieldListColumn.decode)
        #expect(columns.map(\.defaultValue) == ["0", nil, nil, "none", nil, nil])
        #expect(columns.map(\.column.name) == Self.expectedItemsColumns.map(\.name))
        #expect(columns[3].column.columnLength == 80)
        #expect(columns.map { $0.encode() } == captured)
    }

    @Test func mariaDBExtendedMetadataIsRefused() {
        #expect(wireError { _ = try FieldListColumn.decode(bytes(ResultCaptures.fieldListMariaDBExtended)) }?.isMalformed == true)
    }

    @Test func truncatedDefinitionsThrow() {
        let payload = bytes(ResultCaptures.itemsClassic[3])
        for length in 0..<payload.count {
            #expect(wireError { _ = try ColumnDefinition41.decode(Array(payload.prefix(length))) }?.isTruncated == true, "length \(length)")
        }
        #expect(wireError { _ = try ColumnDefinition41.decode(payload + [0]) }?.isMalformed == true)
        let fieldList = bytes(ResultCaptures.fieldListClassic[3])
        #expect(wireError { _ = try FieldListColumn.decode(Array(fieldList.dropLast())) }?.isTruncated == true)
    }

    @Test func unknownTypeCodesStillDecode() throws {
        var column = Self.expectedItemsColumns[0]
        column.type = ColumnType(rawValue: 242)
        #expect(try ColumnDefinition41.decode(column.encode()).type.rawValue == 242)
        #expect(column.type.description == "type 242")
        #expect(ColumnType.newDecimal.description == "NEWDECIMAL")
    }

    @Test func typeAndFlagCodesMatchTheProtocol() {
        let types: [(ColumnType, UInt8)] = [
            (.tiny, 1), (.short, 2), (.long, 3), (.float, 4), (.double, 5), (.null, 6), (.timestamp, 7), (.longLong, 8),
            (.int24, 9), (.date, 10), (.time, 11), (.dateTime, 12), (.year, 13), (.varChar, 15), (.newDecimal, 246),
            (.blob, 252), (.varString, 253), (.string, 254),
        ]
        #expect(types.allSatisfy { $0.0.rawValue == $0.1 })
        let flags: [(ColumnFlags, UInt16)] = [(.notNull, 0x1), (.primaryKey, 0x2), (.blob, 0x10), (.unsigned, 0x20), (.binary, 0x80)]
        #expect(flags.allSatisfy { $0.0.rawValue == $0.1 })
        #expect(ServerStatus.inTransaction.rawValue == 0x1 && ServerStatus.autocommit.rawValue == 0x2 && ServerStatus.moreResultsExist.rawValue == 0x8)
    }
}
