import Catalog
import SQLSyntax

/// The on-disk segment: `SDSEG001`, column count (u32), row count (u64), one type code per
/// column, then the rows. Each value is a presence byte (0 = NULL) and, when present, a
/// payload: zigzag varints for integers, dates, datetimes and decimals, 8 little-endian bytes
/// for doubles, a varint length and UTF-8 bytes for strings.
///
/// 128-bit values (LARGEINT, DECIMAL wider than 18 digits) are the same zigzag varints, just
/// up to 19 bytes long: a value that fits 64 bits has the very bytes it always had, so a wide
/// DECIMAL column keeps the `decimal` code. LARGEINT (code 8) and DATETIME(p) with p > 0
/// (code 9, microseconds) are new codes; files written before them never hold those codes,
/// so every older segment still reads unchanged.
///
/// Encoding is deterministic, so equal rows are equal bytes wherever they are stored; CHECKSUM
/// TABLE relies on it.
public enum SegmentFormat {
    static let magic: [UInt8] = Array("SDSEG001".utf8)
    static let rowCountOffset = 12
    static func headerSize(columns: Int) -> Int { 8 + 4 + 8 + columns }

    /// One byte naming how a column is encoded.
    enum Encoding: UInt8 {
        case integer = 1, boolean, double, decimal, string, date, datetime, largeint, datetimeMicros

        init(_ type: ColumnType) {
            switch type {
            case .tinyint, .smallint, .int, .bigint: self = .integer
            case .boolean: self = .boolean
            case .float, .double: self = .double
            case .decimal: self = .decimal
            case .char, .varchar, .string: self = .string
            case .date: self = .date
            case .datetime: self = .datetime
            case .largeint: self = .largeint
            case .datetimeV2: self = .datetimeMicros
            }
        }
    }
}

/// Why a segment's bytes cannot be read.
public struct SegmentCorruption: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "corrupt segment: \(reason)" }
}

/// Appends rows in segment encoding to a growing byte buffer.
public struct SegmentBuilder {
    public private(set) var bytes: [UInt8]
    public private(set) var rowCount: Int64 = 0
    public init(types: [ColumnType], capacity: Int = 4096) {
        let encodings = types.map(SegmentFormat.Encoding.init)
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes += SegmentFormat.magic
        RowEncoding.appendFixed(UInt32(types.count), to: &bytes)
        RowEncoding.appendFixed(UInt64(0), to: &bytes)
        bytes += encodings.map(\.rawValue)
    }

    /// Appends one row; `row` must have one value per column.
    public mutating func append(_ row: [Value]) {
        RowEncoding.append(row, to: &bytes)
        rowCount += 1
    }

    /// The finished segment.
    public mutating func finish() -> [UInt8] {
        var count = UInt64(rowCount).littleEndian
        withUnsafeBytes(of: &count) { raw in
            for i in 0..<8 { bytes[SegmentFormat.rowCountOffset + i] = raw[i] }
        }
        return bytes
    }
}

/// Row encoding shared by writers, readers and row hashing.
public enum RowEncoding {
    public static func append(_ row: [Value], to bytes: inout [UInt8]) {
        for value in row { append(value, to: &bytes) }
    }

    @inline(__always)
    public static func append(_ value: Value, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(0)
        case .int(let v):
            bytes.append(1)
            appendVarint(zigzag(v), to: &bytes)
        case .bool(let v):
            bytes.append(1)
            bytes.append(v ? 1 : 0)
        case .double(let v):
            bytes.append(1)
            appendFixed(v.bitPattern, to: &bytes)
        case .decimal(let v, _):
            bytes.append(1)
            appendVarint(zigzag(v), to: &bytes)
        case .string(let v):
            bytes.append(1)
            var text = v
            text.withUTF8 { utf8 in
                appendVarint(UInt64(utf8.count), to: &bytes)
                bytes.append(contentsOf: utf8)
            }
        case .date(let d):
            bytes.append(1)
            appendVarint(zigzag(Int64(d)), to: &bytes)
        case .datetime(let s):
            bytes.append(1)
            appendVarint(zigzag(s), to: &bytes)
        case .largeint(let v):
            bytes.append(1)
            appendVarint(zigzag(v), to: &bytes)
        case .wideDecimal(let v, _):
            bytes.append(1)
            appendVarint(zigzag(v), to: &bytes)
        case .datetimeMicros(let v, _):
            bytes.append(1)
            appendVarint(zigzag(v), to: &bytes)
        }
    }

    @inline(__always)
    static func zigzag(_ v: Int128) -> UInt128 { UInt128(bitPattern: (v << 1) ^ (v >> 127)) }

    @inline(__always)
    static func unzigzag(_ v: UInt128) -> Int128 { Int128(bitPattern: v >> 1) ^ -Int128(bitPattern: v & 1) }

    @inline(__always)
    static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }

    @inline(__always)
    static func unzigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }

    /// LEB128 of any unsigned width: 64-bit for most values, 128-bit for wide decimals.
    @inline(__always)
    static func appendVarint<T: FixedWidthInteger & UnsignedInteger>(_ value: T, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    static func appendFixed<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        var little = value.littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }
}
