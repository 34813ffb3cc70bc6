import Foundation
import Storage

/// Reads the CSV records of a file in chunks, so a load of any size holds one chunk (plus the
/// longest record) in memory rather than the whole file.
///
/// Each refill moves the unfinished record at the end of the buffer to its front and reads
/// the next chunk after it; a record longer than the buffer doubles the buffer, up to
/// `maxRecordBytes` (beyond that the load fails, so an unterminated quote early in a huge
/// file cannot pull the whole file into memory).
final class CSVFileReader {
    /// The longest record a load accepts: far above any sensible row (a VARCHAR holds at most
    /// 65,533 bytes; Doris caps a STRING value at 1 MiB by default), far below the memory a
    /// load may take.
    static let maxRecordBytes = 64 << 20

    private let file: InputFile
    private let chunkSize: Int
    private let maxRecordBytes: Int
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var filled = 0
    private var atEnd = false
    private var reader: CSVReader

    init(file: InputFile, separator: [UInt8], skippingLines skip: Int, chunkSize: Int, maxRecordBytes: Int) {
        self.file = file
        self.chunkSize = max(1, chunkSize)
        self.maxRecordBytes = maxRecordBytes
        buffer = .allocate(capacity: self.chunkSize)
        reader = CSVReader(separator: separator, skippingLines: skip)
    }

    deinit { buffer.deallocate() }

    /// The bytes the last record's field ranges index; valid until the next call to `next`.
    var window: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[0..<filled]) }

    /// 1-based line where the last record starts.
    var line: Int { reader.line }

    /// Reads the next record into `fields`; false at the end of the file.
    func next(into fields: inout [CSVReader.Field]) throws -> Bool {
        while true {
            switch try reader.next(into: &fields) {
            case .record: return true
            case .end: return false
            case .needMore: try refill()
            }
        }
    }

    private func refill() throws {
        let keep = reader.consumed
        let tail = filled - keep
        if keep > 0, tail > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + keep, tail) }
        filled = tail
        if buffer.count - filled < chunkSize {
            // The unfinished record fills the buffer: it is longer than a chunk.
            guard tail < maxRecordBytes else {
                throw CSVReader.Problem.recordTooLong(line: reader.consumedLine, limit: maxRecordBytes)
            }
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(buffer.count * 2, filled + chunkSize))
            _ = grown.initialize(from: buffer[0..<filled])
            buffer.deallocate()
            buffer = grown
        }
        let free = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[filled...])
        let n = try file.read(into: free)
        filled += n
        atEnd = n == 0
        reader.resume(window, isFinal: atEnd)
    }
}
