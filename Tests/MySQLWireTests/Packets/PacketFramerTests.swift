import Testing
@testable import MySQLWire

@Suite struct PacketFramerTests {
    private let max = PacketFramer.maxPacketPayload

    @Test func smallPayloadGetsOneHeader() {
        #expect(hex(PacketFramer.frame(bytes(ResultCaptures.ping), sequenceID: 0)) == "010000000e")
        #expect(hex(PacketFramer.frame([], sequenceID: 7)) == "00000007")
    }

    @Test func capturedReplyFramesAsOnTheWire() {
        var sequence = SequenceCounter.reply(to: 0)
        let framed = PacketFramer.frame(ResultCaptures.itemsClassic.map(bytes), sequence: &sequence)
        #expect(framed == wire(ResultCaptures.itemsClassic, firstSequenceID: 1))
        #expect(sequence.next == 12)
    }

    @Test func exactlyMaxIsFollowedByAnEmptyPacket() {
        let framed = PacketFramer.frame(Array(repeating: 0xAB, count: max), sequenceID: 4)
        #expect(framed.count == max + 8)
        #expect(Array(framed[0..<4]) == [0xFF, 0xFF, 0xFF, 4])
        #expect(Array(framed[(max + 4)...]) == [0, 0, 0, 5])
        #expect(PacketFramer.packetCount(payloadLength: max) == 2)
    }

    @Test func oneByteOverMaxSplitsIntoFullAndOneByte() {
        var payload = Array(repeating: UInt8(0xAB), count: max)
        payload.append(0xCD)
        let framed = PacketFramer.frame(payload, sequenceID: 0)
        #expect(framed.count == max + 9)
        #expect(Array(framed[0..<4]) == [0xFF, 0xFF, 0xFF, 0])
        #expect(Array(framed[(max + 4)...]) == [1, 0, 0, 1, 0xCD])
    }

    @Test func twiceMaxEndsWithAnEmptyThirdPacket() {
        var sequence = SequenceCounter(next: 255)
        let framed = PacketFramer.frame(Array(repeating: 0x11, count: 2 * max), sequence: &sequence)
        #expect(framed.count == 2 * max + 12)
        #expect(Array(framed[0..<4]) == [0xFF, 0xFF, 0xFF, 255])
        #expect(Array(framed[(max + 4)..<(max + 8)]) == [0xFF, 0xFF, 0xFF, 0])
        #expect(Array(framed[(2 * max + 8)...]) == [0, 0, 0, 1])
        #expect(sequence.next == 2)
        #expect(PacketFramer.packetCount(payloadLength: 2 * max) == 3)
    }

    @Test func sequenceCounterRules() {
        var counter = SequenceCounter.reply(to: 0)
        #expect(counter.take() == 1)
        #expect(counter.take() == 2)
        counter.resetForNewCommand()
        #expect(counter.take() == 0)
        counter.follow(receivedID: 255)
        #expect(counter.take() == 0)
        #expect(SequenceCounter.reply(to: 255).next == 0)
        var wrapping = SequenceCounter(next: 255)
        #expect(wrapping.take() == 255)
        #expect(wrapping.next == 0)
    }

    @Test func replyToASplitRequestFollowsItsLastPacket() throws {
        var reassembler = PacketReassembler(maxPayloadLength: 2 * max)
        reassembler.append(PacketFramer.frame(Array(repeating: 0x03, count: max + 5), sequenceID: 0))
        let packet = try #require(try reassembler.nextPacket())
        #expect(packet.sequenceID == 0)
        #expect(packet.lastSequenceID == 1)
        #expect(SequenceCounter.reply(to: packet.lastSequenceID).next == 2)
    }
}
