import Engine
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// `snapdeck serve`: the embedded cluster behind a MySQL-protocol listener, as a Doris FE.
///
/// One `ServerConnection` per client holds its session (user, database, variables); its
/// statements run on a serial queue of their own, off the event loop, so a long statement
/// delays only its own connection's later commands (the engine runs one statement at a time).
/// Jobs started by BACKUP or RESTORE run in the cluster and outlive the connection.
public final class MySQLServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 picks a free port (tests); `start()` answers the one bound.
        public var port: Int
        /// Connections past this get ERR 1040 instead of a handshake.
        public var maxConnections: Int

        public init(host: String = "127.0.0.1", port: Int = 9030, maxConnections: Int = 1024) {
            self.host = host
            self.port = port
            self.maxConnections = maxConnections
        }
    }

    let cluster: Cluster
    let configuration: Configuration
    let logger: Logger
    private let group: MultiThreadedEventLoopGroup
    private let registry = ConnectionRegistry()
    private var listener: Channel?

    public init(cluster: Cluster, configuration: Configuration, logger: Logger) {
        self.cluster = cluster
        self.configuration = configuration
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount))
    }

    /// Binds and starts accepting; answers the address actually bound.
    public func start() throws -> (host: String, port: Int) {
        let registry = self.registry
        let cluster = self.cluster
        let logger = self.logger
        let limit = configuration.maxConnections
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ConnectionHandler(
                        cluster: cluster, registry: registry, connectionLimit: limit, logger: logger)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let channel = try bootstrap.bind(host: configuration.host, port: configuration.port).wait()
        listener = channel
        return (configuration.host, channel.localAddress?.port ?? configuration.port)
    }

    /// Stops accepting, ends every session (a statement in flight finishes first) and stops
    /// the event loops. The cluster's jobs are the caller's to stop (`Cluster.close`).
    public func shutdown() {
        // Closing a listener that already failed, or loops already stopped, reports an error
        // that changes nothing about stopping: there is no data on this path to lose.
        try? listener?.close().wait()
        registry.closeAll()
        try? group.syncShutdownGracefully()
    }

    /// Why `host:port` cannot be listened on (taken, not an address of this machine), or nil.
    /// The probe socket is closed at once; the real listener binds in `start()`.
    public static func listenProblem(host: String, port: Int) -> String? {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }  // a loop that never ran: nothing to lose
        do {
            // With SO_REUSEADDR, as the real listener: a server restarted at once must not be
            // refused for its predecessor's connections still in TIME_WAIT.
            let probe = try ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).wait()
            try probe.close().wait()
            return nil
        } catch {
            return describe(error)
        }
    }

    /// A bind failure in words (`Address already in use`), not NIO's call description.
    public static func describe(_ error: Error) -> String {
        if let io = error as? IOError {
            return String(cString: strerror(io.errnoCode))
        }
        return "\(error)"
    }

}
