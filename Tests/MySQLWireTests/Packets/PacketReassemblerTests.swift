import Testing
@testable import MySQLWire

@Suite struct PacketReassemblerTests {
    private let max = PacketFramer.maxPacketPayload

    /// Four captured PyMySQL commands as they would arrive pipelined in one stream.
    private var pipelinedCommands: [UInt8] {
        [ResultCaptures.itemsQuery, ResultCaptures.initDBNope, ResultCaptures.ping, ResultCaptures.quit]
            .flatMap { wire([$0], firstSequenceID: 0) }
    }

    private func drain(_ reassembler: inout PacketReassembler) throws -> [Packet] {
        try reassembler.nextPackets()
    }

    @Test func pipelinedCommandsSplitAtEveryByte() throws {
        let stream = pipelinedCommands
        let expected = [ResultCaptures.itemsQuery, ResultCaptures.initDBNope, ResultCaptures.ping, ResultCaptures.quit]
            .map { Packet(sequenceID: 0, payload: bytes($0)) }
        for cut in 0...stream.count {
            var reassembler = PacketReassembler()
            reassembler.append(stream[..<cut])
            var packets = try drain(&reassembler)
            reassembler.append(stream[cut...])
            packets += try drain(&reassembler)
            #expect(packets == expected, "cut at \(cut)")
            #expect(reassembler.bufferedByteCount == 0)
        }
    }

    @Test func capturedReplySplitInThreeAtEveryPair() throws {
        let stream = wire(ResultCaptures.itemsClassic, firstSequenceID: 1)
        let expected = ResultCaptures.itemsClassic.enumerated().map { index, payload in
            Packet(sequenceID: UInt8(index + 1), payload: bytes(payload))
        }
        for first in stride(from: 0, through: stream.count, by: 7) {
            for second in first...stream.count {
                var reassembler = PacketReassembler()
                var packets: [Packet] = []
                for range in [0..<first, first..<second, second..<stream.count] {
                    reassembler.append(stream[range])
                    packets += try drain(&reassembler)
                }
                #expect(packets == expected, "cuts at \(first), \(second)")
            }
        }
    }

    @Test func byteByByteKeepsLeftovers() throws {
        let stream = pipelinedCommands
        var reassembler = PacketReassembler()
        var packets: [Packet] = []
        for byte in stream {
            reassembler.append([byte])
            packets += try drain(&reassembler)
        }
        #expect(packets.map(\.payload) == [ResultCaptures.itemsQuery, ResultCaptures.initDBNope, ResultCaptures.ping, ResultCaptures.quit].map(bytes))

        var partial = PacketReassembler()
        partial.append(stream.prefix(10))
        #expect(try partial.nextPacket() == nil)
        #expect(partial.bufferedByteCount == 10)
    }

    @Test(arguments: [0xFF_FFFF, 0xFF_FFFF + 1, 2 * 0xFF_FFFF])
    func largePayloadsReassemble(length: Int) throws {
        var payload = [UInt8](repeating: 0, count: length)
        for index in stride(from: 0, to: length, by: 4093) {
            payload[index] = UInt8(truncatingIfNeeded: index / 4093)
        }
        var reassembler = PacketReassembler(maxPayloadLength: 2 * max)
        let stream = PacketFramer.frame(payload, sequenceID: 254) + PacketFramer.frame(bytes(ResultCaptures.ping), sequenceID: 0)
        // Cut inside the second packet's header to exercise a header spread over two reads.
        let cut = max + 4 + 2
        reassembler.append(stream[..<cut])
        #expect(try reassembler.nextPacket() == nil)
        reassembler.append(stream[cut...])
        let packet = try #require(try reassembler.nextPacket())
        #expect(packet.payload.count == length)
        #expect(packet.payload == payload)
        #expect(packet.sequenceID == 254)
        #expect(packet.lastSequenceID == UInt8(truncatingIfNeeded: 254 + length / max))
        #expect(try reassembler.nextPacket()?.payload == bytes(ResultCaptures.ping))
    }

    @Test func oversizedPayloadIsRefusedFromItsHeader() throws {
        var reassembler = PacketReassembler(maxPayloadLength: 100)
        reassembler.append([101, 0, 0, 0])
        let error = try #require(wireError { _ = try reassembler.nextPacket() })
        #expect(error == .packetTooLarge(limit: 100))
        #expect(error.errPacket == ErrPacket(code: 1153, sqlState: "08S01", message: "Got a packet bigger than 'max_allowed_packet' bytes"))
        #expect(error.errPacket.encode() == [0xFF, 0x81, 0x04] + ascii("#08S01Got a packet bigger than 'max_allowed_packet' bytes"))

        // Nothing more is buffered, and the failure sticks: the stream has lost its framing.
        reassembler.append(Array(repeating: 0x41, count: 101))
        #expect(reassembler.bufferedByteCount == 0)
        #expect(wireError { _ = try reassembler.nextPacket() } == .packetTooLarge(limit: 100))
    }

    @Test func payloadOfExactlyTheLimitIsAccepted() throws {
        var reassembler = PacketReassembler(maxPayloadLength: 100)
        reassembler.append(PacketFramer.frame(Array(repeating: 7, count: 100), sequenceID: 0))
        #expect(try reassembler.nextPacket()?.payload.count == 100)
    }

    @Test func splitPayloadOverTheLimitFailsAtTheContinuationHeader() throws {
        var reassembler = PacketReassembler(maxPayloadLength: max + 10)
        reassembler.append([0xFF, 0xFF, 0xFF, 0])
        reassembler.append(Array(repeating: 0, count: max))
        #expect(try reassembler.nextPacket() == nil)
        reassembler.append([11, 0, 0, 1])
        #expect(wireError { _ = try reassembler.nextPacket() } == .packetTooLarge(limit: max + 10))
    }

    @Test func continuationWithWrongSequenceIsRefused() throws {
        var reassembler = PacketReassembler(maxPayloadLength: 2 * max)
        reassembler.append([0xFF, 0xFF, 0xFF, 3])
        reassembler.append(Array(repeating: 0, count: max))
        reassembler.append([1, 0, 0, 5, 0x2A])
        let error = wireError { _ = try reassembler.nextPacket() }
        #expect(error == .packetsOutOfOrder(expected: 4, received: 5))
        #expect(error?.errPacket.code == 1156)
    }

    @Test func separatePayloadsMayRestartTheirSequence() throws {
        // Each command starts again at 0; only continuation packets must be consecutive.
        var reassembler = PacketReassembler()
        reassembler.append(wire([ResultCaptures.ping], firstSequenceID: 0) + wire([ResultCaptures.ping], firstSequenceID: 0))
        #expect(try reassembler.nextPackets().count == 2)
    }
}
