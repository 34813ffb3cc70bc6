import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Free space on the file system holding a path, and the words for a full one.
enum DiskSpace {
    /// Below this many free bytes the catalog counts as on a full disk: SQLite needs room for
    /// its WAL files (the shared-memory index alone is 32 KiB) and for every page it writes.
    static let fullBelow: Int64 = 4 << 20

    /// Bytes an unprivileged writer may still use on the file system holding `path`.
    static func available(_ path: String) -> Int64? {
        var st = statvfs()
        guard statvfs(path, &st) == 0 else { return nil }
        return Int64(st.f_bavail) * Int64(st.f_frsize)
    }

    static func fullMessage(_ root: String, free: Int64) -> String {
        "the disk holding the data directory \(root) is full (\(free) bytes free): free some space there; until then only statements that read data run"
    }
}
