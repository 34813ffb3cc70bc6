import Testing
@testable import MySQLWire

@Suite struct ByteCodingTests {
    @Test func fixedWidthIntegersAreLittleEndian() throws {
        var writer = ByteWriter()
        writer.writeInt1(0x01)
        writer.writeInt2(0x0302)
        writer.writeInt3(0x06_0504)
        writer.writeInt4(0x0A09_0807)
        writer.writeInt6(0x100F_0E0D_0C0B)
        writer.writeInt8(0x1817_1615_1413_1211)
        #expect(writer.bytes == Array(1...0x18))

        var reader = ByteReader(writer.bytes)
        #expect(try reader.readInt1() == 0x01)
        #expect(try reader.readInt2() == 0x0302)
        #expect(try reader.readInt3() == 0x06_0504)
        #expect(try reader.readInt4() == 0x0A09_0807)
        #expect(try reader.readInt6() == 0x100F_0E0D_0C0B)
        #expect(try reader.readInt8() == 0x1817_1615_1413_1211)
        #expect(reader.isAtEnd)
    }

    @Test func narrowWritesKeepOnlyTheirWidth() {
        var writer = ByteWriter()
        writer.writeInt3(0xFFAB_CDEF)
        writer.writeInt6(0xFFFF_1122_3344_5566)
        #expect(writer.bytes == [0xEF, 0xCD, 0xAB, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11])
    }

    @Test(arguments: [
        (UInt64(0), "00"), (250, "fa"), (251, "fcfb00"), (0xFFFF, "fcffff"), (0x1_0000, "fd000001"),
        (0xFF_FFFF, "fdffffff"), (0x100_0000, "fe0000000100000000"), (UInt64.max, "feffffffffffffffff"),
    ])
    func lengthEncodedIntegersUseTheShortestForm(value: UInt64, encoded: String) throws {
        var writer = ByteWriter()
        writer.writeLengthEncodedInt(value)
        #expect(hex(writer.bytes) == encoded)
        var reader = ByteReader(bytes(encoded))
        #expect(try reader.readLengthEncodedInt() == value)
        #expect(reader.isAtEnd)
    }

    @Test func nullAndErrorMarkersAreNotIntegers() {
        for marker in ["fb", "ff"] {
            var reader = ByteReader(bytes(marker))
            #expect(wireError { _ = try reader.readLengthEncodedInt() }?.isMalformed == true)
        }
    }

    @Test func shortIntegersThrowTruncated() {
        let cases: [(String, (inout ByteReader) throws -> Void)] = [
            ("", { _ = try $0.readInt1() }),
            ("01", { _ = try $0.readInt2() }),
            ("0102", { _ = try $0.readInt3() }),
            ("010203", { _ = try $0.readInt4() }),
            ("0102030405", { _ = try $0.readInt6() }),
            ("01020304050607", { _ = try $0.readInt8() }),
            ("fc01", { _ = try $0.readLengthEncodedInt() }),
            ("fd0102", { _ = try $0.readLengthEncodedInt() }),
            ("fe01020304050607", { _ = try $0.readLengthEncodedInt() }),
        ]
        for (input, read) in cases {
            var reader = ByteReader(bytes(input))
            #expect(wireError { try read(&reader) }?.isTruncated == true, "input \(input)")
        }
    }

    @Test func lengthEncodedStringsAndTheirLimits() throws {
        var writer = ByteWriter()
        writer.writeLengthEncodedString("def")
        writer.writeLengthEncodedString("")
        writer.writeLengthEncodedBytes(Array(repeating: 0x61, count: 300))
        var reader = ByteReader(writer.bytes)
        #expect(try reader.readLengthEncodedString() == "def")
        #expect(try reader.readLengthEncodedString() == "")
        #expect(try reader.readLengthEncodedBytes() == Array(repeating: 0x61, count: 300))
        #expect(reader.isAtEnd)

        // A length larger than the payload, up to 2^64-1, is reported, not allocated.
        for input in ["0561626364", "feffffffffffffffff61", "fd00000161"] {
            var short = ByteReader(bytes(input))
            #expect(wireError { _ = try short.readLengthEncodedBytes() }?.isTruncated == true, "input \(input)")
        }
    }

    @Test func rowValuesDistinguishNullFromEmpty() throws {
        var reader = ByteReader(bytes("fb0003616263"))
        #expect(try reader.readLengthEncodedBytesOrNull() == nil)
        #expect(try reader.readLengthEncodedBytesOrNull() == [])
        #expect(try reader.readLengthEncodedBytesOrNull() == ascii("abc"))
    }

    @Test func nullTerminatedStrings() throws {
        var reader = ByteReader(bytes("736e6170007368"))
        #expect(try reader.readNullTerminatedString() == "snap")
        var copy = reader
        #expect(wireError { _ = try copy.readNullTerminatedString() }?.isTruncated == true)
        #expect(try reader.readNullTerminatedString(allowingEnd: true) == "sh")
        #expect(reader.isAtEnd)

        var writer = ByteWriter()
        writer.writeNullTerminatedString("ab\u{0}cd")
        writer.writeNullTerminatedString("e")
        #expect(hex(writer.bytes) == "616200" + "6500")
    }

    @Test func restOfPacketAndFixedRuns() throws {
        var reader = ByteReader(bytes("0102030405"))
        #expect(try reader.readBytes(count: 2) == [1, 2])
        #expect(wireError { try reader.skip(count: 4) }?.isTruncated == true)
        #expect(wireError { _ = try reader.readBytes(count: -1) }?.isMalformed == true)
        #expect(reader.peekByte() == 3)
        #expect(reader.readRestBytes() == [3, 4, 5])
        #expect(reader.readRestString() == "")
        #expect(reader.peekByte() == nil)
        var writer = ByteWriter()
        writer.writeZeros(3)
        writer.writeRestString("é")
        #expect(hex(writer.bytes) == "000000c3a9")
    }

    @Test func invalidUTF8IsRepairedNotFatal() throws {
        var reader = ByteReader(bytes("03ff61fe"))
        #expect(try reader.readLengthEncodedString() == "\u{FFFD}a\u{FFFD}")
    }

    @Test func expectEndReportsTrailingBytes() throws {
        var reader = ByteReader(bytes("0102"))
        _ = try reader.readInt1()
        #expect(wireError { try reader.expectEnd("test") }?.isMalformed == true)
        _ = try reader.readInt1()
        #expect(wireError { try reader.expectEnd("test") } == nil)
    }

    @Test func slicesReadFromTheirStart() throws {
        let data: [UInt8] = [9, 9, 0x2A, 0x00]
        var reader = ByteReader(data[2...])
        #expect(try reader.readInt2() == 0x2A)
    }
}
