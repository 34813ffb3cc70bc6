import Glibc

/// The file system calls that the data directory's files (Storage) and local repositories
/// (Repository) share: retried on EINTR, failing with the `errno` code, which each module turns
/// into its own error type.
public enum POSIXFile {
    /// An `errno` value carried as an error, with the path whose call failed (for `mkdir -p`
    /// and `rm -rf`, the one part of the tree that did).
    public struct Errno: Error, Sendable {
        public var code: Int32
        public var path: String
        public init(_ code: Int32, path: String) {
            self.code = code
            self.path = path
        }
    }

    /// The system's text for an `errno` code, e.g. `No space left on device`.
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Reads until `count` bytes or end of file, from the file's position or, with `offset`,
    /// from there (pread, leaving the position alone); returns the bytes read, or -1 with
    /// `errno` set.
    public static func readFull(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, offset: Int? = nil) -> Int {
        var done = 0
        while done < count {
            let n = offset.map { pread(fd, buffer + done, count - done, off_t($0 + done)) } ?? read(fd, buffer + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// One read of at most `count` bytes (0 at the end of the file, or of a terminal's input),
    /// retried when a signal interrupts it; -1 with `errno` set on failure.
    public static func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            let n = read(fd, buffer, count)
            if n >= 0 || errno != EINTR { return n }
        }
    }

    /// Writes all `count` bytes; returns 0 or the `errno` of the failure.
    public static func writeAll(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int32 {
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

    /// Everything before the last `/` (`""` when there is none, `/` for `/x`).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// True for a folder, or a symbolic link to one.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// `mkdir -p`: creates `path` and its missing parents. Throws the `errno` of the first
    /// failure; a folder that another thread or process creates meanwhile is no failure.
    public static func makeDirectories(_ path: String) throws(Errno) {
        if path.isEmpty || path == "/" || isDirectory(path) { return }
        try makeDirectories(parent(of: path))
        if mkdir(path, 0o755) != 0 {
            let code = errno
            if code == EEXIST, isDirectory(path) { return }
            throw Errno(code, path: path)
        }
    }

    /// The names in a folder, without `.` and `..`.
    public static func entries(of folder: String) -> Result<[String], Errno> {
        guard let dir = opendir(folder) else { return .failure(Errno(errno, path: folder)) }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return .failure(Errno(errno, path: folder)) }
                return .success(names)
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }
}

extension POSIXFile {
    /// Removes a file, or a folder and everything in it (`rm -rf`, links not followed). A path
    /// that is missing, vanishes meanwhile or cannot exist (a file stands where a folder of it
    /// would) is no failure.
    public static func removeTree(_ path: String) throws(Errno) {
        func isAbsence(_ code: Int32) -> Bool { code == ENOENT || code == ENOTDIR }
        var st = stat()
        if lstat(path, &st) != 0 {
            if isAbsence(errno) { return }
            throw Errno(errno, path: path)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            switch entries(of: path) {
            case .success(let names):
                for name in names { try removeTree(path + "/" + name) }
            case .failure(let error) where isAbsence(error.code):
                return
            case .failure(let error):
                throw error
            }
            if rmdir(path) != 0, !isAbsence(errno) { throw Errno(errno, path: path) }
        } else if unlink(path) != 0, !isAbsence(errno) {
            throw Errno(errno, path: path)
        }
    }
}
