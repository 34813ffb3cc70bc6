import CSupport
import Essentials
import Foundation
import Glibc

/// A file-system failure with the path and the system's reason, e.g.
/// `cannot write /x/y.dat: No space left on device`.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32
    public var description: String {
        "cannot \(operation) \(path): \(POSIXFile.reason(code))"
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
        let folder = POSIXFile.parent(of: path)
        try makeDirectories(folder)
        // A fixed name: one process owns a data directory, and clean-up knows where to look.
        let temporary = DurableFile.temporaryName(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError("create", temporary) }
        let writeFailure = POSIXFile.writeAll(fd, bytes.baseAddress, bytes.count)
        guard writeFailure == 0 else {
            close(fd)
            unlink(temporary)
            throw FileError("write", temporary, code: writeFailure)
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

    /// Removes a file and its staging copy, if either exists; the first failure, if any.
    @discardableResult
    public static func removeWithStaging(_ path: String) -> FileError? {
        let file = remove(path)
        let staging = remove(temporaryName(for: path))
        return file ?? staging
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
        do throws(POSIXFile.Errno) {
            try POSIXFile.makeDirectories(path)
        } catch {
            throw FileError("create directory", error.path, code: error.code)
        }
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
        guard size > 0 else { return [] }
        let count = bytes.withUnsafeMutableBytes { POSIXFile.readFull(fd, $0.baseAddress!, size) }
        guard count >= 0 else { throw FileError("read", path) }
        if count < size { bytes.removeLast(size - count) }
        return bytes
    }

    /// Removes a file or a folder tree; a missing path is fine. Returns the failure: callers
    /// that must not lose track of the path (the garbage list) keep it for another try.
    @discardableResult
    public static func remove(_ path: String) -> FileError? {
        do throws(POSIXFile.Errno) {
            try POSIXFile.removeTree(path)
            return nil
        } catch {
            return FileError("remove", error.path, code: error.code)
        }
    }
}
