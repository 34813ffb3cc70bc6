import Essentials
import Foundation
import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// The advisory lock that makes one process the owner of a data directory (SPEC §2).
/// Held for the life of the object; the kernel drops it when the process dies, even on kill -9.
final class DataDirectoryLock: @unchecked Sendable {
    private let fd: Int32

    init(path: String, directory: String) throws(SQLError) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SQLError.general("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            // The owner writes its PID just after locking; give it a moment to appear.
            let poll = RetryPolicy(attempts: 20, firstDelay: 0.05)
            var owner = ""
            var attempt = 0
            repeat {
                attempt += 1
                // A read for the message only: an owner not yet written shows as unknown.
                owner = (try? String(contentsOfFile: path, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                if !owner.isEmpty { break }
                poll.pause(after: attempt)
            } while poll.allowsRetry(after: attempt)
            close(fd)
            throw SQLError.general(
                "data directory \(directory) is in use by process \(owner.isEmpty ? "unknown" : owner)")
        }
        let pid = "\(getpid())\n"
        ftruncate(fd, 0)
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        fsync(fd)
    }

    deinit {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
