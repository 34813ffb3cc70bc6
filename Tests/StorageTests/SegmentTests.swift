import Catalog
import Foundation
import SQLSyntax
import Storage
import Testing

@Suite struct SegmentTests {
    let types: [ColumnType] = [.int, .varchar(20), .decimal(precision: 10, scale: 2), .date, .datetime, .double, .boolean]

    @Test func rowsRoundTripThroughTheSegmentFormat() throws {
        var builder = SegmentBuilder(types: types)
        let rows: [[Value]] = [
            [.int(1), .string("hello"), .decimal(unscaled: 12345, scale: 2), .date(days: 20000), .datetime(seconds: 1_700_000_000), .double(2.5), .bool(true)],
            [.int(-7), .string("上海"), .null, .null, .datetime(seconds: 0), .double(-0.125), .bool(false)],
        ]
        for row in rows { builder.append(row) }
        var reader = try SegmentReader(bytes: builder.finish(), types: types)
        #expect(reader.rowCount == 2)
        var row: [Value] = []
        var decoded: [[Value]] = []
        while try reader.next(into: &row) != nil { decoded.append(row) }
        #expect(decoded == rows)
    }

    @Test func damagedBytesAreReportedNotCrashed() throws {
        var builder = SegmentBuilder(types: types)
        builder.append([.int(1), .string("abc"), .null, .null, .null, .null, .null])
        let bytes = builder.finish()
        for cut in 0..<bytes.count {
            var reader: SegmentReader
            do {
                reader = try SegmentReader(bytes: Array(bytes[0..<cut]), types: types)
            } catch {
                continue
            }
            var row: [Value] = []
            do {
                while try reader.next(into: &row) != nil {}
            } catch {
                #expect(error.description.contains("corrupt"))
            }
        }
        #expect(throws: SegmentCorruption.self) { try SegmentReader(bytes: bytes, types: [.int]) }
    }

    @Test func crc32cMatchesTheStandardCheckValue() {
        #expect(Checksums.crc32c(Array("123456789".utf8)) == 0xE306_9283)
        #expect(Checksums.crc32c([]) == 0)
        let whole = Checksums.crc32c(Array("hello world".utf8))
        let part = Array("hello ".utf8).withUnsafeBytes { Checksums.crc32c($0) }
        let continued = Array("world".utf8).withUnsafeBytes { Checksums.crc32c($0, continuing: part) }
        #expect(whole == continued)
    }

    @Test func md5MatchesKnownDigest() {
        #expect(Checksums.md5Hex(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test func durableWriteCreatesFoldersAndReadsBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("seg-\(UUID())").path
        defer { DurableFile.remove(dir) }
        try DurableFile.write(Array("payload".utf8), to: dir + "/a/b/c.dat")
        #expect(try DurableFile.read(dir + "/a/b/c.dat") == Array("payload".utf8))
        #expect(throws: FileError.self) { try DurableFile.read(dir + "/missing") }
    }
}
