import Foundation
import MySQLWire
import NIOCore

/// One command's packets in both directions: frames what the client sends, checks that each
/// payload received continues the sequence, and waits no later than `deadline`.
struct Exchange {
    enum Failure: Error {
        case timedOut
        case ended(PacketInbox.Ending)
        case outOfSequence(expected: UInt8, received: UInt8)
    }

    let channel: Channel
    let inbox: PacketInbox
    let deadline: Date
    private(set) var sequence: SequenceCounter

    init(channel: Channel, inbox: PacketInbox, deadline: Date, sequence: SequenceCounter = SequenceCounter()) {
        self.channel = channel
        self.inbox = inbox
        self.deadline = deadline
        self.sequence = sequence
    }

    /// Sends one payload at the next sequence id. A failed write ends the inbox, so the caller
    /// hears of it as a lost connection when it waits for the reply.
    mutating func send(_ payload: [UInt8]) {
        let bytes = PacketFramer.frame(payload, sequence: &sequence)
        let inbox = self.inbox
        channel.writeAndFlush(ByteBuffer(bytes: bytes)).whenFailure { error in
            inbox.end(.closed(String(describing: error)))
        }
    }

    /// The next payload of the reply.
    mutating func receive() throws(Failure) -> Packet {
        switch inbox.next(until: deadline) {
        case .timedOut:
            throw .timedOut
        case .ended(let ending):
            throw .ended(ending)
        case .packet(let packet):
            guard packet.sequenceID == sequence.next else {
                throw .outOfSequence(expected: sequence.next, received: packet.sequenceID)
            }
            sequence.follow(receivedID: packet.lastSequenceID)
            return packet
        }
    }
}

extension Exchange.Failure: CustomStringConvertible {
    var description: String {
        switch self {
        case .timedOut: "no answer in time"
        case .ended(.closed(let reason)): reason ?? "the server closed the connection"
        case .ended(.malformed(let why)): why
        case .outOfSequence(let expected, let received):
            "packet sequence id \(received) where \(expected) was expected"
        }
    }
}
