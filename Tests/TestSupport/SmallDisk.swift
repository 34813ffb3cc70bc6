import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs mounted for one test, to fill up or turn read-only: a real full or
/// read-only file system, not a fake. Mounting needs root with CAP_SYS_ADMIN; `isAvailable`
/// says whether this machine allows it, and tests that need one skip (saying so) where not.
public final class SmallDisk: @unchecked Sendable {
    public let path: String

    public init(megabytes: Int) throws {
        path = NSTemporaryDirectory() + "snapdeck-disk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mounted = try ChildProcess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path])
        guard mounted.status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw TestServerError("cannot mount a tmpfs at \(path): \(mounted.stderr)")
        }
    }

    deinit {
        _ = try? ChildProcess.run("/bin/umount", ["-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Whether a tmpfs can be mounted here (tried once per process).
    public static let isAvailable: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        return (try? SmallDisk(megabytes: 1)) != nil
    }()

    /// Changes the size or makes it read-only (or writable again), keeping what it holds.
    public func remount(megabytes: Int? = nil, readOnly: Bool = false) throws {
        var options = ["remount", readOnly ? "ro" : "rw"]
        if let megabytes { options.append("size=\(megabytes)m") }
        let result = try ChildProcess.run("/bin/mount", ["-o", options.joined(separator: ","), path])
        guard result.status == 0 else { throw TestServerError("cannot remount \(path): \(result.stderr)") }
    }

    /// Fills the disk with one file until no byte is left; returns that file's path.
    @discardableResult
    public func fill() -> String {
        let filler = path + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0xA5, count: 64 << 10)
        var size = chunk.count
        while size > 0 {
            if chunk.withUnsafeBytes({ write(fd, $0.baseAddress, size) }) < 0 { size /= 2 }
        }
        return filler
    }

    public var freeBytes: Int64 {
        var st = statvfs()
        guard statvfs(path, &st) == 0 else { return -1 }
        return Int64(st.f_bavail) * Int64(st.f_frsize)
    }
}
