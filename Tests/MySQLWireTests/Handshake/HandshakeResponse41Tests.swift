import Testing
@testable import MySQLWire

@Suite struct HandshakeResponse41Tests {
    @Test func decodesPyMySQL() throws {
        let response = try HandshakeResponse41.decode(bytes(HandshakeCaptures.pymysqlResponse))
        #expect(response.capabilities.rawValue == 0x003A_A20D)
        #expect(!response.capabilities.contains(.multiStatements))
        #expect(response.maxPacketSize == 0xFF_FFFF)
        #expect(response.characterSet == 45)
        #expect(response.username == "snap")
        #expect(hex(response.authResponse) == "b748007af7e8bb82e7fc19afaf55ac90ec590633")
        #expect(response.database == "shop")
        #expect(response.authPluginName == "mysql_native_password")
        #expect(response.connectAttributes.map(\.key) == ["_client_name", "_client_version", "_pid"])
        #expect(response.connectAttributes.map(\.value) == ["pymysql", "1.2.4", "14196"])
    }

    @Test func decodesMySQLConnectorPython() throws {
        let response = try HandshakeResponse41.decode(bytes(HandshakeCaptures.connectorResponse))
        #expect(response.capabilities.rawValue == 0x003B_A20D)
        #expect(response.capabilities.contains(.multiStatements))
        #expect(response.maxPacketSize == 1 << 30)
        #expect(response.database == "shop")
        #expect(response.connectAttributes.count == 7)
        #expect(response.connectAttributes.first { $0.key == "_client_name" }?.value == "mysql-connector-python")
        #expect(response.connectAttributes.first { $0.key == "_client_version" }?.value == "26.10.0")
    }

    @Test func decodesCachingSHA2Announcement() throws {
        let response = try HandshakeResponse41.decode(bytes(HandshakeCaptures.switchResponse))
        #expect(response.authPluginName == "caching_sha2_password")
        #expect(response.authResponse.count == 32)
    }

    @Test func decodesMariaDBCLI() throws {
        let response = try HandshakeResponse41.decode(bytes(HandshakeCaptures.cliResponse))
        #expect(response.capabilities.rawValue == 0x20FF_A68C)
        #expect(response.capabilities.contains(.multiStatements))
        #expect(!response.capabilities.contains(.deprecateEOF))
        #expect(response.maxPacketSize == 1 << 20)
        #expect(response.characterSet == 33)
        #expect(response.database == "shop")
        #expect(response.connectAttributes.first { $0.key == "program_name" }?.value == "mysql")
        #expect(response.connectAttributes.first { $0.key == "_client_name" }?.value == "libmariadb")
    }

    @Test(arguments: [HandshakeCaptures.pymysqlResponse, HandshakeCaptures.connectorResponse, HandshakeCaptures.switchResponse, HandshakeCaptures.badPasswordResponse])
    func reencodesCapturedResponses(captured: String) throws {
        #expect(try HandshakeResponse41.decode(bytes(captured)).encode() == bytes(captured))
    }

    /// The CLI's last four reserved bytes hold MariaDB's extended capabilities, which the
    /// encoder, like every MySQL client, leaves zero.
    @Test func reencodesCLIResponseWithZeroReservedBytes() throws {
        var expected = bytes(HandshakeCaptures.cliResponse)
        #expect(Array(expected[28..<32]) == [0x1D, 0, 0, 0])
        expected.replaceSubrange(28..<32, with: [0, 0, 0, 0])
        #expect(hex(try HandshakeResponse41.decode(bytes(HandshakeCaptures.cliResponse)).encode()) == hex(expected))
    }

    @Test func authResponseFramingFollowsTheClientFlags() throws {
        let scramble = Array(1...20).map(UInt8.init)
        let base: CapabilityFlags = [.protocol41, .connectWithDB]
        let variants: [(CapabilityFlags, String)] = [
            (base.union([.secureConnection, .pluginAuthLenencClientData]), "14"),
            (base.union(.secureConnection), "14"),
            (base, ""),
        ]
        for (flags, prefix) in variants {
            let response = HandshakeResponse41(capabilities: flags, username: "u", authResponse: scramble, database: "db", authPluginName: nil)
            let encoded = response.encode()
            let afterUser = Array(encoded[34...])
            let expected = prefix + hex(scramble) + (prefix.isEmpty ? "00" : "") + hex(ascii("db")) + "00"
            #expect(hex(afterUser) == expected)
            #expect(try HandshakeResponse41.decode(encoded) == response)
        }
    }

    @Test func optionalTrailingFieldsMayBeAbsent() throws {
        let full = HandshakeResponse41(
            capabilities: [.protocol41, .secureConnection, .connectWithDB, .pluginAuth], username: "u", authResponse: []
        )
        let cut = Array(full.encode().prefix(32 + 2 + 1))
        let decoded = try HandshakeResponse41.decode(cut)
        #expect(decoded.database == nil)
        #expect(decoded.authPluginName == nil)
    }

    @Test func preProtocol41ClientIsRefusedWith1251() throws {
        // A 3.23-style response: int2 caps without CLIENT_PROTOCOL_41, int3 max packet, user, scramble.
        let old = bytes("85a4" + "ffffff") + ascii("snap") + [0] + ascii("ABCDEFGH")
        let error = try #require(wireError { _ = try HandshakeResponse41.decode(old) })
        #expect(error == .clientProtocolUnsupported)
        #expect(error.errPacket.code == 1251)
        #expect(error.errPacket.sqlState == "08004")
        #expect(error.errPacket.message == "Client does not support authentication protocol requested by server; consider upgrading MySQL client")
    }

    @Test func sslRequestIsRefusedSinceNoTLSIsOffered() {
        var request = bytes(HandshakeCaptures.pymysqlResponse).prefix(32).map { $0 }
        request[1] |= 0x08
        #expect(wireError { _ = try HandshakeResponse41.decode(request) }?.isMalformed == true)
    }

    @Test func truncatedResponsesThrow() throws {
        let payload = bytes(HandshakeCaptures.connectorResponse)
        // Up to the end of the auth response every field is required.
        let authEnd = 32 + 5 + 1 + 20
        for length in 1..<authEnd {
            #expect(wireError { _ = try HandshakeResponse41.decode(Array(payload.prefix(length))) }?.isTruncated == true, "length \(length)")
        }
        // Beyond it, a cut inside the database, plugin or attributes is still caught; a cut
        // right after a field only drops the optional fields after it.
        let databaseEnd = authEnd + "shop".utf8.count + 1
        let pluginEnd = databaseEnd + "mysql_native_password".utf8.count + 1
        for length in (authEnd + 1)..<payload.count where ![databaseEnd, pluginEnd].contains(length) {
            #expect(wireError { _ = try HandshakeResponse41.decode(Array(payload.prefix(length))) } != nil, "length \(length)")
        }
        #expect(try HandshakeResponse41.decode(Array(payload.prefix(databaseEnd))).authPluginName == nil)
        #expect(try HandshakeResponse41.decode(Array(payload.prefix(pluginEnd))).connectAttributes.isEmpty)
        #expect(wireError { _ = try HandshakeResponse41.decode(payload + [0x01]) } != nil)
    }
}
