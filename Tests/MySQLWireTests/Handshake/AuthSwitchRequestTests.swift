import Testing
@testable import MySQLWire

@Suite struct AuthSwitchRequestTests {
    @Test func decodesAndReencodesMariaDBSwitch() throws {
        let request = try AuthSwitchRequest.decode(bytes(HandshakeCaptures.authSwitch))
        #expect(request.pluginName == "mysql_native_password")
        #expect(request.pluginData.count == 21)
        #expect(request.pluginData.last == 0)
        #expect(request.encode() == bytes(HandshakeCaptures.authSwitch))
        #expect(AuthSwitchRequest.nativePassword(salt: request.challenge).encode() == bytes(HandshakeCaptures.authSwitch))
    }

    @Test func loneHeaderIsTheOldPasswordRequest() throws {
        #expect(try AuthSwitchRequest.decode([0xFE]) == AuthSwitchRequest(pluginName: "mysql_old_password", pluginData: []))
    }

    @Test func challengeKeepsDataWithoutTerminator() {
        #expect(AuthSwitchRequest(pluginName: "x", pluginData: [1, 2]).challenge == [1, 2])
    }

    @Test func malformedSwitchesThrow() {
        #expect(wireError { _ = try AuthSwitchRequest.decode([]) }?.isTruncated == true)
        #expect(wireError { _ = try AuthSwitchRequest.decode([0x00, 0x61, 0x00]) }?.isMalformed == true)
        #expect(wireError { _ = try AuthSwitchRequest.decode([0xFE] + ascii("mysql_native")) }?.isTruncated == true)
    }
}
