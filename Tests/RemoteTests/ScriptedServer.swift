import MySQLWire
import NIOCore
import NIOPosix

/// A fake MySQL server on 127.0.0.1 for what a real one will not do on demand: it greets with
/// `handshake`, answers every login packet with `login(payload)` until it has sent an OK, then
/// each command with `answer(payload)`, sending nothing when that is nil (a server that hangs).
final class ScriptedServer: Sendable {
    typealias Script = @Sendable ([UInt8]) -> [[UInt8]]?

    let port: Int
    private let listener: Channel

    init(
        handshake: HandshakeV10 = HandshakeV10(connectionID: 42, salt: HandshakeV10.randomSalt()),
        login: @escaping Script = { _ in [OKPacket().encode()] },
        answer: @escaping Script
    ) throws {
        listener = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ScriptedConnection(handshake: handshake, login: login, answer: answer)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        port = listener.localAddress?.port ?? 0
    }

    deinit {
        listener.close(promise: nil)
    }
}

private final class ScriptedConnection: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let handshake: HandshakeV10
    private let login: ScriptedServer.Script
    private let answer: ScriptedServer.Script
    private var reassembler = PacketReassembler(maxPayloadLength: 1 << 30)
    private var loggedIn = false

    init(handshake: HandshakeV10, login: @escaping ScriptedServer.Script, answer: @escaping ScriptedServer.Script) {
        self.handshake = handshake
        self.login = login
        self.answer = answer
    }

    func channelActive(context: ChannelHandlerContext) {
        send([handshake.encode()], startingAt: 0, context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        reassembler.append(unwrapInboundIn(data).readableBytesView)
        // A test server: a stream it cannot cut is a bug in the client under test, which the
        // test then sees as no answer.
        while let packet = try? reassembler.nextPacket() {
            let reply = loggedIn ? answer(packet.payload) : login(packet.payload)
            guard let reply else { continue }
            if !loggedIn, reply.last?.first == OKPacket.header { loggedIn = true }
            send(reply, startingAt: packet.lastSequenceID &+ 1, context: context)
        }
    }

    private func send(_ payloads: [[UInt8]], startingAt sequenceID: UInt8, context: ChannelHandlerContext) {
        var sequence = SequenceCounter(next: sequenceID)
        let bytes = PacketFramer.frame(payloads, sequence: &sequence)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
    }
}
