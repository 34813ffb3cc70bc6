import Foundation
import MySQLWire
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A MySQL-protocol client session over SwiftNIO: text queries, ping and quit, with
/// `mysql_native_password` login. Works against SnapDeck, Doris and StarRocks FEs, MariaDB and
/// MySQL (users with native passwords).
///
/// Calls block the calling thread and must not be made on an event loop. The owner serializes
/// them; a lock also keeps two calls from interleaving. `close()` may come from another thread
/// while a query waits: the query then fails as a lost connection.
public final class MySQLConnection: SQLConnection {
    public let serverVersion: String
    public let connectionId: UInt32
    /// The capabilities both sides agreed on at login.
    public let capabilities: CapabilityFlags

    private struct State {
        var isOpen = true
        var queryTimeout: Double = 60
    }

    private let channel: Channel
    private let inbox: PacketInbox
    private let state = NIOLockedValueBox(State())
    private let commandLock = NIOLock()

    private init(channel: Channel, inbox: PacketInbox, login: Login.Outcome) {
        self.channel = channel
        self.inbox = inbox
        serverVersion = login.handshake.serverVersion
        connectionId = login.handshake.connectionID
        capabilities = login.capabilities
    }

    deinit {
        close()
    }

    /// Seconds a command may wait for the server's answer before the connection is given up
    /// (the protocol's state is unknown after that, so it is closed). 60 by default.
    public var queryTimeout: Double {
        get { state.withLockedValue { $0.queryTimeout } }
        set { state.withLockedValue { $0.queryTimeout = newValue } }
    }

    /// Whether commands can still be sent: not closed by either side.
    public var isOpen: Bool {
        state.withLockedValue { $0.isOpen } && channel.isActive
    }

    /// Connects and logs in; `timeout` bounds the TCP connect and the login together.
    /// Blocks the calling thread, which must not be an event loop.
    public static func connect(
        to endpoint: Endpoint, timeout: Double = 10, group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws(RemoteError) -> MySQLConnection {
        let deadline = Date(timeIntervalSinceNow: timeout)
        let inbox = PacketInbox()
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(Int64(max(0.001, timeout) * 1e9)))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = PacketInboxHandler(inbox: inbox, maxPayloadLength: Login.maxPayloadLength)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let channel: Channel
        do {
            channel = try bootstrap.connect(host: endpoint.host, port: endpoint.port).wait()
        } catch {
            throw .connectFailure(error, endpoint: endpoint)
        }
        var login = Login(endpoint: endpoint, exchange: Exchange(channel: channel, inbox: inbox, deadline: deadline))
        do {
            let outcome = try login.run()
            return MySQLConnection(channel: channel, inbox: inbox, login: outcome)
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    /// Runs one statement (COM_QUERY) and answers its result: the rows of a result set, NULL
    /// as nil, or an OK's counts. When the reply holds several results (a multi-statement
    /// text or a procedure), all are read and the last one is answered.
    ///
    /// Throws `.server` for an ERR (the session goes on), `.timeout` after `queryTimeout`
    /// seconds without the whole reply, `.lost` when the connection broke or the bytes were
    /// not the protocol (both close the connection; later calls get 2006).
    public func query(_ sql: String) throws(RemoteError) -> RemoteResult {
        try command(.query(sql)) { exchange throws(RemoteError) in
            var collector = ReplyCollector(capabilities: capabilities)
            while true {
                let packet = try receive(&exchange)
                let outcome: ReplyCollector.Outcome
                do {
                    outcome = try collector.consume(packet.payload)
                } catch {
                    throw abandon(.lostDuringQuery(String(describing: error)))
                }
                switch outcome {
                case .needMore: continue
                case .finished: return collector.last ?? RemoteResult()
                case .failed(let err): throw .server(err)
                case .declineLocalFile: exchange.send([])
                }
            }
        }
    }

    /// COM_PING: checks that the server still answers.
    public func ping() throws(RemoteError) {
        try command(.ping) { exchange throws(RemoteError) in
            let packet = try receive(&exchange)
            switch packet.payload.first {
            case OKPacket.header:
                return
            case ErrPacket.header:
                // An ERR that does not decode is not the protocol: why it failed adds nothing.
                guard let err = try? ErrPacket.decode(packet.payload) else {
                    throw abandon(.lostDuringQuery("malformed error packet"))
                }
                throw .server(err)
            default:
                throw abandon(.lostDuringQuery("unexpected answer to COM_PING"))
            }
        }
    }

    /// Sends COM_QUIT and closes the socket. Safe to call more than once.
    public func close() {
        let wasOpen = state.withLockedValue { state in
            defer { state.isOpen = false }
            return state.isOpen
        }
        guard wasOpen else { return }
        let channel = self.channel
        let quit = PacketFramer.frame(ClientCommand.quit.encode(), sequenceID: 0)
        channel.writeAndFlush(ByteBuffer(bytes: quit)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// Sends `command` at sequence 0 and lets `read` take the reply, one command at a time.
    private func command<T>(
        _ command: ClientCommand, _ read: (inout Exchange) throws(RemoteError) -> T
    ) throws(RemoteError) -> T {
        commandLock.lock()
        defer { commandLock.unlock() }
        let timeout = state.withLockedValue { $0.isOpen ? $0.queryTimeout : nil }
        // A socket the server already closed (it restarted since the last command) is gone
        // away too: nothing is sent, so the caller may safely send the command on a new one.
        guard let timeout, channel.isActive else {
            close()
            throw .goneAway
        }
        guard !inbox.hasUnreadPackets else {
            throw abandon(.lostDuringQuery("the server sent packets no command asked for"))
        }
        var exchange = Exchange(channel: channel, inbox: inbox, deadline: Date(timeIntervalSinceNow: timeout))
        exchange.send(command.encode())
        return try read(&exchange)
    }

    private func receive(_ exchange: inout Exchange) throws(RemoteError) -> Packet {
        do {
            return try exchange.receive()
        } catch .timedOut {
            throw abandon(.queryTimedOut(seconds: queryTimeout))
        } catch {
            throw abandon(.lostDuringQuery(String(describing: error)))
        }
    }

    /// Closes the connection after a failure that leaves the protocol's state unknown.
    private func abandon(_ error: RemoteError) -> RemoteError {
        state.withLockedValue { $0.isOpen = false }
        channel.close(promise: nil)
        return error
    }
}
