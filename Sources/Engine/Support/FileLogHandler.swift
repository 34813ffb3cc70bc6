import Foundation
import Logging

/// A swift-log handler appending lines to `log/snapdeck.log`: the engine never writes to the
/// terminal, which belongs to the dashboard or the SQL client.
public struct FileLogHandler: LogHandler {
    private final class Sink: @unchecked Sendable {
        let handle: FileHandle?
        let lock = NSLock()
        init(path: String) {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
        }
        func write(_ line: String) {
            lock.withLock { try? handle?.write(contentsOf: Data(line.utf8)) }
        }
    }

    private let sink: Sink
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info

    public init(path: String) {
        sink = Sink(path: path)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let time = ISO8601DateFormatter().string(from: Date())
        sink.write("\(time) \(event.level) \(event.message)\n")
    }
}
