import Foundation
import MySQLWire
import NIOCore
import NIOPosix

/// The client-side errors, in the mysql client's codes and words so operators recognise them.
extension RemoteError {
    /// 2003: the TCP connection could not be made.
    static func cannotReach(_ endpoint: Endpoint, reason: String) -> RemoteError {
        RemoteError(
            kind: .cannotConnect, code: 2003,
            message: "Can't connect to MySQL server on '\(endpoint.host):\(endpoint.port)' (\(reason))")
    }

    /// 2005: the host name does not resolve.
    static func unknownHost(_ endpoint: Endpoint) -> RemoteError {
        RemoteError(kind: .cannotConnect, code: 2005, message: "Unknown MySQL server host '\(endpoint.host)'")
    }

    /// 2013 during login: the server went away or stopped answering before the session began.
    static func lostAtLogin(_ endpoint: Endpoint, _ what: String) -> RemoteError {
        RemoteError(
            kind: .cannotConnect, code: 2013,
            message: "Lost connection to server at '\(endpoint.host):\(endpoint.port)' during login (\(what))")
    }

    /// 2059: the server wants an authentication plugin SnapDeck does not implement.
    static func unsupportedPlugin(_ plugin: String) -> RemoteError {
        RemoteError(
            kind: .cannotConnect, code: 2059,
            message: "Authentication plugin '\(plugin)' cannot be used: SnapDeck speaks mysql_native_password only"
                + " (create the user with IDENTIFIED WITH mysql_native_password)")
    }

    /// A server ERR during login keeps the server's code, state and text (1045, 1049, 1040…).
    static func refusedAtLogin(_ err: ErrPacket) -> RemoteError {
        RemoteError(kind: .cannotConnect, code: err.code, sqlState: err.sqlState, message: err.message)
    }

    /// A server ERR answering a command; the session goes on.
    static func server(_ err: ErrPacket) -> RemoteError {
        RemoteError(kind: .server, code: err.code, sqlState: err.sqlState, message: err.message)
    }

    /// 2013: the connection broke, or the server broke the protocol, while a command ran.
    static func lostDuringQuery(_ detail: String? = nil) -> RemoteError {
        RemoteError(
            kind: .lost, code: 2013,
            message: "Lost connection to server during query" + (detail.map { " (\($0))" } ?? ""))
    }

    /// 2013 with kind `.timeout`: no answer in time, so the connection was closed.
    static func queryTimedOut(seconds: Double) -> RemoteError {
        RemoteError(
            kind: .timeout, code: 2013,
            message: "Lost connection to server during query (the server did not answer within \(Self.seconds(seconds)) s)")
    }

    /// 2006: a command on a connection already closed; nothing was sent, so it may be sent again
    /// on a new connection.
    public static let goneAway = RemoteError(kind: .lost, code: 2006, message: "MySQL server has gone away")

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Why a TCP connect failed, as a short text: the errno's words when there is one.
    static func connectFailure(_ error: Error, endpoint: Endpoint) -> RemoteError {
        if let failure = error as? NIOConnectionError {
            if let first = failure.connectionErrors.first {
                return connectFailure(first.error, endpoint: endpoint)
            }
            if failure.dnsAError != nil || failure.dnsAAAAError != nil { return unknownHost(endpoint) }
            return cannotReach(endpoint, reason: "no address for the host")
        }
        if let io = error as? IOError {
            return cannotReach(endpoint, reason: String(cString: strerror(io.errnoCode)))
        }
        if case ChannelError.connectTimeout = error {
            return cannotReach(endpoint, reason: "Connection timed out")
        }
        if error is SocketAddressError { return unknownHost(endpoint) }
        return cannotReach(endpoint, reason: String(describing: error))
    }
}
