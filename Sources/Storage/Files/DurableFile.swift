import CSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file-system failure with the path and the system's reason, e.g.
/// `cannot write /x/y.dat: No space left on device`.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32
    public var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(code)))"
    }
    public init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }
}

/// Crash-safe file writes: write to a temporary name, fsync, rename into place, fsync the
/// folder. A reader never sees a half-written file under its final name.
public enum DurableFile {
    /// Writes `bytes` to `path` atomically, creating parent folders; durably (fsync of the
    /// file and its folder) unless `durable` is false.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String, durable: Bool = true) throws(FileError) {
        let folder = (path as NSString).deletingLastPathComponent
        try makeDirectories(folder)
        // A fixed name: one process owns a data directory, and clean-up knows where to look.
        let temporary = DurableFile.temporaryName(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError("create", temporary) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                let error = FileError("write", temporary)
                close(fd)
                unlink(temporary)
                throw error
            }
            offset += n
        }
        guard !durable || fsync(fd) == 0 else {
            let error = FileError("fsync", temporary)
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = FileError("rename", temporary)
            unlink(temporary)
            throw error
        }
        if durable { try syncDirectory(folder) }
    }

    public static func write(_ data: [UInt8], to path: String, durable: Bool = true) throws(FileError) {
        let result: Result<Void, FileError> = data.withUnsafeBytes { buffer in
            do throws(FileError) {
                try write(buffer, to: path, durable: durable)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Where `write` stages a file before renaming it to `path`.
    public static func temporaryName(for path: String) -> String { path + ".tmp" }

    /// Removes a file and its staging copy, if either exists.
    public static func removeWithStaging(_ path: String) {
        remove(path)
        remove(temporaryName(for: path))
    }

    /// fsyncs a folder so a rename or create inside it survives a crash.
    public static func syncDirectory(_ path: String) throws(FileError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError("open", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileError("fsync", path) }
    }

    /// Flushes the whole file system holding `path` (one call instead of an fsync per file).
    public static func syncFileSystem(_ path: String) throws(FileError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError("open", path) }
        defer { close(fd) }
        guard snapdeck_syncfs(fd) == 0 else { throw FileError("sync", path) }
    }

    /// `mkdir -p`, reporting the system's reason on failure.
    public static func makeDirectories(_ path: String) throws(FileError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw FileError("create directory", path) }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { throw FileError("create directory", path) }
        try makeDirectories(parent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileError("create directory", path) }
    }

    /// Reads a whole file.
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError("open", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError("stat", path) }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        let failure: Int32? = bytes.withUnsafeMutableBytes { buffer in
            while offset < size {
                let n = Glibc.read(fd, buffer.baseAddress! + offset, size - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { break }
                offset += n
            }
            return nil
        }
        if let failure { throw FileError("read", path, code: failure) }
        if offset < size { bytes.removeLast(size - offset) }
        return bytes
    }

    /// Removes a file or a folder tree; a missing path is fine.
    public static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
