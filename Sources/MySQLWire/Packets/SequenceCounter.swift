/// Hands out packet sequence ids for one exchange.
///
/// Each command starts a new exchange at 0 (the client's command packet); every packet after it,
/// in either direction, takes the next id, wrapping from 255 to 0. A reply therefore starts one
/// past the last id of the request it answers.
public struct SequenceCounter: Equatable, Sendable {
    /// The id the next packet will carry.
    public private(set) var next: UInt8

    public init(next: UInt8 = 0) {
        self.next = next
    }

    /// A counter for the packets answering a request whose (last) packet carried `requestID`.
    public static func reply(to requestID: UInt8) -> SequenceCounter {
        SequenceCounter(next: requestID &+ 1)
    }

    /// Returns the id for the next packet and advances past it.
    public mutating func take() -> UInt8 {
        defer { next &+= 1 }
        return next
    }

    /// Starts a new command exchange: the command packet gets id 0.
    public mutating func resetForNewCommand() {
        next = 0
    }

    /// Continues after a packet received from the peer, so the next packet sent answers it.
    public mutating func follow(receivedID: UInt8) {
        next = receivedID &+ 1
    }
}
