import Catalog
import SQLSyntax

/// Decodes the rows of one segment held in memory. Every read is bounds-checked: a damaged
/// file is a `SegmentCorruption` error, never a crash.
public struct SegmentReader {
    private let bytes: [UInt8]
    private let encodings: [SegmentFormat.Encoding]
    private let scales: [Int]
    /// Per column: DECIMAL wider than 18 digits, read as 128-bit values.
    private let wide: [Bool]
    public let rowCount: UInt64
    private var position: Int

    /// Parses the header. `types` are the table's column types, used for DECIMAL scales and to
    /// check that the file belongs to this schema.
    public init(bytes: [UInt8], types: [ColumnType]) throws(SegmentCorruption) {
        self.bytes = bytes
        let header = SegmentFormat.headerSize(columns: types.count)
        guard bytes.count >= header, Array(bytes[0..<8]) == SegmentFormat.magic else {
            throw SegmentCorruption(reason: "bad header")
        }
        var columns: UInt32 = 0
        var rows: UInt64 = 0
        for i in 0..<4 { columns |= UInt32(bytes[8 + i]) << (8 * UInt32(i)) }
        for i in 0..<8 { rows |= UInt64(bytes[12 + i]) << (8 * UInt64(i)) }
        guard columns == types.count else {
            throw SegmentCorruption(reason: "has \(columns) columns, table has \(types.count)")
        }
        var encodings: [SegmentFormat.Encoding] = []
        for (i, type) in types.enumerated() {
            let expected = SegmentFormat.Encoding(type)
            guard bytes[20 + i] == expected.rawValue else {
                throw SegmentCorruption(reason: "column \(i + 1) has the wrong type")
            }
            encodings.append(expected)
        }
        self.encodings = encodings
        scales = types.map { type in
            switch type {
            case .decimal(_, let s), .datetimeV2(let s): s
            default: 0
            }
        }
        wide = types.map { if case .decimal(let p, _) = $0 { p > DecimalText.narrowPrecision } else { false } }
        rowCount = rows
        position = header
    }

    /// The next row, or nil at the end. `range` receives the row's encoded bytes (for hashing).
    public mutating func next(into row: inout [Value]) throws(SegmentCorruption) -> Range<Int>? {
        guard position < bytes.count else { return nil }
        let start = position
        row.removeAll(keepingCapacity: true)
        for (i, encoding) in encodings.enumerated() {
            row.append(try value(encoding, scale: scales[i], wide: wide[i]))
        }
        return start..<position
    }

    /// Advances over the next row without building values; returns its encoded bytes' range.
    public mutating func skipRow() throws(SegmentCorruption) -> Range<Int>? {
        guard position < bytes.count else { return nil }
        let start = position
        for encoding in encodings {
            guard try byte() != 0 else { continue }
            switch encoding {
            case .integer, .date, .datetime, .datetimeMicros: _ = try varint()
            case .decimal, .largeint: _ = try wideVarint()
            case .boolean: _ = try byte()
            case .double:
                guard position + 8 <= bytes.count else { throw SegmentCorruption(reason: "truncated") }
                position += 8
            case .string:
                let length = try varint()
                guard length <= UInt64(bytes.count - position) else { throw SegmentCorruption(reason: "truncated string") }
                position += Int(length)
            }
        }
        return start..<position
    }

    /// The encoded bytes of a row returned by `next` or `skipRow`.
    public func rowBytes(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    private mutating func byte() throws(SegmentCorruption) -> UInt8 {
        guard position < bytes.count else { throw SegmentCorruption(reason: "truncated") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func varint() throws(SegmentCorruption) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw SegmentCorruption(reason: "bad varint") }
        }
    }

    private mutating func wideVarint() throws(SegmentCorruption) -> UInt128 {
        var result: UInt128 = 0
        var shift: UInt128 = 0
        while true {
            let b = try byte()
            result |= UInt128(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 127 { throw SegmentCorruption(reason: "bad varint") }
        }
    }

    private mutating func value(_ encoding: SegmentFormat.Encoding, scale: Int, wide: Bool) throws(SegmentCorruption) -> Value {
        guard try byte() != 0 else { return .null }
        switch encoding {
        case .integer: return .int(RowEncoding.unzigzag(try varint()))
        case .boolean: return .bool(try byte() != 0)
        case .double:
            guard position + 8 <= bytes.count else { throw SegmentCorruption(reason: "truncated") }
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
            position += 8
            return .double(Double(bitPattern: bits))
        case .decimal:
            let v = RowEncoding.unzigzag(try wideVarint())
            if wide { return .wideDecimal(unscaled: v, scale: scale) }
            guard let narrow = Int64(exactly: v) else { throw SegmentCorruption(reason: "bad decimal") }
            return .decimal(unscaled: narrow, scale: scale)
        case .largeint: return .largeint(RowEncoding.unzigzag(try wideVarint()))
        case .datetimeMicros: return .datetimeMicros(RowEncoding.unzigzag(try varint()), scale: scale)
        case .string:
            let length = try varint()
            guard length <= UInt64(bytes.count - position) else {
                throw SegmentCorruption(reason: "truncated string")
            }
            let end = position + Int(length)
            defer { position = end }
            return .string(String(decoding: bytes[position..<end], as: UTF8.self))
        case .date:
            let v = RowEncoding.unzigzag(try varint())
            guard let days = Int32(exactly: v) else { throw SegmentCorruption(reason: "bad date") }
            return .date(days: days)
        case .datetime: return .datetime(seconds: RowEncoding.unzigzag(try varint()))
        }
    }
}
