import Essentials
import Foundation
import Glibc
import Logging

/// A swift-log handler appending lines to `log/snapdeck.log`: the engine never writes to the
/// terminal, which belongs to the dashboard or the SQL client.
public struct FileLogHandler: LogHandler {
    private final class Sink: @unchecked Sendable {
        let fd: Int32
        let lock = NSLock()
        init(path: String) {
            fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        }
        deinit { if fd >= 0 { close(fd) } }
        func write(_ line: String) {
            guard fd >= 0 else { return }
            let bytes = Array(line.utf8)
            // A log line that cannot be written has nowhere better to go: the terminal belongs
            // to the dashboard or the SQL client, and the engine's work must not stop for it.
            lock.withLock { _ = POSIXFile.writeAll(fd, bytes, bytes.count) }
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
        let time = LocalTime(epoch: Date().timeIntervalSince1970, utcOffset: 0).iso8601
        sink.write("\(time) \(event.level) \(event.message)\n")
    }
}
