import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` and reaped with `waitpid` on its own pid.
///
/// The tests do not use Foundation's `Process`: on Linux its `waitUntilExit` sometimes never
/// notices that a child has exited (seen with `tmux new-session -d`, whose client exits while
/// the server it forked lives on), which hung a whole test run. Output goes to files rather
/// than pipes, so a grandchild that inherits the descriptors cannot keep a reader waiting.
public final class ChildProcess: @unchecked Sendable {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let pid: pid_t
    private let folder: String
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable`. `stdin` is fed from a file holding the text (empty when nil), or
    /// from `stdinPath` (a FIFO, say) when given; `environment` entries are added to (or, with
    /// a nil value, removed from) this process's.
    public init(_ executable: String, _ arguments: [String], stdin: String? = nil, stdinPath: String? = nil,
                environment: [String: String?] = [:]) throws {
        folder = NSTemporaryDirectory() + "snapdeck-child-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: folder + "/stdin"))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? folder + "/stdin", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, folder + "/stdout", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, folder + "/stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // Children start with default signal handling and nothing blocked, whatever the
        // test runner set for itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            throw NSError(domain: "ChildProcess", code: Int(result),
                          userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable): \(String(cString: strerror(result)))"])
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            Glibc.kill(pid, SIGKILL)
            _ = wait()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs to completion and returns the exit status and output.
    public static func run(_ executable: String, _ arguments: [String], stdin: String? = nil,
                           environment: [String: String?] = [:]) throws -> Output {
        let child = try ChildProcess(executable, arguments, stdin: stdin, environment: environment)
        let status = child.wait()
        return Output(status: status, stdout: child.stdout, stderr: child.stderr)
    }

    /// Blocks until the child exits: its exit code, or 128 + the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        return code
    }

    /// Whether the child has exited (reaping it if so), without blocking.
    public var hasExited: Bool {
        lock.lock()
        defer { lock.unlock() }
        if exitStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return true
    }

    public func signal(_ signal: Int32) {
        if !hasExited { Glibc.kill(pid, signal) }
    }

    /// Output so far (complete once the child has exited).
    public var stdout: String { read("stdout") }
    public var stderr: String { read("stderr") }

    private func read(_ name: String) -> String {
        (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
    }
}
