/// One logical MySQL payload, as reassembled from one or more wire packets.
///
/// A payload of 0xFFFFFF bytes or more travels in several packets with consecutive sequence ids.
/// `sequenceID` is the first packet's; the reply to this payload continues after
/// `lastSequenceID`, which differs from it only for such split payloads.
public struct Packet: Equatable, Sendable {
    public var sequenceID: UInt8
    public var lastSequenceID: UInt8
    public var payload: [UInt8]

    public init(sequenceID: UInt8, lastSequenceID: UInt8? = nil, payload: [UInt8]) {
        self.sequenceID = sequenceID
        self.lastSequenceID = lastSequenceID ?? sequenceID
        self.payload = payload
    }
}
