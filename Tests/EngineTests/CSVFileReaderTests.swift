@testable import Engine
import Foundation
import Storage
import Testing

/// Reading a CSV file in chunks gives the very records a whole-file read gives, whatever
/// the chunk size: records, quotes, `\r\n` and separators may straddle any boundary.
@Suite struct CSVFileReaderTests {
    /// Records as text, with the line each starts on.
    typealias Record = (line: Int, fields: [String])

    private func fieldText(_ field: CSVReader.Field, _ window: UnsafeBufferPointer<UInt8>) -> String {
        if let unescaped = field.unescaped { return "q:" + String(decoding: unescaped, as: UTF8.self) }
        return (field.quoted ? "q:" : "") + String(decoding: UnsafeBufferPointer(rebasing: window[field.range]), as: UTF8.self)
    }

    private func whole(_ text: String, separator: String, skip: Int) throws -> [Record] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer, separator: Array(separator.utf8), skippingLines: skip)
            var fields: [CSVReader.Field] = []
            var records: [Record] = []
            while try reader.next(into: &fields) == .record {
                records.append((reader.line, fields.map { fieldText($0, buffer) }))
            }
            return records
        }
    }

    private func chunked(_ path: String, separator: String, skip: Int, chunk: Int, maxRecord: Int = 1 << 20) throws -> [Record] {
        let input = CSVFileReader(
            file: try InputFile.open(path), separator: Array(separator.utf8), skippingLines: skip,
            chunkSize: chunk, maxRecordBytes: maxRecord)
        var fields: [CSVReader.Field] = []
        var records: [Record] = []
        while try input.next(into: &fields) {
            records.append((input.line, fields.map { fieldText($0, input.window) }))
        }
        return records
    }

    private func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-csv-\(UUID()).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [",", "||", "<=>"])
    func everyChunkSizeReadsTheSameRecords(separator: String) throws {
        let s = separator
        let text = "header\(s)line\nskipped\r\n\n1\(s)\"a \"\"quoted\"\" one\"\(s)x\r\n\r\n\n"
            + "2\(s)\"multi\nline\r\nfield\"\(s)\r\n3\(s)\(s)\"\"\n\"\"\"\"\(s)上海\(s)\\N\r\n"
            + String(repeating: "4\(s)plain\(s)z\n", count: 5) + "5\(s)\"end\"\(s)no newline\r"
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = try whole(text, separator: s, skip: 2)
        #expect(expected.count == 10)
        #expect(expected[0].line == 4 && expected[0].fields == ["1", "q:a \"quoted\" one", "x"])
        #expect(expected[1].fields == ["2", "q:multi\nline\r\nfield", ""])
        for chunk in [1, 2, 3, 5, 8, 13, 64, 4096] {
            let got = try chunked(path, separator: s, skip: 2, chunk: chunk)
            #expect(got.map(\.line) == expected.map(\.line), "chunk \(chunk)")
            #expect(got.map(\.fields) == expected.map(\.fields), "chunk \(chunk)")
        }
    }

    @Test func problemsNameTheLineWhateverTheChunkSize() throws {
        let unterminated = try file("1,a\n2,\"never closed\n3,b\n")
        let textAfter = try file("1,a\n2,\"x\"y,3\n")
        defer { for p in [unterminated, textAfter] { try? FileManager.default.removeItem(atPath: p) } }
        for chunk in [1, 4, 1024] {
            #expect(throws: CSVReader.Problem.unterminatedQuote(line: 2)) { try chunked(unterminated, separator: ",", skip: 0, chunk: chunk) }
            #expect(throws: CSVReader.Problem.textAfterQuote(line: 2)) { try chunked(textAfter, separator: ",", skip: 0, chunk: chunk) }
        }
    }

    @Test func aRecordLongerThanTheLimitFailsInsteadOfFillingMemory() throws {
        let path = try file("1,ok\n2,\"" + String(repeating: "x", count: 10_000) + "\n3,ok\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CSVReader.Problem.recordTooLong(line: 2, limit: 4096)) {
            try chunked(path, separator: ",", skip: 0, chunk: 100, maxRecord: 4096)
        }
        // Blank lines and skipped lines do not count as one long record.
        let blanks = try file(String(repeating: "\n", count: 10_000) + "1,a\n")
        defer { try? FileManager.default.removeItem(atPath: blanks) }
        #expect(try chunked(blanks, separator: ",", skip: 3, chunk: 16, maxRecord: 64).map(\.fields) == [["1", "a"]])
    }
}
