/// Reassembles logical payloads from a byte stream cut anywhere.
///
/// Feed it bytes as they arrive with ``append(_:)``, then call ``nextPacket()`` until it returns
/// nil: several pipelined payloads may arrive in one read, and a payload may span many reads.
/// Bytes of an unfinished payload stay buffered for the next call.
///
/// A payload is refused with ``WireError/packetTooLarge(limit:)`` as soon as a packet header
/// shows it would pass ``maxPayloadLength``, before its bytes arrive, so an oversized payload is
/// never held in memory. Continuation packets must carry consecutive sequence ids. After either
/// error the stream cannot be resynchronised: the reassembler keeps throwing the same error and
/// drops further input, and the connection should be closed once the ERR is sent.
public struct PacketReassembler: Sendable {
    /// The largest logical payload accepted (MySQL's `max_allowed_packet`; Doris's default is
    /// 16 MiB).
    /// A server raises it once a client has logged in; payloads already returned are not
    /// checked again.
    public var maxPayloadLength: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var failure: WireError?

    public init(maxPayloadLength: Int = 16 * 1024 * 1024) {
        self.maxPayloadLength = maxPayloadLength
    }

    /// Bytes received but not yet returned as part of a payload.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete payload, or nil when more bytes are needed.
    public mutating func nextPacket() throws(WireError) -> Packet? {
        if let failure { throw failure }
        do {
            guard let (packet, end) = try scanPayload() else { return nil }
            consume(upTo: end)
            return packet
        } catch {
            failure = error
            buffer = []
            readIndex = 0
            throw error
        }
    }

    /// Every complete payload buffered so far.
    public mutating func nextPackets() throws(WireError) -> [Packet] {
        var packets: [Packet] = []
        while let packet = try nextPacket() {
            packets.append(packet)
        }
        return packets
    }

    /// Walks the packet headers of the payload at `readIndex`; returns it and the index past its
    /// last packet once every packet is complete. Limits and sequence ids are checked per header,
    /// so a bad stream fails on the first header that shows it.
    private func scanPayload() throws(WireError) -> (Packet, Int)? {
        var cursor = readIndex
        var total = 0
        var firstID: UInt8?
        var lastID: UInt8 = 0
        var chunks: [Range<Int>] = []
        while true {
            guard buffer.count - cursor >= 4 else { return nil }
            let length = Int(buffer[cursor]) | Int(buffer[cursor + 1]) << 8 | Int(buffer[cursor + 2]) << 16
            let id = buffer[cursor + 3]
            if firstID == nil {
                firstID = id
            } else if id != lastID &+ 1 {
                throw .packetsOutOfOrder(expected: lastID &+ 1, received: id)
            }
            lastID = id
            total += length
            if total > maxPayloadLength { throw .packetTooLarge(limit: maxPayloadLength) }
            let bodyStart = cursor + 4
            guard buffer.count - bodyStart >= length else { return nil }
            chunks.append(bodyStart..<bodyStart + length)
            cursor = bodyStart + length
            if length < PacketFramer.maxPacketPayload { break }
        }
        var payload: [UInt8] = []
        payload.reserveCapacity(total)
        for chunk in chunks {
            payload.append(contentsOf: buffer[chunk])
        }
        return (Packet(sequenceID: firstID ?? 0, lastSequenceID: lastID, payload: payload), cursor)
    }

    private mutating func consume(upTo end: Int) {
        readIndex = end
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count <= 1 << 20)
            readIndex = 0
        } else if readIndex >= 1 << 16 && readIndex * 2 >= buffer.count {
            // Shift only once the consumed prefix dominates, so pipelined small payloads do not
            // each pay for moving the rest of the buffer.
            buffer.removeFirst(readIndex)
            readIndex = 0
        }
    }
}
