import CSupport
import Crypto
import Foundation
import Glibc

/// POSIX helpers for `LocalObjectStore`: EINTR-safe reads and writes, folder creation and
/// syncing, directory listing, and error texts that name the path and the system's reason.
enum FileIO {
    /// An `errno` value carried as an error.
    struct Errno: Error {
        var code: Int32
    }

    /// Reads until `count` bytes or end of file; returns the bytes read, or -1 with `errno` set.
    static func readFull(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        var done = 0
        while done < count {
            let n = read(fd, buffer + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Writes all `count` bytes; returns 0 or the `errno` of the failure.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int32 {
        guard let buffer else { return 0 }
        var done = 0
        while done < count {
            let n = write(fd, buffer + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return 0
    }

    /// Starts writing a file's dirty pages to disk and returns without waiting. Local transfers
    /// call it after every chunk: the disk then works while the copy goes on, and the syncfs
    /// before a commit marker finds little left to flush (a 1.28 GB backup spent ~0.4 s in that
    /// syncfs when nothing had been started). Best effort: a failure shows up in that syncfs.
    /// S3 downloads do not call it: there a writer waiting on a busy disk stalls the network
    /// stream, and a 200 MiB restore measured 0.36 s without against 0.45 s with it.
    static func startWriteback(_ fd: Int32) {
        _ = snapdeck_start_writeback(fd)
    }

    /// The error for a failed system call: `.accessDenied` for EACCES, EPERM and EROFS,
    /// `.noSpace` for ENOSPC and EDQUOT, `.io` otherwise.
    static func error(_ what: String, _ code: Int32) -> ObjectStoreError {
        let reason = String(cString: strerror(code))
        let kind: ObjectStoreError.Kind
        switch code {
        case EACCES, EPERM, EROFS: kind = .accessDenied
        case ENOSPC, EDQUOT: kind = .noSpace
        default: kind = .io
        }
        return ObjectStoreError(kind, "\(what): \(reason)")
    }

    /// A copy whose CRC32C is not the one recorded when the file was written.
    static func checksumMismatch(_ path: String, expected: UInt32, actual: UInt32) -> ObjectStoreError {
        ObjectStoreError(.checksumMismatch,
                         "checksum mismatch for \(path): expected crc32c \(hex32(expected)), actual \(hex32(actual))")
    }

    /// Everything before the last `/` (`""` when there is none, `/` for `/x`).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func isRegular(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFREG }
    static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && isDirectory(st)
    }

    /// `mkdir -p`.
    static func makeFolders(_ path: String) throws(ObjectStoreError) {
        if path.isEmpty || path == "/" || isDirectory(path) { return }
        try makeFolders(parent(of: path))
        if mkdir(path, 0o755) != 0 {
            let e = errno
            if e == EEXIST, isDirectory(path) { return }  // created concurrently
            throw error("cannot create folder \(path)", e)
        }
    }

    static func entries(of folder: String) -> Result<[String], Errno> {
        guard let dir = opendir(folder) else { return .failure(Errno(code: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return .failure(Errno(code: errno)) }
                return .success(names)
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Lower-case hex of a digest.
    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(table[Int(b >> 4)])
            out.append(table[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case hex MD5 of `bytes`.
    static func md5(_ bytes: [UInt8]) -> String {
        hex(Insecure.MD5.hash(data: bytes))
    }

    // MARK: - Files written beside their final name, then renamed over it

    static func createPart(for final: String) throws(ObjectStoreError) -> (Int32, String) {
        let part = final + ".part"
        var attempt = 0
        while true {
            try FileIO.makeFolders(FileIO.parent(of: final))
            let fd = open(part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(0o644))
            if fd >= 0 { return (fd, part) }
            let e = errno
            attempt += 1
            if e == ENOENT, attempt < 3 { continue }
            throw FileIO.error("cannot create \(part)", e)
        }
    }

    /// Removes the folders holding `path` while they are empty, up to (not including) the root.
    static func abandon(_ fd: Int32, _ part: String) {
        close(fd)
        unlink(part)
    }

    static func commit(_ fd: Int32, part: String, final: String) throws(ObjectStoreError) {
        if close(fd) != 0 {
            let e = errno
            unlink(part)
            throw FileIO.error("cannot close \(part)", e)
        }
        if rename(part, final) != 0 {
            let e = errno
            unlink(part)
            throw FileIO.error("cannot rename \(part) to \(final)", e)
        }
    }
}
