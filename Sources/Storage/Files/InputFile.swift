import CSupport
import Essentials
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a load cannot read a path: the system's error, or the path is not a regular file.
public enum InputFileError: Error, Sendable, CustomStringConvertible {
    case unreadable(FileError)
    /// `kind` says what the path is ("a FIFO", "a character device", ...); `target` is where
    /// a symbolic link leads.
    case notRegular(path: String, target: String?, kind: String)

    public var description: String {
        switch self {
        case .unreadable(let error): "\(error)"
        case .notRegular(let path, let target, let kind):
            if let target { "'\(path)' is a symbolic link to '\(target)', which is \(kind), not a regular file" }
            else { "'\(path)' is \(kind), not a regular file" }
        }
    }
}

/// A regular file opened to be read once, front to back, as LOAD DATA reads its input.
///
/// Opening refuses anything else before reading a byte: a FIFO or socket (reading waits for
/// a writer that may never come), a device (`/dev/zero` and `/dev/urandom` never end), a
/// directory, and the kernel's files under /proc and /sys, which stat as regular files of size
/// 0 yet produce bytes (`/proc/self/environ` is the process's secrets), recognised by their
/// file system's magic number. Symbolic links are followed and judged by what they lead to.
/// The path is checked with stat before it is opened, and opened with O_NONBLOCK, so a FIFO
/// swapped in between cannot block the open either; the opened file must be the one checked.
public final class InputFile {
    public let path: String
    private let fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// Opens `path` for reading if it is a regular file of an ordinary file system.
    public static func open(_ path: String) throws(InputFileError) -> InputFile {
        var checked = stat()
        guard stat(path, &checked) == 0 else { throw .unreadable(FileError("open", path)) }
        try requireRegular(checked, path: path)
        try requireOrdinary(snapdeck_file_system_type(path), path: path)
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(FileError("open", path)) }
        do throws(InputFileError) {
            var opened = stat()
            guard fstat(fd, &opened) == 0 else { throw .unreadable(FileError("stat", path)) }
            try requireRegular(opened, path: path)
            guard opened.st_dev == checked.st_dev, opened.st_ino == checked.st_ino else {
                throw .unreadable(FileError("open", path, code: ESTALE))
            }
            let type = snapdeck_file_system_type_of(fd)
            guard type >= 0 else { throw .unreadable(FileError("stat", path)) }
            try requireOrdinary(type, path: path)
        } catch {
            close(fd)
            throw error
        }
        // Blocking reads from here on (O_NONBLOCK means nothing to a regular file, but say so).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        return InputFile(path: path, fd: fd)
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let n = POSIXFile.readSome(fd, base, buffer.count)
        guard n >= 0 else { throw FileError("read", path) }
        return n
    }

    private static func requireRegular(_ info: stat, path: String) throws(InputFileError) {
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFIFO: kind = "a FIFO"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFDIR: kind = "a directory"
        case S_IFSOCK: kind = "a socket"
        default: kind = "a special file"
        }
        throw .notRegular(path: path, target: linkTarget(path), kind: kind)
    }

    /// The kernel's pseudo file systems (magic numbers from linux/magic.h): their files make
    /// up their contents when read and report a size of 0.
    private static let pseudoFileSystems: [Int64: String] = [
        0x9fa0: "/proc", 0x6265_6572: "/sys", 0x6462_6720: "debugfs", 0x7472_6163: "tracefs",
        0x7363_6673: "securityfs", 0x0027_e0eb: "cgroup", 0x6367_7270: "cgroup2", 0xcafe_4a11: "bpf",
        0x6265_6570: "configfs", 0xde5e_81e4: "efivarfs", 0x6165_676c: "pstore", 0x4249_4e4d: "binfmt_misc",
    ]

    private static func requireOrdinary(_ type: Int64, path: String) throws(InputFileError) {
        guard let name = pseudoFileSystems[type] else { return }
        throw .notRegular(path: path, target: linkTarget(path), kind: "a file of the kernel's \(name) file system")
    }

    /// Where `path` leads when it is a symbolic link (resolved all the way), else nil.
    private static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
