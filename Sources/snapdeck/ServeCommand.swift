import ArgumentParser
import Engine
import Foundation
import Logging
import Server

/// `snapdeck serve`: the embedded cluster as a Doris-like FE on the MySQL protocol.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the embedded cluster on the MySQL protocol (mysql -h 127.0.0.1 -P 9030 -uroot).")

    @Option(name: .long, help: "Data directory (default: $SNAPDECK_DATA, $XDG_DATA_HOME/snapdeck or ~/.local/share/snapdeck).")
    var data: String?

    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: Int = 9030

    @Option(name: .long, help: "Connections past this number get ERROR 1040 (Too many connections).")
    var maxConnections: Int = 1024

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
    }

    func run() throws {
        let directory = ClusterOptions.dataDirectory(data)
        // A port that is taken is reported before the data directory is opened (or created).
        if let problem = MySQLServer.listenProblem(host: host, port: port) {
            FileHandle.standardError.write(Data("ERROR: cannot listen on \(host):\(port): \(problem)\n".utf8))
            throw ExitCode(1)
        }
        let cluster = openCluster(directory)
        // Connections are logged to the cluster's log file and to stderr, where an operator
        // running the server in a terminal or under systemd sees them.
        let fileHandler = cluster.logger.handler
        let logger = Logger(label: "snapdeck.serve") { label in
            MultiplexLogHandler([fileHandler, StreamLogHandler.standardError(label: label)])
        }
        let server = MySQLServer(
            cluster: cluster,
            configuration: .init(host: host, port: port, maxConnections: maxConnections),
            logger: logger)
        let address: (host: String, port: Int)
        do {
            address = try server.start()
        } catch {
            cluster.close()
            FileHandle.standardError.write(Data("ERROR: cannot listen on \(host):\(port): \(MySQLServer.describe(error))\n".utf8))
            throw ExitCode(1)
        }
        // Schedules fire while the server runs (missed ones run once now).
        cluster.startBackgroundWork()
        let line = "SnapDeck serves \(directory) on \(address.host):\(address.port); connect with: mysql -h \(address.host) -P \(address.port) -uroot\n"
        FileHandle.standardOutput.write(Data(line.utf8))
        let signal = StopSignal.wait()
        logger.info("\(signal) received: stopping (running jobs reach a journalled state and resume at the next start)")
        server.shutdown()
        cluster.close()
        logger.info("stopped")
    }
}

/// Blocks until SIGTERM or SIGINT arrives and answers its name.
enum StopSignal {
    static func wait() -> String {
        let received = DispatchSemaphore(value: 0)
        let name = NameBox()
        var sources: [DispatchSourceSignal] = []
        for (number, text) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                name.set(text)
                received.signal()
            }
            source.resume()
            sources.append(source)
        }
        received.wait()
        sources.forEach { $0.cancel() }
        return name.value
    }

    private final class NameBox: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func set(_ value: String) { lock.withLock { if text.isEmpty { text = value } } }
        var value: String { lock.withLock { text } }
    }
}
