import Console
import Foundation
import Remote

/// The dashboard on a MySQL-protocol FE (`snapdeck tui -h HOST …` or a saved connection).
enum RemoteDashboard {
    /// Seconds a connection attempt may take before the server counts as unreachable.
    static let connectTimeout = 5.0
    /// Seconds a dashboard read may take; a slower answer counts as a lost connection.
    static let readTimeout = 30.0

    /// Connects once first, so a wrong password or an unknown database ends here with the
    /// mysql client's message instead of a dashboard retrying forever; then opens the dashboard.
    @MainActor
    static func open(_ endpoint: Endpoint) throws -> Never {
        do {
            let probe = try connect(endpoint)
            probe.close()
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        }
        let source = RemoteClusterSource(endpoint: endpoint, utcOffset: TimeZone.current.secondsFromGMT(), connector: connect)
        let runtime: DashboardRuntime
        do {
            runtime = try DashboardRuntime(source: source)
        } catch {
            FileHandle.standardError.write(Data("cannot open the dashboard: \(error)\n".utf8))
            Foundation.exit(1)
        }
        runtime.run()
    }

    @Sendable
    static func connect(_ endpoint: Endpoint) throws(RemoteError) -> any SQLConnection {
        let connection = try MySQLConnection.connect(to: endpoint, timeout: connectTimeout)
        connection.queryTimeout = readTimeout
        return connection
    }
}
