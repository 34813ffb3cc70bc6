import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private MariaDB server for one test: a data directory made by `mariadb-install-db` in a
/// temporary directory, `mariadbd` on 127.0.0.1 and a free port, its socket in that directory,
/// and the user `snap`@`%` with the `mysql_native_password` password `pw` (root has no
/// password and logs in over the socket only). Killed and deleted when released.
///
/// Needs the `mariadb-server` and `mariadb-client` packages (Scripts/install-deps.sh);
/// `SNAPDECK_MARIADBD` names another server binary.
public final class MariaDBServer: @unchecked Sendable {
    public let port: Int
    public let user = "snap"
    public let password = "pw"
    public let directory: String
    private let process: ChildProcess

    public static var serverBinary: String {
        ProcessInfo.processInfo.environment["SNAPDECK_MARIADBD"] ?? "/usr/sbin/mariadbd"
    }
    static let installer = "/usr/bin/mariadb-install-db"
    static let client = "/usr/bin/mariadb"

    public var socketPath: String { directory + "/mariadb.sock" }

    public init() throws {
        for binary in [Self.serverBinary, Self.installer, Self.client] where !FileManager.default.isExecutableFile(atPath: binary) {
            throw TestServerError(
                "\(binary) not found: the MariaDB tests need mariadb-server and mariadb-client (Scripts/install-deps.sh installs them)")
        }
        directory = NSTemporaryDirectory() + "snapdeck-mariadb-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let owner = Self.currentUserName()
        let install = try ChildProcess.run(Self.installer, [
            "--no-defaults", "--datadir=\(directory)/data", "--user=\(owner)",
            "--auth-root-authentication-method=normal", "--skip-test-db",
        ])
        guard install.status == 0 else {
            throw TestServerError("mariadb-install-db failed (\(install.status)): \(install.stdout) \(install.stderr)")
        }
        port = try S3TestServer.freePort()
        // `--user` lets mariadbd run as root, which it otherwise refuses; for anyone else it is
        // their own name and changes nothing.
        process = try ChildProcess(Self.serverBinary, [
            "--no-defaults", "--datadir=\(directory)/data", "--user=\(owner)", "--port=\(port)",
            "--bind-address=127.0.0.1", "--socket=\(directory)/mariadb.sock", "--pid-file=\(directory)/mariadb.pid",
            "--log-error=\(directory)/error.log", "--skip-log-bin", "--innodb-buffer-pool-size=16M",
        ])
        try waitUntilAccepting(seconds: 120)
        try rootSQL("CREATE USER '\(user)'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('\(password)')")
    }

    deinit {
        process.signal(SIGKILL)
        process.wait()
        // Only temporary files: a directory left behind is harmless.
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs SQL as root over the unix socket with the `mariadb` client; answers its output.
    @discardableResult
    public func rootSQL(_ sql: String) throws -> String {
        let output = try ChildProcess.run(Self.client, ["--no-defaults", "--socket=\(socketPath)", "-uroot", "--batch", "-e", sql])
        guard output.status == 0 else { throw TestServerError("mariadb -e \(sql) failed: \(output.stderr)") }
        return output.stdout
    }

    private func waitUntilAccepting(seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !S3TestServer.accepts(port) {
            if process.hasExited || Date() > deadline {
                process.signal(SIGKILL)
                // The log only adds detail to the error thrown; without it the error still stands.
                let log = (try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? ""
                throw TestServerError("mariadbd did not start on port \(port): \(process.stderr) \(log.suffix(2000))")
            }
            usleep(20_000)
        }
    }

    private static func currentUserName() -> String {
        guard let entry = getpwuid(geteuid()) else { return "root" }
        return String(cString: entry.pointee.pw_name)
    }
}
