import Engine
import Foundation
import Logging
import MySQLWire
import NIOConcurrencyHelpers
import SQLSyntax

/// The protocol side of one client connection: login, then commands, each answered from the
/// cluster. Fed raw bytes, it answers the bytes to send.
///
/// Used on the connection's serial queue only (`ConnectionHandler`), except for the few
/// properties the event loop reads, which are locked.
final class ServerConnection: @unchecked Sendable {
    /// What `receive` asks the channel to do.
    struct Reply {
        var bytes: [UInt8] = []
        var close = false
    }

    private enum Phase {
        case login
        case authSwitch(HandshakeResponse41)
        case commands
        case closed
    }

    let connectionId: Int
    let peer: String
    private let cluster: Cluster
    private let logger: Logger
    private let salt = HandshakeV10.randomSalt()
    private var phase = Phase.login
    private var reassembler: PacketReassembler
    private var capabilities: CapabilityFlags = []
    private var multiStatements = false
    /// The query `answersAtOnce` just cut and parsed, for `receive` to run.
    private var parsedAtOnce: (sql: String, pieces: [QueryRunner.Piece])?
    /// The client said it is interactive (the mysql shell): it idles for `interactive_timeout`.
    private var interactive = false
    private var session: Session
    private let shared = NIOLockedValueBox(Shared())

    /// What the event loop reads while the queue works.
    private struct Shared {
        var idleTimeout: Int64 = 28800
        var stopped = false
    }

    init(cluster: Cluster, connectionId: Int, peer: String, logger: Logger) {
        self.cluster = cluster
        self.connectionId = connectionId
        self.peer = peer
        self.logger = logger
        session = cluster.makeSession(user: "", connectionId: connectionId, host: peer)
        reassembler = PacketReassembler(maxPayloadLength: Self.loginPacketLimit)
    }

    /// Before login only a handshake response may arrive: a few hundred bytes, so a stranger
    /// cannot make the server hold max_allowed_packet bytes.
    static let loginPacketLimit = 64 * 1024

    // MARK: What the event loop asks

    /// The handshake the server opens with.
    func greeting() -> [UInt8] {
        let handshake = HandshakeV10(connectionID: UInt32(truncatingIfNeeded: connectionId), salt: salt)
        return PacketFramer.frame(handshake.encode(), sequenceID: 0)
    }

    /// Seconds of silence after which the session ends (`wait_timeout`, or
    /// `interactive_timeout` for a client that says it is interactive).
    var idleTimeoutSeconds: Int64 { shared.withLockedValue { $0.idleTimeout } }

    /// MySQL's own words for a session ended for idleness, sent unasked before the close.
    func idleFarewell() -> [UInt8] {
        PacketFramer.frame(ErrPacket(
            code: 4031, sqlState: "HY000",
            message: "The client was disconnected by the server because of inactivity. See wait_timeout and interactive_timeout for configuring this behavior."
        ).encode(), sequenceID: 0)
    }

    /// The answer to a client past `--max-connections`, sent in place of the handshake.
    static func tooManyConnections() -> [UInt8] {
        PacketFramer.frame(ErrPacket(code: 1040, sqlState: "08004", message: "Too many connections").encode(), sequenceID: 0)
    }

    /// Queued commands are dropped from now on (the server is stopping).
    func stopTakingCommands() {
        shared.withLockedValue { $0.stopped = true }
    }

    func ended() {
        if case .commands = phase {
            logger.info("connection \(connectionId): '\(session.user)' from \(peer) disconnected")
        }
        phase = .closed
    }

    /// True when `bytes` are one whole command that can be answered on the I/O thread without
    /// waiting for any other session: a ping, or a query of session statements only
    /// (`SELECT 1`, `SET NAMES`, `SELECT @@x`, `SHOW VARIABLES`), which clients send on every
    /// connect and poll. Anything else goes to the connection's queue, which runs the
    /// statements parsed here instead of cutting and parsing the text again. Called only when
    /// the queue has no work of this connection, so the two never run at once.
    func answersAtOnce(_ bytes: [UInt8]) -> Bool {
        guard case .commands = phase, reassembler.bufferedByteCount == 0, bytes.count >= 5 else { return false }
        let length = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16
        guard length + 4 == bytes.count, length < PacketFramer.maxPacketPayload else { return false }
        switch bytes[4] {
        case Command.ping.rawValue:
            return true
        case Command.query.rawValue:
            let sql = String(decoding: bytes[5...], as: UTF8.self)
            let texts = QueryRunner.statements(of: sql)
            guard !texts.isEmpty, texts.count == 1 || multiStatements else { return false }
            // A statement that does not parse is left to run from its text, which reports
            // the syntax error with its secrets masked.
            let pieces = texts.map { QueryRunner.Piece(text: $0, parsed: try? Parser.parse($0)) }
            parsedAtOnce = (sql, pieces)
            return pieces.allSatisfy { $0.parsed.map(Cluster.runsAtOnce) ?? false }
        default:
            return false
        }
    }

    // MARK: Bytes in, bytes out

    func receive(_ bytes: [UInt8]) -> Reply {
        var reply = Reply()
        if shared.withLockedValue({ $0.stopped }) {
            reply.close = true
            return reply
        }
        reassembler.append(bytes)
        do {
            while !reply.close, let packet = try reassembler.nextPacket() {
                handle(packet, into: &reply)
            }
        } catch {
            logger.info("connection \(connectionId) from \(peer) closed: \(error)")
            reply.bytes += PacketFramer.frame(error.errPacket.encode(), sequenceID: 0)
            reply.close = true
        }
        return reply
    }

    private func handle(_ packet: Packet, into reply: inout Reply) {
        var sequence = SequenceCounter.reply(to: packet.lastSequenceID)
        var payloads: [[UInt8]] = []
        switch phase {
        case .login:
            payloads = login(packet.payload, &reply)
        case .authSwitch(let response):
            payloads = authenticate(response, scramble: packet.payload, &reply)
        case .commands:
            payloads = command(packet.payload, &reply)
        case .closed:
            reply.close = true
        }
        reply.bytes += PacketFramer.frame(payloads, sequence: &sequence)
    }

    // MARK: Login

    private func login(_ payload: [UInt8], _ reply: inout Reply) -> [[UInt8]] {
        let response: HandshakeResponse41
        do {
            response = try HandshakeResponse41.decode(payload)
        } catch {
            logger.info("connection \(connectionId) from \(peer): bad handshake (\(error))")
            reply.close = true
            let err = error == .clientProtocolUnsupported
                ? error.errPacket : ErrPacket(code: 1043, sqlState: "08S01", message: "Bad handshake")
            return [err.encode()]
        }
        capabilities = response.capabilities.intersection(.snapDeckServer)
        multiStatements = capabilities.contains(.multiStatements)
        // A client that starts with another plugin (caching_sha2_password, MySQL 8's default)
        // is asked for a native scramble of the same salt, as Doris does.
        if capabilities.contains(.pluginAuth), let plugin = response.authPluginName, plugin != NativePassword.pluginName {
            phase = .authSwitch(response)
            return [AuthSwitchRequest.nativePassword(salt: salt).encode()]
        }
        return authenticate(response, scramble: response.authResponse, &reply)
    }

    private func authenticate(_ response: HandshakeResponse41, scramble: [UInt8], _ reply: inout Reply) -> [[UInt8]] {
        let user = Self.userName(response.username)
        let refusal = ErrPacket.accessDenied(user: user, host: peer, usingPassword: !scramble.isEmpty)
        let accepted: Bool
        switch cluster.credentials(forUser: user) {
        case .unknownUser:
            accepted = false
        case .noPassword:
            accepted = scramble.isEmpty
        case .nativeHash(let stored):
            accepted = NativePassword.verify(reply: scramble, salt: salt, storedHashBytes: stored)
        case .needsReset(let why):
            logger.warning("login of '\(user)' from \(peer) refused: \(why)")
            reply.close = true
            return [ErrPacket(code: 1045, sqlState: "28000", message: refusal.message + ": " + why).encode()]
        }
        guard accepted else {
            logger.warning("login of '\(user)' from \(peer) refused: wrong user or password (using password: \(scramble.isEmpty ? "NO" : "YES"))")
            reply.close = true
            return [refusal.encode()]
        }
        session = cluster.makeSession(user: user, connectionId: connectionId, host: peer)
        interactive = response.capabilities.contains(.interactive)
        if capabilities.contains(.connectWithDB), let database = Self.databaseName(response.database) {
            do {
                _ = try cluster.execute(.use(database: database), session: &session)
            } catch {
                reply.close = true
                return [errPacket(error).encode()]
            }
        }
        phase = .commands
        reassembler.maxPayloadLength = session.maxAllowedPacket
        publishSessionLimits()
        logger.info("connection \(connectionId): '\(user)' from \(peer) logged in")
        return [ResultSetWriter(capabilities: capabilities).ok(status: status)]
    }

    /// Doris accepts `user#cluster` spellings from old clients; the part after `#` is not a user.
    static func userName(_ raw: String) -> String {
        String(raw.prefix { $0 != "#" })
    }

    /// Doris accepts `catalog.db`; SnapDeck's only catalog is `internal`.
    static func databaseName(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        if raw.lowercased().hasPrefix("internal.") { return String(raw.dropFirst("internal.".count)) }
        return raw
    }

    // MARK: Commands

    private var status: ServerStatus { session.autocommit ? .autocommit : [] }

    private func command(_ payload: [UInt8], _ reply: inout Reply) -> [[UInt8]] {
        let writer = ResultSetWriter(capabilities: capabilities)
        let command: ClientCommand
        do {
            command = try ClientCommand.decode(payload)
        } catch {
            return [error.errPacket.encode()]
        }
        switch command {
        case .query(let sql):
            let runner = QueryRunner(cluster: cluster, writer: writer, multiStatements: multiStatements)
            let payloads: [[UInt8]]
            if let parsed = parsedAtOnce, parsed.sql == sql {
                payloads = runner.run(parsed.pieces, session: &session)
            } else {
                payloads = runner.run(sql, session: &session)
            }
            parsedAtOnce = nil
            publishSessionLimits()
            return payloads
        case .initDB(let database):
            do {
                _ = try cluster.execute(.use(database: database), session: &session)
                return [writer.ok(status: status)]
            } catch {
                return [errPacket(error).encode()]
            }
        case .ping:
            return [writer.ok(status: status)]
        case .quit:
            reply.close = true
            return []
        case .fieldList(let table, let wildcard):
            return FieldLister(cluster: cluster, writer: writer).list(table: table, wildcard: wildcard, session: &session, status: status)
        case .setOption(let on):
            multiStatements = on
            return [writer.end(status: status)]
        case .other(let code):
            let name = Command(rawValue: code).map(Self.mysqlName) ?? String(format: "0x%02X", code)
            return [ErrPacket(
                code: 1047, sqlState: "08S01",
                message: "Unsupported command \(name): SnapDeck answers text queries (COM_QUERY), not prepared statements"
            ).encode()]
        }
    }

    /// `stmtPrepare` → `COM_STMT_PREPARE`, as MySQL's documentation names commands.
    static func mysqlName(_ command: Command) -> String {
        var words = ""
        var previous: Character = "_"
        for character in "\(command)" {
            if character.isUppercase, previous.isLowercase { words += "_" }
            words += character.uppercased()
            previous = character
        }
        return "COM_" + words
    }

    /// The event loop reads the idle limit; the packet limit is the queue's own.
    private func publishSessionLimits() {
        let timeout = Int64(interactive ? session.interactiveTimeoutSeconds : session.waitTimeoutSeconds)
        shared.withLockedValue { $0.idleTimeout = timeout }
    }
}

/// A statement's failure as Doris sends it: its generic 1105 errors carry Doris's
/// `errCode = 2, detailMessage = ` prefix, which clients written for Doris expect.
func errPacket(_ error: SQLError) -> ErrPacket {
    let message = error.code == 1105 ? "errCode = 2, detailMessage = " + error.message : error.message
    return ErrPacket(code: UInt16(clamping: error.code), sqlState: error.sqlState, message: message)
}
