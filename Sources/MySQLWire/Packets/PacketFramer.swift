/// Turns payloads into wire packets: a 3-byte little-endian length, a sequence id, the bytes.
///
/// A payload of 0xFFFFFF bytes or more is split into 0xFFFFFF-byte packets followed by a
/// shorter one; when the length is an exact multiple of 0xFFFFFF that last packet is empty,
/// because the reader only knows a payload has ended when a packet is shorter than the maximum.
public enum PacketFramer {
    /// The largest payload one wire packet carries.
    public static let maxPacketPayload = 0xFF_FFFF

    /// How many wire packets (and so sequence ids) a payload of `length` bytes takes.
    public static func packetCount(payloadLength length: Int) -> Int {
        length / maxPacketPayload + 1
    }

    /// The wire bytes of `payload`, its packets numbered from `sequence.next`; the counter ends
    /// past the last packet written.
    public static func frame(_ payload: [UInt8], sequence: inout SequenceCounter) -> [UInt8] {
        var wire: [UInt8] = []
        wire.reserveCapacity(payload.count + 4 * packetCount(payloadLength: payload.count))
        var start = 0
        while true {
            let length = min(maxPacketPayload, payload.count - start)
            wire.append(UInt8(truncatingIfNeeded: length))
            wire.append(UInt8(truncatingIfNeeded: length >> 8))
            wire.append(UInt8(truncatingIfNeeded: length >> 16))
            wire.append(sequence.take())
            wire.append(contentsOf: payload[start..<start + length])
            start += length
            if length < maxPacketPayload { return wire }
        }
    }

    /// The wire bytes of `payload` starting at sequence id `sequenceID`.
    public static func frame(_ payload: [UInt8], sequenceID: UInt8) -> [UInt8] {
        var sequence = SequenceCounter(next: sequenceID)
        return frame(payload, sequence: &sequence)
    }

    /// The wire bytes of several payloads sent back to back, numbered consecutively.
    public static func frame(_ payloads: [[UInt8]], sequence: inout SequenceCounter) -> [UInt8] {
        var wire: [UInt8] = []
        for payload in payloads {
            wire.append(contentsOf: frame(payload, sequence: &sequence))
        }
        return wire
    }
}
