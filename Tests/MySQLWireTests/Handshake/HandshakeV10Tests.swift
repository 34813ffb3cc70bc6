import Testing
@testable import MySQLWire

@Suite struct HandshakeV10Tests {
    @Test func decodesMariaDBGreeting() throws {
        let greeting = try HandshakeV10.decode(bytes(HandshakeCaptures.pymysqlGreeting))
        #expect(greeting.serverVersion == "5.5.5-10.11.19-MariaDB-0+deb12u1")
        #expect(greeting.connectionID == 4)
        #expect(greeting.salt == ascii("=LHc;9N]fhYemu%ROtz,"))
        #expect(greeting.capabilities.rawValue == 0x81FF_F7FE)
        #expect(!greeting.capabilities.contains(.longPassword))
        #expect(greeting.capabilities.isSuperset(of: [.protocol41, .secureConnection, .pluginAuth, .connectAttrs, .deprecateEOF]))
        #expect(greeting.characterSet == 8)
        #expect(greeting.status == .autocommit)
        #expect(greeting.authPluginName == "mysql_native_password")
    }

    /// SnapDeck writes the ten reserved bytes as zeros; MariaDB puts its extended capabilities
    /// (`1d000000`) in the last four. Everything else re-encodes byte for byte.
    @Test(arguments: [HandshakeCaptures.pymysqlGreeting, HandshakeCaptures.connectorGreeting, HandshakeCaptures.cliGreeting])
    func reencodesCapturedGreetings(captured: String) throws {
        let payload = bytes(captured)
        var expected = payload
        let reserved = 1 + "5.5.5-10.11.19-MariaDB-0+deb12u1".utf8.count + 1 + 4 + 9 + 2 + 1 + 2 + 2 + 1
        #expect(Array(expected[(reserved + 6)..<(reserved + 10)]) == [0x1D, 0, 0, 0])
        expected.replaceSubrange((reserved + 6)..<(reserved + 10), with: [0, 0, 0, 0])
        #expect(hex(try HandshakeV10.decode(payload).encode()) == hex(expected))
    }

    @Test func snapDeckDefaults() throws {
        let salt = ascii("abcdefghijklmnopqrst")
        let greeting = HandshakeV10(connectionID: 42, salt: salt)
        #expect(CapabilityFlags.snapDeckServer.rawValue == 0x013B_A28C)
        #expect(CapabilityFlags.dorisMaster.rawValue == 0x0138_828C)
        #expect(!CapabilityFlags.snapDeckServer.contains(.ssl))
        let expected = "0a" + hex(ascii("5.7.99")) + "00" + "2a000000" + hex(ascii("abcdefgh")) + "00"
            + "8ca2" + "21" + "0000" + "3b01" + "15" + "00000000000000000000"
            + hex(ascii("ijklmnopqrst")) + "00" + hex(ascii("mysql_native_password")) + "00"
        #expect(hex(greeting.encode()) == expected)
        #expect(try HandshakeV10.decode(greeting.encode()) == greeting)
    }

    @Test func withoutPluginAuthOrSecureConnection() throws {
        let greeting = HandshakeV10(connectionID: 1, salt: Array(repeating: 0x61, count: 20), capabilities: [.protocol41])
        let decoded = try HandshakeV10.decode(greeting.encode())
        #expect(decoded.salt == Array(repeating: 0x61, count: 8))
        #expect(decoded.authPluginName == "")
    }

    @Test func pluginNameWithoutFinalNULIsAccepted() throws {
        let payload = Array(bytes(HandshakeCaptures.pymysqlGreeting).dropLast())
        #expect(try HandshakeV10.decode(payload).authPluginName == "mysql_native_password")
    }

    @Test func randomSaltsAreTwentyLetters() {
        let salts = (0..<50).map { _ in HandshakeV10.randomSalt() }
        for salt in salts {
            #expect(salt.count == 20)
            #expect(salt.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        }
        #expect(Set(salts).count == salts.count)
        var first = SplitMix64(seed: 9)
        var second = SplitMix64(seed: 9)
        #expect(HandshakeV10.randomSalt(using: &first) == HandshakeV10.randomSalt(using: &second))
    }

    @Test func malformedGreetingsThrow() {
        let payload = bytes(HandshakeCaptures.pymysqlGreeting)
        // Every cut before the plugin name loses a required field.
        let pluginStart = payload.count - "mysql_native_password".utf8.count - 1
        for length in 0..<pluginStart {
            #expect(wireError { _ = try HandshakeV10.decode(Array(payload.prefix(length))) }?.isTruncated == true, "length \(length)")
        }
        var wrongVersion = payload
        wrongVersion[0] = 9
        #expect(wireError { _ = try HandshakeV10.decode(wrongVersion) }?.isMalformed == true)
        #expect(wireError { _ = try HandshakeV10.decode(bytes(HandshakeCaptures.accessDenied)) }?.isMalformed == true)
    }
}
