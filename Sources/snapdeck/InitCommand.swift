import ArgumentParser
import Engine
import Foundation

/// `snapdeck init`: creates a data directory with its backends.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a cluster data directory.")

    @OptionGroup var options: ClusterOptions

    @Option(name: .long, help: "Number of backends (storage nodes), 1 to 64; ids start at 10001.")
    var backends: Int = 3

    func validate() throws {
        guard (1...64).contains(backends) else { throw ValidationError("--backends must be between 1 and 64") }
    }

    func run() throws {
        let path = options.dataDirectory
        if FileManager.default.fileExists(atPath: path + "/meta.sqlite") {
            printError(SQLError.general("data directory \(path) already holds a cluster"))
            throw ExitCode(1)
        }
        let cluster = openCluster(path, backends: backends)
        let ids = cluster.catalog.sortedBackends.map { String($0.id) }.joined(separator: ", ")
        print("Initialized cluster in \(cluster.layout.root) with \(ids.isEmpty ? "no" : String(backends)) backends (\(ids)).")
    }
}
