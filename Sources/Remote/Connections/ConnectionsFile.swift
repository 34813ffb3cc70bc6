import Foundation

/// Why the connections file cannot be used. Never carries a saved value.
public enum ConnectionsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax(file: String, line: Int, String)
    /// Group or others may read it: refused like ssh refuses a private key.
    case tooOpen(file: String, mode: UInt16)
    case io(file: String, String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let why):
            "\(file):\(line): \(why)"
        case .tooOpen(let file, let mode):
            "Permissions \(String(format: "%04o", mode)) for '\(file)' are too open: it may hold passwords, so it must be"
                + " readable by you alone. Run: chmod 600 \(file)"
        case .io(let file, let why):
            "\(file): \(why)"
        }
    }
}

/// The saved connections, `$XDG_CONFIG_HOME/snapdeck/connections.toml` (by default
/// `~/.config/snapdeck/connections.toml`): read only when no one but its owner can read it,
/// written atomically with mode 0600 in a directory of mode 0700.
public struct ConnectionsFile: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The file named by `environment` (`XDG_CONFIG_HOME`, else `HOME`).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConnectionsFile {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return ConnectionsFile(path: config + "/snapdeck/connections.toml")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return ConnectionsFile(path: home + "/.config/snapdeck/connections.toml")
    }

    /// Every saved connection; none when the file does not exist.
    public func load() throws(ConnectionsFileError) -> [SavedConnection] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return [] }
            throw .io(file: path, String(cString: strerror(errno)))
        }
        let mode = UInt16(info.st_mode & 0o7777)
        guard mode & 0o077 == 0 else { throw .tooOpen(file: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(file: path, "cannot be read")
        }
        return try ConnectionsFileFormat.parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// The saved connection named `name`, or nil.
    public func connection(named name: String) throws(ConnectionsFileError) -> SavedConnection? {
        try load().first { $0.name == name }
    }

    /// Replaces the file with `connections`: written to a temporary file of mode 0600 beside
    /// it, flushed, then renamed over it, so a crash leaves the old file or the new one.
    public func save(_ connections: [SavedConnection]) throws(ConnectionsFileError) {
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolder(folder)
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(file: temporary, String(cString: strerror(errno))) }
        let bytes = Array(ConnectionsFileFormat.render(connections).utf8)
        // fchmod: a leftover temporary file of an older run may have had another mode.
        let written = fchmod(fd, 0o600) == 0 && bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
            && fsync(fd) == 0
        let failure = errno
        close(fd)
        guard written, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(written ? errno : failure))
            unlink(temporary)
            throw .io(file: path, reason)
        }
    }

    /// Creates the folder (mode 0700) and its missing parents (default mode).
    private func makeFolder(_ folder: String) throws(ConnectionsFileError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = (folder as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(file: parent, error.localizedDescription)
        }
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
            throw .io(file: folder, String(cString: strerror(errno)))
        }
    }
}
