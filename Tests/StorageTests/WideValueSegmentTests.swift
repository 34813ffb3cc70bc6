import Catalog
import SQLSyntax
import Storage
import Testing

/// LARGEINT, wide DECIMAL and DATETIME(p) in segments, and the bytes of older files.
@Suite struct WideValueSegmentTests {
    func roundTrip(_ types: [ColumnType], _ rows: [[Value]]) throws -> [[Value]] {
        var builder = SegmentBuilder(types: types)
        for row in rows { builder.append(row) }
        var reader = try SegmentReader(bytes: builder.finish(), types: types)
        var row: [Value] = []
        var decoded: [[Value]] = []
        while try reader.next(into: &row) != nil { decoded.append(row) }
        return decoded
    }

    @Test func wideValuesRoundTripAtTheirLimits() throws {
        let types: [ColumnType] = [.largeint, .decimal(precision: 38, scale: 9), .decimal(precision: 27, scale: 9), .datetimeV2(scale: 6)]
        let nines = Int128("99999999999999999999999999999999999999")!
        let rows: [[Value]] = [
            [.largeint(.max), .wideDecimal(unscaled: nines, scale: 9), .wideDecimal(unscaled: 999_999_999_999_999_999_999_999_999, scale: 9), .datetimeMicros(253_402_300_799_999_999, scale: 6)],
            [.largeint(.min), .wideDecimal(unscaled: -nines, scale: 9), .wideDecimal(unscaled: -1, scale: 9), .datetimeMicros(-1, scale: 6)],
            [.largeint(0), .null, .wideDecimal(unscaled: 0, scale: 9), .null],
        ]
        #expect(try roundTrip(types, rows) == rows)
    }

    /// A DECIMAL(10, 2) segment written before 128-bit decimals: header, one row of 12345
    /// (zigzag 24690 = varint 0xF2 0xC0 0x01). It still reads, and a new writer makes the
    /// same bytes, so checksums of old and new data agree.
    @Test func decimalSegmentsFromBeforeReadAndWriteTheSameBytes() throws {
        let old: [UInt8] = Array("SDSEG001".utf8) + [1, 0, 0, 0] + [1, 0, 0, 0, 0, 0, 0, 0] + [4] + [1, 0xF2, 0xC0, 0x01]
        var reader = try SegmentReader(bytes: old, types: [.decimal(precision: 10, scale: 2)])
        var row: [Value] = []
        #expect(try reader.next(into: &row) != nil)
        #expect(row == [.decimal(unscaled: 12345, scale: 2)])
        var builder = SegmentBuilder(types: [.decimal(precision: 10, scale: 2)])
        builder.append(row)
        #expect(builder.finish() == old)
    }

    @Test func aWideVarintThatNeverEndsIsCorruptNotACrash() throws {
        let bytes: [UInt8] = Array("SDSEG001".utf8) + [1, 0, 0, 0] + [1, 0, 0, 0, 0, 0, 0, 0] + [8] + [1] + Array(repeating: 0xFF, count: 30)
        var reader = try SegmentReader(bytes: bytes, types: [.largeint])
        var row: [Value] = []
        #expect(throws: SegmentCorruption.self) { try reader.next(into: &row) }
    }
}
