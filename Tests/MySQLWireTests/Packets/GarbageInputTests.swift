import Testing
@testable import MySQLWire

/// Every decoder fed random bytes, and every captured payload cut short, must answer with a
/// value or a ``WireError``; a trap would take the whole server down with one bad client.
@Suite struct GarbageInputTests {
    private static let decoders: [@Sendable ([UInt8]) throws -> Void] = [
        { _ = try ClientCommand.decode($0) },
        { _ = try HandshakeV10.decode($0) },
        { _ = try HandshakeResponse41.decode($0) },
        { _ = try AuthSwitchRequest.decode($0) },
        { _ = try OKPacket.decode($0) },
        { _ = try OKPacket.decode($0, capabilities: [.sessionTrack]) },
        { _ = try ErrPacket.decode($0) },
        { _ = try EOFPacket.decode($0) },
        { _ = try ColumnDefinition41.decode($0) },
        { _ = try FieldListColumn.decode($0) },
        { _ = try TextRow.decode($0, columnCount: 3) },
        { payload in
            var reader = ResultSetReader(capabilities: .snapDeckServer)
            _ = try reader.consume(payload)
            _ = try reader.consume(payload)
        },
    ]

    @Test func randomPayloadsNeverTrap() {
        var generator = SplitMix64(seed: 0x5EED)
        var failures = 0
        let rounds = 3000
        for _ in 0..<rounds {
            let length = Int.random(in: 0...48, using: &generator)
            var payload = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Start half of them with a meaningful header byte so decoders get past it.
            if !payload.isEmpty, Bool.random(using: &generator) {
                payload[0] = [0x00, 0x03, 0x0A, 0xFE, 0xFF, 0x0D, 0x1B].randomElement(using: &generator)!
            }
            for decode in Self.decoders where wireError({ try decode(payload) }) != nil {
                failures += 1
            }
        }
        // Random bytes are mostly invalid: most attempts must have been refused, not accepted.
        #expect(failures > rounds * Self.decoders.count / 2)
    }

    @Test func everyPrefixOfEveryCaptureIsHandled() {
        let captures = [
            HandshakeCaptures.pymysqlGreeting, HandshakeCaptures.connectorResponse, HandshakeCaptures.cliResponse,
            HandshakeCaptures.authSwitch, HandshakeCaptures.cliLoginOK, ResultCaptures.updateOK, ResultCaptures.syntaxError,
            ResultCaptures.fieldListClassic[0], ResultCaptures.itemsClassic[1], ResultCaptures.itemsClassic[8],
        ].map(bytes)
        var refused = 0
        var attempts = 0
        for capture in captures {
            for length in 0..<capture.count {
                for decode in Self.decoders {
                    attempts += 1
                    if wireError({ try decode(Array(capture.prefix(length))) }) != nil { refused += 1 }
                }
            }
        }
        #expect(refused > attempts / 2)
    }
}
