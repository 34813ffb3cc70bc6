import Testing
@testable import MySQLWire

@Suite struct TextRowTests {
    static let itemsRows: [[String?]] = [
        ["1", "9007199254740993", "12.50", "apple", "2024-02-29", "2024-02-29 13:45:00"],
        ["2", nil, nil, "", nil, nil],
    ]

    @Test func capturedRowsDecodeAndEncodeBack() throws {
        let captured = ResultCaptures.itemsClassic[8...9].map(bytes)
        #expect(try captured.map { try TextRow.decode($0, columnCount: 6) } == Self.itemsRows)
        #expect(Self.itemsRows.map(TextRow.encode) == captured)
    }

    @Test func nullAndEmptyDiffer() {
        #expect(TextRow.encode([nil, ""]) == [0xFB, 0x00])
    }

    @Test func longAndMultiByteValuesRoundTrip() throws {
        let long = String(repeating: "x", count: 300)
        let values: [String?] = [long, "Zürich 東京", nil]
        let encoded = TextRow.encode(values)
        #expect(encoded.prefix(3) == [0xFC, 0x2C, 0x01])
        #expect(try TextRow.decode(encoded, columnCount: 3) == values)
        #expect(try TextRow.decodeBytes(encoded, columnCount: 3)[1] == Array("Zürich 東京".utf8))
    }

    @Test func wrongColumnCountsThrow() {
        let row = bytes(ResultCaptures.itemsClassic[9])
        #expect(wireError { _ = try TextRow.decode(row, columnCount: 5) }?.isMalformed == true)
        #expect(wireError { _ = try TextRow.decode(row, columnCount: 7) }?.isTruncated == true)
        #expect(wireError { _ = try TextRow.decode(bytes("05616263"), columnCount: 1) }?.isTruncated == true)
        #expect(wireError { _ = try TextRow.decode(bytes("ff"), columnCount: 1) }?.isMalformed == true)
    }
}
