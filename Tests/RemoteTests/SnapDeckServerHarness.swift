import Engine
import Foundation
import Logging
import Remote
import Server

/// A `MySQLServer` in this process on a one-backend cluster in a temporary directory, on a
/// free port of 127.0.0.1.
final class SnapDeckServerHarness {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-remote-\(UUID())").path
    let cluster: Cluster
    let server: MySQLServer
    let port: Int
    private var running = true

    init() throws {
        cluster = try Cluster.open(path: path, backends: 1)
        server = MySQLServer(
            cluster: cluster, configuration: .init(host: "127.0.0.1", port: 0), logger: Logger(label: "remote-tests") { _ in SwiftLogNoOpLogHandler() })
        port = try server.start().port
    }

    deinit {
        stop()
        cluster.close()
        // A temporary directory left behind costs nothing but disk; nothing to report.
        try? FileManager.default.removeItem(atPath: path)
    }

    func endpoint(user: String = "root", password: String = "", database: String? = nil) -> Endpoint {
        Endpoint(host: "127.0.0.1", port: port, user: user, password: password, database: database)
    }

    func connect(user: String = "root", password: String = "", database: String? = nil) throws -> MySQLConnection {
        try MySQLConnection.connect(to: endpoint(user: user, password: password, database: database))
    }

    /// Stops listening and ends every session, as a server going down would.
    func stop() {
        guard running else { return }
        running = false
        server.shutdown()
    }
}
