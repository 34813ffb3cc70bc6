import Catalog
import SQLSyntax
import Testing

/// Exact conversion, printing and comparison of 128-bit and fractional-second values.
@Suite struct WideValueTests {
    @Test func decimalsCompareExactlyAcrossScalesAndWidths() throws {
        let a = try ColumnType.decimal(precision: 38, scale: 20).value(fromText: "123456789012345678.00000000000000000001")
        let b = try ColumnType.decimal(precision: 38, scale: 2).value(fromText: "123456789012345678.00")
        #expect(Value.compare(a, b) == 1)
        #expect(Value.compare(b, a) == -1)
        #expect(Value.compare(b, .int(123_456_789_012_345_678)) == 0)
        #expect(Value.compare(.decimal(unscaled: 1, scale: 18), .wideDecimal(unscaled: 10, scale: 19)) == 0)
        #expect(Value.compare(.largeint(Int128(Int64.max) + 1), .int(.max)) == 1)
        #expect(a.displayText == "123456789012345678.00000000000000000001")
    }

    @Test func decimalsRoundHalfAwayFromZeroAtTheirScale() throws {
        let type = ColumnType.decimal(precision: 27, scale: 9)
        #expect(try type.value(fromText: "1.0000000005").displayText == "1.000000001")
        #expect(try type.value(fromText: "-1.0000000005").displayText == "-1.000000001")
        #expect(try type.value(fromText: "1.0000000004").displayText == "1.000000000")
        #expect(throws: ValueConversionError.self) { try type.value(fromText: "1e5") }
    }

    @Test func datetimeFractionsRoundToTheColumnPrecision() throws {
        #expect(try ColumnType.datetimeV2(scale: 3).value(fromText: "2024-02-29 12:00:00.1235").displayText == "2024-02-29 12:00:00.124")
        #expect(try ColumnType.datetimeV2(scale: 1).value(fromText: "2024-02-29 23:59:59.96").displayText == "2024-03-01 00:00:00.0")
        #expect(try ColumnType.datetimeV2(scale: 6).value(fromText: "2024-02-29").displayText == "2024-02-29 00:00:00.000000")
        #expect(throws: ValueConversionError.self) { try ColumnType.datetimeV2(scale: 6).value(fromText: "2024-02-29 12:00:00.12x") }
        #expect(Value.compare(.datetime(seconds: 10), .datetimeMicros(10_000_001, scale: 6)) == -1)
    }
}
