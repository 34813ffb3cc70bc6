import ArgumentParser
import Engine
import Foundation

/// `snapdeck` / `snapdeck tui`: the dashboard on a data directory.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Open the dashboard (the default command).")

    @OptionGroup var options: ClusterOptions

    func run() throws {
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
