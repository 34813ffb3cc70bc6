import Catalog
import Essentials
import SQLSyntax
import Testing

@Suite struct ValueTests {
    @Test func textConvertsPerColumnType() throws {
        #expect(try ColumnType.int.value(fromText: " 42 ") == .int(42))
        #expect(try ColumnType.bigint.value(fromText: "-9223372036854775808") == .int(Int64.min))
        #expect(try ColumnType.decimal(precision: 6, scale: 2).value(fromText: "12.345") == .decimal(unscaled: 1235, scale: 2))
        #expect(try ColumnType.decimal(precision: 6, scale: 2).value(fromText: "-0.5") == .decimal(unscaled: -50, scale: 2))
        #expect(try ColumnType.date.value(fromText: "2024-02-29") == .date(days: CivilTime.days(year: 2024, month: 2, day: 29)!))
        #expect(try ColumnType.datetime.value(fromText: "1970-01-02 00:00:01") == .datetime(seconds: 86401))
        #expect(try ColumnType.boolean.value(fromText: "true") == .bool(true))
        #expect(try ColumnType.varchar(6).value(fromText: "上海") == .string("上海"))
    }

    @Test func badTextIsRejectedWithAReason() {
        func reason(_ type: ColumnType, _ text: String) -> ValueConversionError.Reason? {
            do {
                _ = try type.value(fromText: Substring(text))
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason(.tinyint, "128") == .outOfRange)
        #expect(reason(.int, "12abc") == .invalid)
        #expect(reason(.int, "") == .invalid)
        #expect(reason(.date, "2023-02-29") == .invalid)
        #expect(reason(.datetime, "2023-01-01 24:00:00") == .invalid)
        #expect(reason(.decimal(precision: 4, scale: 2), "123.45") == .outOfRange)
        #expect(reason(.varchar(3), "abcd") == .tooLong(limit: 3))
        #expect(reason(.char(2), "上") == .tooLong(limit: 2))
    }

    @Test func valuesDisplayLikeMySQL() {
        #expect(Value.decimal(unscaled: 5, scale: 2).displayText == "0.05")
        #expect(Value.decimal(unscaled: -1234, scale: 2).displayText == "-12.34")
        #expect(Value.date(days: 0).displayText == "1970-01-01")
        #expect(Value.datetime(seconds: -1).displayText == "1969-12-31 23:59:59")
        #expect(Value.null.displayText == nil)
        #expect(Value.double(3).displayText == "3")
    }

    @Test func nullSortsFirstAndKindsCompare() {
        #expect(Value.null < .int(0))
        #expect(Value.int(2) < .int(10))
        #expect(Value.string("a") < .string("b"))
        #expect(Value.compare(.decimal(unscaled: 100, scale: 2), .decimal(unscaled: 10, scale: 1)) == 0)
    }
}
