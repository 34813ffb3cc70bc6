import Foundation
import MySQLWire
import NIOCore

/// The payloads the server sent, handed from the event loop to the thread that waits for them.
///
/// The event loop appends; one caller at a time takes, blocking until a payload arrives, the
/// connection ends, or its deadline passes. `@unchecked Sendable`: every field is guarded by
/// `condition`.
final class PacketInbox: @unchecked Sendable {
    enum Ending: Sendable, Equatable {
        /// The peer closed the socket, or it failed (reason from the socket layer).
        case closed(String?)
        /// The bytes were not the protocol; the reassembler cannot resynchronise.
        case malformed(String)
    }

    enum Received: Sendable, Equatable {
        case packet(Packet)
        case ended(Ending)
        case timedOut
    }

    private let condition = NSCondition()
    private var packets: [Packet] = []
    private var firstUnread = 0
    private var ending: Ending?

    func deliver(_ packet: Packet) {
        condition.lock()
        packets.append(packet)
        condition.signal()
        condition.unlock()
    }

    /// Records why no more payloads will come; the first reason wins.
    func end(_ reason: Ending) {
        condition.lock()
        if ending == nil { ending = reason }
        condition.broadcast()
        condition.unlock()
    }

    /// The next payload. Payloads already delivered are handed out even after the connection
    /// ended: a server that answers and closes at once (an ERR at login) is still heard.
    func next(until deadline: Date) -> Received {
        condition.lock()
        defer { condition.unlock() }
        while firstUnread == packets.count, ending == nil {
            if !condition.wait(until: deadline) {
                if firstUnread == packets.count, ending == nil { return .timedOut }
            }
        }
        if firstUnread < packets.count {
            let packet = packets[firstUnread]
            firstUnread += 1
            if firstUnread == packets.count {
                packets.removeAll(keepingCapacity: true)
                firstUnread = 0
            }
            return .packet(packet)
        }
        return .ended(ending ?? .closed(nil))
    }

    /// Whether payloads are waiting that no command asked for (a protocol violation).
    var hasUnreadPackets: Bool {
        condition.lock()
        defer { condition.unlock() }
        return firstUnread < packets.count
    }
}

/// Cuts the byte stream into payloads on the event loop and posts them to a `PacketInbox`.
final class PacketInboxHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let inbox: PacketInbox
    private var reassembler: PacketReassembler

    init(inbox: PacketInbox, maxPayloadLength: Int) {
        self.inbox = inbox
        reassembler = PacketReassembler(maxPayloadLength: maxPayloadLength)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        reassembler.append(buffer.readableBytesView)
        do {
            while let packet = try reassembler.nextPacket() {
                inbox.deliver(packet)
            }
        } catch {
            inbox.end(.malformed(error.description))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.end(.closed(nil))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        inbox.end(.closed(String(describing: error)))
        context.close(promise: nil)
    }
}
