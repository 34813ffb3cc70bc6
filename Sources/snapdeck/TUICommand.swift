import ArgumentParser
import Engine
import Foundation
import Remote

/// `snapdeck` / `snapdeck tui`: the dashboard on a data directory, or with `-h` or a saved
/// connection's name on a MySQL-protocol FE (snapdeck serve, Doris, StarRocks).
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Open the dashboard (the default command).",
        discussion: """
            With -h HOST (or a saved connection's name) the dashboard reads that server over the MySQL \
            protocol, like the mysql client: -P port (9030), -u user, -p asks for the password \
            ($MYSQL_PWD is used otherwise).
            """,
        helpNames: [.long])

    @OptionGroup var options: ClusterOptions
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        try connection.validate(against: options)
    }

    func run() throws {
        if let endpoint = try connection.resolvedEndpoint(user: options.explicitUser) {
            try MainActor.assumeIsolated { try RemoteDashboard.open(endpoint) }
        }
        let cluster = openCluster(options.dataDirectory)
        try MainActor.assumeIsolated { try Dashboard.open(cluster: cluster, user: options.user) }
    }
}

/// Starts the dashboard on an open cluster; returns only by exiting the process.
enum Dashboard {
    @MainActor
    static func open(cluster: Cluster, user: String) throws -> Never {
        do throws(SQLError) {
            _ = try cluster.reader(as: user)
        } catch {
            printError(error)
            throw ExitCode(1)
        }
        // Schedules fire while the dashboard is open; closing it stops them.
        cluster.startBackgroundWork()
        let runtime: DashboardRuntime
        do {
            runtime = try DashboardRuntime(source: EmbeddedClusterSource(cluster: cluster, user: user))
        } catch {
            printError(SQLError.general("cannot open the dashboard: \(error)"))
            throw ExitCode(1)
        }
        runtime.run()
    }
}
