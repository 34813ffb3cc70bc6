import Engine
import Foundation
import Logging
import MySQLWire
import Testing
@testable import Server

/// `ServerConnection` fed bytes as a client would send them, over a real cluster: login with a
/// native scramble, statements, multi-statement replies, pipelining, and refusals.
@Suite struct ServerConnectionTests {
    final class Harness {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-server-\(UUID())").path
        let cluster: Cluster
        let connection: ServerConnection
        let salt: [UInt8]

        init() throws {
            cluster = try Cluster.open(path: path, backends: 1)
            connection = ServerConnection(cluster: cluster, connectionId: 7, peer: "127.0.0.1", logger: Logger(label: "test"))
            var greeting = PacketReassembler()
            greeting.append(connection.greeting())
            let handshake = try HandshakeV10.decode(try #require(try greeting.nextPacket()).payload)
            #expect(handshake.connectionID == 7)
            salt = handshake.salt
        }

        deinit {
            cluster.close()
            try? FileManager.default.removeItem(atPath: path)
        }

        /// Sends `payloads` (each a new packet from `sequence`) in one read; answers the reply
        /// payloads and whether the connection closes.
        func send(_ payloads: [[UInt8]], sequence: UInt8 = 0, resetEach: Bool = true) throws -> (payloads: [Packet], close: Bool) {
            var bytes: [UInt8] = []
            for payload in payloads {
                bytes += PacketFramer.frame(payload, sequenceID: sequence)
            }
            let reply = connection.receive(bytes)
            var reader = PacketReassembler(maxPayloadLength: 1 << 30)
            reader.append(reply.bytes)
            return (try reader.nextPackets(), reply.close)
        }

        func login(user: String = "root", password: String = "", caps: CapabilityFlags = [.protocol41, .secureConnection, .pluginAuth, .multiStatements, .multiResults]) throws -> (payloads: [Packet], close: Bool) {
            let response = HandshakeResponse41(
                capabilities: caps, username: user,
                authResponse: password.isEmpty ? [] : NativePassword.scramble(password: password, salt: salt))
            return try send([response.encode()], sequence: 1)
        }
    }

    @Test func aLoggedInClientRunsStatementsAndSeesEveryResultOfAMultiStatementQuery() throws {
        let h = try Harness()
        let login = try h.login()
        #expect(login.payloads.map(\.sequenceID) == [2])
        #expect(login.payloads.first?.payload.first == 0x00, "OK after login")
        let reply = try h.send([ClientCommand.query("SELECT 1 AS one; SELECT DATABASE(); CREATE DATABASE d").encode()])
        var reader = ResultSetReader(capabilities: [.protocol41])
        var ends: [ServerStatus] = []
        var rows: [[String?]] = []
        var okStatus: ServerStatus?
        for packet in reply.payloads {
            switch try reader.consume(packet.payload) {
            case .row(let row): rows.append(row)
            case .end(let status, _):
                ends.append(status)
                reader = ResultSetReader(capabilities: [.protocol41])
            case .ok(let ok): okStatus = ok.status
            default: break
            }
        }
        #expect(rows == [["1"], [nil]])
        #expect(ends.allSatisfy { $0.contains(.moreResultsExist) } && ends.count == 2)
        #expect(okStatus.map { !$0.contains(.moreResultsExist) } == true, "the last result ends the reply")
        #expect(reply.payloads.map(\.sequenceID) == Array(1...UInt8(reply.payloads.count)))
    }

    @Test func theFirstErrorEndsAMultiStatementQueryAndMultiStatementsCanBeTurnedOff() throws {
        let h = try Harness()
        _ = try h.login()
        let failing = try h.send([ClientCommand.query("CREATE DATABASE a; CREATE DATABASE a; CREATE DATABASE b").encode()])
        #expect(failing.payloads.count == 2)
        #expect(try ErrPacket.decode(failing.payloads[1].payload).code == 1007)
        var session = h.cluster.makeSession()
        #expect(try h.cluster.execute("SHOW DATABASES", session: &session).rows.flatMap { $0 } == ["a"])
        let off = try h.send([ClientCommand.setOption(multiStatementsOn: false).encode()])
        #expect(EOFPacket.isEOF(try #require(off.payloads.first).payload))
        let refused = try h.send([ClientCommand.query("SELECT 1; SELECT 2").encode()])
        #expect(try ErrPacket.decode(try #require(refused.payloads.first).payload).code == 1064)
    }

    @Test func pipelinedCommandsAreAnsweredInOrder() throws {
        let h = try Harness()
        _ = try h.login()
        let reply = try h.send([ClientCommand.ping.encode(), ClientCommand.initDB("nope").encode(), ClientCommand.ping.encode()])
        #expect(reply.payloads.count == 3)
        #expect(reply.payloads[0].payload.first == 0x00)
        #expect(try ErrPacket.decode(reply.payloads[1].payload) == ErrPacket.unknownDatabase("nope"))
        #expect(reply.payloads[2].payload.first == 0x00)
    }

    @Test func aWrongPasswordIsRefusedWithDorisWordsAndAnotherPluginIsSwitchedToNative() throws {
        let h = try Harness()
        var session = h.cluster.makeSession()
        _ = try h.cluster.execute("CREATE USER clerk IDENTIFIED BY 'pw'", session: &session)
        let wrong = try h.login(user: "clerk", password: "nope")
        #expect(wrong.close)
        #expect(try ErrPacket.decode(try #require(wrong.payloads.first).payload)
            == ErrPacket(code: 1045, sqlState: "28000", message: "Access denied for user 'clerk'@'127.0.0.1' (using password: YES)"))
        let h2 = try Harness()
        var session2 = h2.cluster.makeSession()
        _ = try h2.cluster.execute("CREATE USER clerk IDENTIFIED BY 'pw'", session: &session2)
        let sha2 = HandshakeResponse41(
            capabilities: [.protocol41, .secureConnection, .pluginAuth], username: "clerk",
            authResponse: Array(repeating: 1, count: 32), authPluginName: "caching_sha2_password")
        let asked = try h2.send([sha2.encode()], sequence: 1)
        let request = try AuthSwitchRequest.decode(try #require(asked.payloads.first).payload)
        #expect(request.pluginName == NativePassword.pluginName && request.challenge == h2.salt)
        let switched = try h2.send([NativePassword.scramble(password: "pw", salt: h2.salt)], sequence: 3)
        #expect(switched.payloads.first?.payload.first == 0x00 && switched.payloads.first?.sequenceID == 4)
    }

    @Test func aClientWithoutProtocol41OrWithGarbageIsRefused() throws {
        let h = try Harness()
        let old = try h.login(caps: [.secureConnection])
        #expect(old.close)
        #expect(try ErrPacket.decode(try #require(old.payloads.first).payload).code == 1251)
        let h2 = try Harness()
        let garbage = try h2.send([[0x00, 0x02, 0x00, 0x00, 0xFF]], sequence: 1)
        #expect(garbage.close)
        let refusal = try ErrPacket.decode(try #require(garbage.payloads.first).payload)
        #expect(refusal.code == 1043)
    }

    @Test func commandNamesReadAsMySQLWritesThem() {
        #expect(ServerConnection.mysqlName(.stmtPrepare) == "COM_STMT_PREPARE")
        #expect(ServerConnection.mysqlName(.initDB) == "COM_INIT_DB")
        #expect(QueryRunner.statements(of: "/* c */ SELECT 1; -- x\n") == ["SELECT 1"])
        #expect(QueryRunner.statements(of: "SELECT 1; SELECT ';'") == ["SELECT 1", "SELECT ';'"])
        #expect(QueryRunner.statements(of: "  SELECT 1 \n") == ["SELECT 1"])
        #expect(QueryRunner.statements(of: " \n ").isEmpty)
        #expect(QueryRunner.statements(of: "/* only a comment */").isEmpty)
        #expect(QueryRunner.statements(of: "SELECT 'a-b' -- note") == ["SELECT 'a-b' -- note"])
    }

    @Test func onlyPingsAndSessionStatementsAreAnsweredOnTheIOThread() throws {
        let h = try Harness()
        func packet(_ command: ClientCommand) -> [UInt8] { PacketFramer.frame(command.encode(), sequenceID: 0) }
        #expect(!h.connection.answersAtOnce(packet(.ping)), "not before login")
        _ = try h.login()
        #expect(h.connection.answersAtOnce(packet(.ping)))
        #expect(h.connection.answersAtOnce(packet(.query("SELECT 1"))))
        #expect(h.connection.answersAtOnce(packet(.query("SET NAMES utf8mb4; SELECT @@version_comment LIMIT 1"))))
        #expect(!h.connection.answersAtOnce(packet(.query("SELECT 1; SHOW DATABASES"))))
        #expect(!h.connection.answersAtOnce(packet(.query("SHOW BACKUP"))))
        #expect(!h.connection.answersAtOnce(packet(.query("SELEC 1"))))
        #expect(!h.connection.answersAtOnce(packet(.initDB("d"))))
        #expect(!h.connection.answersAtOnce(packet(.ping) + packet(.ping)), "two commands go to the queue in order")
    }
}
