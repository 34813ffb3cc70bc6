import Dispatch
import Engine
import Logging
import NIOCore

/// The NIO side of one client connection: bytes in, bytes out, and the idle timer.
///
/// Protocol work happens in `ServerConnection` on the connection's own serial queue, so a slow
/// statement never holds an event loop; replies go back in the order the commands came.
/// Mutable state is touched on the channel's event loop only.
final class ConnectionHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let cluster: Cluster
    private let registry: ConnectionRegistry
    private let connectionLimit: Int
    private let logger: Logger
    private var connection: ServerConnection?
    private var queue: DispatchQueue?
    /// Commands handed to the queue and not yet answered: the idle clock runs only at zero.
    private var pending = 0
    private var idleTimer: Scheduled<Void>?

    init(cluster: Cluster, registry: ConnectionRegistry, connectionLimit: Int, logger: Logger) {
        self.cluster = cluster
        self.registry = registry
        self.connectionLimit = connectionLimit
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        let peer = channel.remoteAddress?.ipAddress ?? "unknown"
        guard let id = registry.admit(limit: connectionLimit) else {
            logger.warning("refused a connection from \(peer): \(connectionLimit) connections are open")
            let refusal = ServerConnection.tooManyConnections()
            context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(bytes: refusal))).whenComplete { _ in
                channel.close(promise: nil)
            }
            return
        }
        let connection = ServerConnection(cluster: cluster, connectionId: id, peer: peer, logger: logger)
        let queue = DispatchQueue(label: "snapdeck.connection.\(id)")
        self.connection = connection
        self.queue = queue
        registry.register(id, channel: channel, queue: queue, connection: connection)
        let greeting = connection.greeting()
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(bytes: greeting)), promise: nil)
        armIdleTimer(channel: channel)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let connection, let queue else { return }
        var buffer = unwrapInboundIn(data)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        let channel = context.channel
        idleTimer?.cancel()
        // A ping or a session statement is answered here: two thread hops would cost more
        // than the statement, and it waits for no other session.
        if pending == 0, connection.answersAtOnce(bytes) {
            let reply = connection.receive(bytes)
            context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(bytes: reply.bytes)), promise: nil)
            armIdleTimer(channel: channel)
            return
        }
        pending += 1
        queue.async {
            let reply = connection.receive(bytes)
            channel.eventLoop.execute {
                self.pending -= 1
                if !reply.bytes.isEmpty {
                    channel.writeAndFlush(channel.allocator.buffer(bytes: reply.bytes), promise: nil)
                }
                if reply.close {
                    channel.close(promise: nil)
                } else if self.pending == 0 {
                    self.armIdleTimer(channel: channel)
                }
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The client shut its sending side: answer what it already sent, then close.
        if let event = event as? ChannelEvent, event == .inputClosed, let queue {
            let channel = context.channel
            queue.async { channel.eventLoop.execute { channel.close(promise: nil) } }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        if let connection {
            registry.remove(connection.connectionId)
            connection.ended()
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A reset by the peer or a failed write: this connection is over, the others are not.
        logger.debug("connection \(connection?.connectionId ?? 0): \(error)")
        context.close(promise: nil)
    }

    /// Ends the session with MySQL's inactivity error once it has been idle for its
    /// `wait_timeout` (`interactive_timeout` for interactive clients).
    private func armIdleTimer(channel: Channel) {
        guard let connection else { return }
        let seconds = connection.idleTimeoutSeconds
        idleTimer = channel.eventLoop.scheduleTask(in: .seconds(seconds)) { [weak self] in
            guard let self, self.pending == 0 else { return }
            self.logger.info("connection \(connection.connectionId) closed after \(seconds) s idle")
            let farewell = connection.idleFarewell()
            channel.writeAndFlush(channel.allocator.buffer(bytes: farewell)).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }
}
