import Testing
@testable import MySQLWire

@Suite struct ResponsePacketTests {
    @Test func capturedOKPacketsRoundTrip() throws {
        let login = try OKPacket.decode(bytes(HandshakeCaptures.loginOK))
        #expect(login == OKPacket(status: .autocommit))
        #expect(login.encode() == bytes(HandshakeCaptures.loginOK))

        let update = try OKPacket.decode(bytes(ResultCaptures.updateOK))
        #expect(update.affectedRows == 0)  // the name was already "apple"
        #expect(update.status == .inTransaction)
        #expect(update.info == "Rows matched: 1  Changed: 0  Warnings: 0")
        #expect(update.encode() == bytes(ResultCaptures.updateOK))

        let ping = try OKPacket.decode(bytes(ResultCaptures.pingOK))
        #expect(ping.status == .inTransaction)
        #expect(ping.encode() == bytes(ResultCaptures.pingOK))
    }

    @Test func sessionTrackingOKFromTheCLILogin() throws {
        let ok = try OKPacket.decode(bytes(HandshakeCaptures.cliLoginOK), capabilities: [.sessionTrack])
        #expect(ok.status == [.autocommit, .sessionStateChanged])
        #expect(ok.info == "")
        // One SESSION_TRACK_SCHEMA (1) record of 5 bytes naming "shop".
        #expect(ok.sessionStateChanges == [1, 5, 4] + ascii("shop"))
        #expect(ok.encode(capabilities: [.sessionTrack]) == bytes(HandshakeCaptures.cliLoginOK))
    }

    @Test func bareInfoTextIsAcceptedToo() throws {
        // The documented string<EOF> form, with no length prefix.
        let ok = try OKPacket.decode(bytes("00010002000000") + ascii("Records: 1"))
        #expect(ok.info == "Records: 1")
    }

    @Test func largeCountsUseLongLengthEncodings() throws {
        let ok = OKPacket(affectedRows: 70_000, lastInsertID: 1 << 40, status: [.autocommit, .moreResultsExist], warnings: 3, info: "x")
        #expect(try OKPacket.decode(ok.encode()) == ok)
        #expect(ok.encode().prefix(5) == [0x00, 0xFD, 0x70, 0x11, 0x01])
    }

    @Test func resultSetEndOKIsDorisShaped() throws {
        let end = OKPacket(status: .autocommit).encodeAsResultSetEnd()
        #expect(hex(end) == "fe000002000000" + "00")
        #expect(try OKPacket.decode(end) == OKPacket(status: .autocommit))
        // MariaDB leaves the empty info out.
        #expect(try OKPacket.decode(bytes("fe000022000000")).status == [.autocommit, .noIndexUsed])
    }

    @Test func malformedOKPacketsThrow() {
        let payload = bytes(ResultCaptures.updateOK)
        for length in 0..<7 {
            #expect(wireError { _ = try OKPacket.decode(Array(payload.prefix(length))) }?.isTruncated == true, "length \(length)")
        }
        #expect(wireError { _ = try OKPacket.decode(bytes("01000002000000")) }?.isMalformed == true)
        #expect(wireError { _ = try OKPacket.decode(bytes("00000002400000" + "05"), capabilities: [.sessionTrack]) }?.isTruncated == true)
    }

    @Test func capturedEOFRoundTrips() throws {
        let eof = try EOFPacket.decode(bytes("fe00002100"))
        #expect(eof == EOFPacket(warnings: 0, status: [.inTransaction, .noIndexUsed]))
        #expect(hex(eof.encode()) == "fe00002100")
        #expect(EOFPacket.isEOF(bytes(ResultCaptures.setOptionReplyClassic)))
        #expect(!EOFPacket.isEOF([0xFE] + Array(repeating: 0, count: 8)))
        #expect(!EOFPacket.isEOF(bytes("0132fbfb00fbfb")))
    }

    @Test func malformedEOFsThrow() {
        #expect(wireError { _ = try EOFPacket.decode(bytes("fe0000")) }?.isTruncated == true)
        #expect(wireError { _ = try EOFPacket.decode(bytes("fe000002000000")) }?.isMalformed == true)
        #expect(wireError { _ = try EOFPacket.decode(bytes("00000002000000")) }?.isMalformed == true)
        #expect(wireError { _ = try EOFPacket.decode([0xFE] + Array(repeating: 0, count: 8)) }?.isMalformed == true)
    }

    @Test(arguments: [
        (ResultCaptures.syntaxError, UInt16(1064), "42000", "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEKT 1' at line 1"),
        (ResultCaptures.unknownDatabase, 1049, "42000", "Unknown database 'nope'"),
        (HandshakeCaptures.accessDenied, 1045, "28000", "Access denied for user 'snap'@'localhost' (using password: YES)"),
    ])
    func capturedErrorsRoundTrip(captured: String, code: UInt16, state: String, message: String) throws {
        let error = try ErrPacket.decode(bytes(captured))
        #expect(error == ErrPacket(code: code, sqlState: state, message: message))
        #expect(error.encode() == bytes(captured))
    }

    @Test func errorHelpersMatchTheServersText() {
        #expect(ErrPacket.unknownDatabase("nope").encode() == bytes(ResultCaptures.unknownDatabase))
        #expect(ErrPacket.accessDenied(user: "snap", host: "localhost", usingPassword: true).encode() == bytes(HandshakeCaptures.accessDenied))
        #expect(ErrPacket.unsupportedCommand.encode() == bytes("ff1704") + ascii("#08S01Unsupported command"))
        #expect(ErrPacket.unsupportedCommand.description == "ERROR 1047 (08S01): Unsupported command")
    }

    @Test func errorMessageIsNeverEmptyAndStateAlwaysFiveCharacters() throws {
        let empty = ErrPacket(code: 1105, sqlState: "HY000", message: "").encode()
        #expect(try ErrPacket.decode(empty).message == "Unknown error")
        let badState = ErrPacket(code: 1105, sqlState: "X", message: "m").encode()
        #expect(try ErrPacket.decode(badState).sqlState == "HY000")
    }

    @Test func errorWithoutStateMarkerGetsHY000() throws {
        let error = try ErrPacket.decode(bytes("ff6a04") + ascii("Host '10.0.0.9' is not allowed to connect"))
        #expect(error == ErrPacket(code: 1130, sqlState: "HY000", message: "Host '10.0.0.9' is not allowed to connect"))
    }

    @Test func malformedErrorsThrow() {
        #expect(wireError { _ = try ErrPacket.decode([]) }?.isTruncated == true)
        #expect(wireError { _ = try ErrPacket.decode(bytes("ff15")) }?.isTruncated == true)
        #expect(wireError { _ = try ErrPacket.decode(bytes("ff1504") + ascii("#280")) }?.isTruncated == true)
        #expect(wireError { _ = try ErrPacket.decode(bytes("001504")) }?.isMalformed == true)
    }

    @Test func everyWireErrorMapsToAnERR() {
        let errors: [WireError] = [
            .truncated(field: "x"), .malformed("y"), .packetTooLarge(limit: 1), .packetsOutOfOrder(expected: 1, received: 2), .clientProtocolUnsupported,
        ]
        #expect(errors.map(\.errPacket.code) == [1835, 1835, 1153, 1156, 1251])
        #expect(errors.allSatisfy { !$0.description.isEmpty && !$0.errPacket.message.isEmpty })
    }
}
