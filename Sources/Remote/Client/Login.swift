import Foundation
import MySQLWire

/// The connection phase: read the greeting, answer with the user and a native-password
/// scramble, follow an auth switch to `mysql_native_password`, until OK or ERR.
struct Login {
    struct Outcome {
        var handshake: HandshakeV10
        var capabilities: CapabilityFlags
    }

    /// What SnapDeck asks for; the server's offer decides what is used.
    static let wanted: CapabilityFlags = [
        .protocol41, .secureConnection, .pluginAuth, .longPassword, .longFlag, .transactions, .connectAttrs,
        .deprecateEOF,
    ]

    /// The largest payload accepted from the server: results can be large, and a limit only
    /// guards against a stream that is not the protocol.
    static let maxPayloadLength = 1 << 30

    let endpoint: Endpoint
    var exchange: Exchange

    static func capabilities(offered: CapabilityFlags, database: String?) -> CapabilityFlags {
        var wanted = Self.wanted
        if database != nil { wanted.insert(.connectWithDB) }
        return wanted.intersection(offered)
    }

    mutating func run() throws(RemoteError) -> Outcome {
        let greeting = try receive("reading the server's greeting")
        if greeting.payload.first == ErrPacket.header { throw .refusedAtLogin(try decodeErr(greeting.payload)) }
        let handshake: HandshakeV10
        do {
            handshake = try HandshakeV10.decode(greeting.payload)
        } catch {
            throw malformed("the greeting is not a MySQL handshake: \(error)")
        }
        guard handshake.capabilities.contains(.protocol41) else {
            throw malformed("the server does not speak protocol 4.1")
        }
        let capabilities = Self.capabilities(offered: handshake.capabilities, database: endpoint.database)
        let response = HandshakeResponse41(
            capabilities: capabilities, maxPacketSize: UInt32(Self.maxPayloadLength),
            characterSet: CharacterSetID.utf8mb4, username: endpoint.user,
            authResponse: scramble(salt: handshake.salt), database: endpoint.database,
            authPluginName: NativePassword.pluginName,
            connectAttributes: [("_client_name", "snapdeck"), ("program_name", "snapdeck")])
        exchange.send(response.encode())
        // A server may switch plugins more than once in theory; a few rounds is plenty.
        for _ in 0..<4 {
            let packet = try receive("reading the authorization packet")
            switch packet.payload.first {
            case OKPacket.header:
                return Outcome(handshake: handshake, capabilities: capabilities)
            case ErrPacket.header:
                throw .refusedAtLogin(try decodeErr(packet.payload))
            case AuthSwitchRequest.header:
                let request: AuthSwitchRequest
                do {
                    request = try AuthSwitchRequest.decode(packet.payload)
                } catch {
                    throw malformed("bad auth switch request: \(error)")
                }
                guard request.pluginName == NativePassword.pluginName else {
                    throw .unsupportedPlugin(request.pluginName)
                }
                exchange.send(scramble(salt: request.challenge))
            default:
                throw malformed("unexpected packet during login (first byte \(packet.payload.first ?? 0))")
            }
        }
        throw malformed("the server kept asking to switch authentication")
    }

    private func scramble(salt: [UInt8]) -> [UInt8] {
        NativePassword.scramble(password: endpoint.password, salt: Array(salt.prefix(20)))
    }

    private mutating func receive(_ doing: String) throws(RemoteError) -> Packet {
        do {
            return try exchange.receive()
        } catch .timedOut {
            throw .lostAtLogin(endpoint, "\(doing): no answer in time")
        } catch {
            throw .lostAtLogin(endpoint, "\(doing): \(error)")
        }
    }

    private func decodeErr(_ payload: [UInt8]) throws(RemoteError) -> ErrPacket {
        do {
            return try ErrPacket.decode(payload)
        } catch {
            throw malformed("bad error packet: \(error)")
        }
    }

    /// 2027, the mysql client's "Malformed packet", with what was wrong.
    private func malformed(_ detail: String) -> RemoteError {
        RemoteError(kind: .cannotConnect, code: 2027, message: "Malformed packet from \(endpoint.host):\(endpoint.port): \(detail)")
    }
}
