import Foundation
import Repository
#if canImport(Glibc)
import Glibc
#endif

/// A nanio S3 server (it checks every SigV4 signature) on 127.0.0.1 and a free port, for one
/// test. `Scripts/test.sh` installs it in `.venv-test`; `SNAPDECK_NANIO` names another binary.
public final class S3TestServer: @unchecked Sendable {
    public let port: Int
    public let accessKey = "snapdeck-test-key"
    public let secretKey = "snapdeck-test-secret/+1"
    public let dataDirectory: String
    private var process: ChildProcess?

    public var endpoint: String { "http://127.0.0.1:\(port)" }

    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["SNAPDECK_NANIO"] { return path }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent(".venv-test/bin/nanio").path
    }

    /// Starts the server and creates `bucket` on it.
    public init(bucket: String = "snapdeck") throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw TestServerError("nanio not found at \(Self.binary): run Scripts/test.sh, which installs it in .venv-test")
        }
        port = try Self.freePort()
        dataDirectory = NSTemporaryDirectory() + "snapdeck-nanio-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try start()
        try store(bucket: bucket, prefix: "").createBucket()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    /// Starts (or restarts, after `stop()`) the server on the same port and data.
    public func start() throws {
        removeStagingLeftovers()
        let child = try ChildProcess(Self.binary, [
            "serve", "--host", "127.0.0.1", "--port", String(port), "--data-dir", dataDirectory,
            "--no-access-log", "--log-level", "warning",
        ], environment: ["NANIO_ACCESS_KEY": accessKey, "NANIO_SECRET_KEY": secretKey])
        process = child
        let deadline = Date().addingTimeInterval(30)
        while !Self.accepts(port) {
            if child.hasExited || Date() > deadline {
                child.signal(SIGKILL)
                throw TestServerError("nanio did not start on port \(port): \(child.stderr)")
            }
            usleep(20_000)
        }
    }

    /// Does what a real S3 service's recovery does after a crash, which nanio does not: drops
    /// writes that never completed. nanio stages an object as `<folder>/.tmp.<uuid>` (which
    /// its listings then show) and its metadata sidecar as `.nanio-meta/<key>.json.tmp`, a
    /// fixed name it opens with O_EXCL. A SIGKILL between creating that sidecar and renaming
    /// it leaves the file, and every later PUT of the same key fails with HTTP 500 forever.
    private func removeStagingLeftovers() {
        guard let walker = FileManager.default.enumerator(atPath: dataDirectory) else { return }
        var leftovers: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let isSidecarStaging = relative.contains("/.nanio") && name.hasSuffix(".tmp")
            if name.hasPrefix(".tmp.") || isSidecarStaging { leftovers.append(relative) }
        }
        for relative in leftovers { try? FileManager.default.removeItem(atPath: dataDirectory + "/" + relative) }
    }

    /// Stops the server at once (SIGKILL: as if the machine behind it went away).
    public func stop() {
        process?.signal(SIGKILL)
        process?.wait()
        process = nil
    }

    public func location(bucket: String = "snapdeck", prefix: String, secretKey: String? = nil) throws -> S3Location {
        try S3Location(endpoint: endpoint, region: "us-east-1", bucket: bucket, prefix: prefix, pathStyle: true,
                       credentials: .init(accessKey: accessKey, secretKey: secretKey ?? self.secretKey))
    }

    public func store(bucket: String = "snapdeck", prefix: String, settings: S3Settings = S3Settings()) throws -> S3ObjectStore {
        S3ObjectStore(location: try location(bucket: bucket, prefix: prefix), settings: settings)
    }

    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { throw TestServerError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

public struct TestServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
