import Foundation
import MySQLWire
import Remote
import Testing

/// The client against a scripted server: hangs, auth switches and classic EOF results.
@Suite struct MySQLConnectionProtocolTests {
    static let classicEOF: CapabilityFlags = CapabilityFlags.snapDeckServer.subtracting(.deprecateEOF)

    @Test func aServerThatNeverAnswersTimesOutAndTheConnectionCloses() throws {
        let server = try ScriptedServer { _ in nil }
        let connection = try MySQLConnection.connect(to: Endpoint(host: "127.0.0.1", port: server.port))
        connection.queryTimeout = 0.3
        let error = failure { _ = try connection.query("SELECT SLEEP(1000)") }
        #expect(error?.kind == .timeout && error?.code == 2013)
        #expect(error?.message.contains("did not answer within 0.3 s") == true)
        #expect(!connection.isOpen)
        #expect(failure { _ = try connection.query("SELECT 1") }?.code == 2006)
    }

    @Test func aSwitchToAnotherPluginIsRefusedNamingIt() throws {
        let server = try ScriptedServer(
            login: { _ in [AuthSwitchRequest(pluginName: "caching_sha2_password", pluginData: Array(repeating: 65, count: 20) + [0]).encode()] },
            answer: { _ in nil })
        let error = failure { _ = try MySQLConnection.connect(to: Endpoint(host: "127.0.0.1", port: server.port, password: "secret")) }
        #expect(error?.kind == .cannotConnect)
        #expect(error?.message.contains("'caching_sha2_password'") == true)
        #expect(error?.message.contains("mysql_native_password") == true)
        #expect(error?.message.contains("secret") == false)
    }

    @Test func aSwitchToNativePasswordIsAnsweredWithTheNewSaltsScramble() throws {
        let salt = Array("abcdefghijklmnopqrst".utf8)
        let server = try ScriptedServer(
            login: { payload in
                // The first packet is the handshake response; the second the bare scramble.
                if payload.count == 20 {
                    let ok = payload == NativePassword.scramble(password: "pw", salt: salt)
                    return [ok ? OKPacket().encode() : ErrPacket.accessDenied(user: "u", host: "h", usingPassword: true).encode()]
                }
                return [AuthSwitchRequest.nativePassword(salt: salt).encode()]
            },
            answer: { _ in [OKPacket().encode()] })
        let connection = try MySQLConnection.connect(to: Endpoint(host: "127.0.0.1", port: server.port, user: "u", password: "pw"))
        try connection.ping()
    }

    @Test func classicEOFResultsAndMultipleResultsAnswerTheLast() throws {
        let writer = ResultSetWriter(capabilities: Self.classicEOF)
        let column = ColumnDefinition41(name: "v", type: .varString, columnLength: 10)
        let server = try ScriptedServer(
            handshake: HandshakeV10(connectionID: 5, salt: HandshakeV10.randomSalt(), capabilities: Self.classicEOF),
            answer: { _ in
                writer.resultSet(columns: [column], rows: [["first"]], status: [], moreResultsFollow: true)
                    + writer.resultSet(columns: [column], rows: [["second"], [nil]], status: [])
            })
        let connection = try MySQLConnection.connect(to: Endpoint(host: "127.0.0.1", port: server.port))
        #expect(!connection.capabilities.contains(.deprecateEOF))
        let result = try connection.query("CALL two_results()")
        #expect(result.columns == ["v"] && result.rows == [["second"], [nil]])
        #expect(try connection.query("CALL two_results()").rows.count == 2, "the connection is in step for the next query")
    }

    @Test func bytesThatAreNotTheProtocolLoseTheConnection() throws {
        let server = try ScriptedServer { _ in [[0x00, 0xFF, 0x03]] }
        let connection = try MySQLConnection.connect(to: Endpoint(host: "127.0.0.1", port: server.port))
        let error = failure { _ = try connection.query("SELECT 1") }
        #expect(error?.kind == .lost && error?.code == 2013)
        #expect(!connection.isOpen)
    }
}
