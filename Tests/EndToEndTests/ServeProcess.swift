import Foundation
import TestSupport

/// `snapdeck serve` in a child process on a free port, and the real clients the tests connect
/// with: the MariaDB `mysql` client and, through `Clients/mysql_clients.py`, pymysql and
/// mysql-connector-python from the test virtualenv (`SNAPDECK_TEST_PYTHON` names another
/// interpreter).
final class ServeProcess {
    let dataDirectory: String
    private(set) var port = 0
    private(set) var child: ChildProcess
    private let extraArguments: [String]

    init(dataDirectory: String = SnapDeckProcess.temporaryDirectory(), arguments: [String] = []) throws {
        self.dataDirectory = dataDirectory
        extraArguments = arguments
        child = try Self.launch(dataDirectory, port: 0, arguments)
        port = try Self.boundPort(of: child)
    }

    deinit {
        if !child.hasExited {
            child.signal(SIGKILL)
            _ = child.wait()
        }
    }

    private static func launch(_ data: String, port: Int, _ arguments: [String]) throws -> ChildProcess {
        try SnapDeckProcess.start(["serve", "--data", data, "--port", String(port)] + arguments)
    }

    /// Waits for the one line the server prints once it listens, and reads the port from it.
    private static func boundPort(of child: ChildProcess) throws -> Int {
        var port: Int?
        let listening = SnapDeckProcess.poll(seconds: 120) {
            guard let line = child.stdout.split(separator: "\n").first(where: { $0.contains(" on 127.0.0.1:") }),
                  let tail = line.components(separatedBy: " on 127.0.0.1:").last
            else { return child.hasExited }
            port = Int(tail.prefix { $0.isNumber })
            return true
        }
        guard listening, let port else {
            throw TestServerError("snapdeck serve did not start: \(child.stdout) \(child.stderr)")
        }
        return port
    }

    /// Sends `signal` and waits for the exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) -> Int32 {
        child.signal(signal)
        return child.wait()
    }

    /// Starts the server again on the same data directory and port.
    func restart() throws {
        child = try Self.launch(dataDirectory, port: port, extraArguments)
        _ = try Self.boundPort(of: child)
    }

    /// Runs the `mysql` client against the server.
    func mysql(_ arguments: [String], user: String = "root", password: String? = nil, stdin: String? = nil) throws -> ChildProcess.Output {
        var all = ["-h", "127.0.0.1", "-P", String(port), "--protocol=TCP", "-u", user]
        if let password { all.append("-p" + password) }
        return try ChildProcess.run("/usr/bin/mysql", all + arguments, stdin: stdin)
    }

    /// Runs one scenario of `Clients/mysql_clients.py` and answers its JSON report.
    func client(_ scenario: String, _ arguments: [String] = []) throws -> [String: Any] {
        let output = try ChildProcess.run(Self.python, [Self.clientsScript, scenario, "--port", String(port)] + arguments)
        guard output.status == 0,
              let line = output.stdout.split(separator: "\n").last,
              let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            throw TestServerError("\(scenario) failed (\(output.status)): \(output.stdout) \(output.stderr)")
        }
        return object
    }

    static var python: String {
        if let path = ProcessInfo.processInfo.environment["SNAPDECK_TEST_PYTHON"] { return path }
        return S3TestServer.binary.replacingOccurrences(of: "/bin/nanio", with: "/bin/python")
    }

    static var clientsScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Clients/mysql_clients.py").path
    }
}
