import Console
import Foundation
import Remote
import Synchronization

/// A scripted server for the remote source's fault tests: answers statements by their first
/// words, records what it was sent, and can refuse connections or drop one mid-read.
final class FakeServer: Sendable {
    struct State {
        var answers: [(prefix: String, answer: Result<RemoteResult, RemoteError>)] = []
        var sent: [String] = []
        var connections = 0
        var refusing = false
        /// Statements after which the connection breaks (nil: never).
        var breakAfter: Int?
        var versionComment = "SnapDeck 0.1.0 (Doris-compatible)"
        var handshakeVersion = "5.7.99"
    }

    let state = Mutex(State())

    func answer(_ prefix: String, _ result: RemoteResult) {
        state.withLock { $0.answers.insert((prefix, .success(result)), at: 0) }
    }

    func fail(_ prefix: String, code: UInt16, message: String) {
        state.withLock { $0.answers.insert((prefix, .failure(RemoteError(kind: .server, code: code, message: message))), at: 0) }
    }

    var sent: [String] { state.withLock { $0.sent } }

    var connector: RemoteClusterSource.Connector {
        { [self] endpoint throws(RemoteError) in
            let refusing = state.withLock { state in
                if !state.refusing { state.connections += 1 }
                return state.refusing
            }
            if refusing {
                throw RemoteError(kind: .cannotConnect, code: 2003,
                                  message: "Can't connect to MySQL server on '\(endpoint.host):\(endpoint.port)' (Connection refused)")
            }
            return FakeConnection(server: self)
        }
    }

    static func table(_ columns: [String], _ rows: [[String?]]) -> RemoteResult {
        RemoteResult(columns: columns, rows: rows, hasRows: true)
    }
}

final class FakeConnection: SQLConnection, Sendable {
    let server: FakeServer
    private let open = Mutex(true)

    init(server: FakeServer) {
        self.server = server
    }

    var serverVersion: String { server.state.withLock { $0.handshakeVersion } }
    var connectionId: UInt32 { 7 }

    func query(_ sql: String) throws(RemoteError) -> RemoteResult {
        guard open.withLock({ $0 }) else { throw RemoteError(kind: .lost, code: 2006, message: "MySQL server has gone away") }
        let answer: Result<RemoteResult, RemoteError> = server.state.withLock { state in
            state.sent.append(sql)
            if let limit = state.breakAfter {
                if limit <= 0 { return .failure(RemoteError(kind: .lost, code: 2013, message: "Lost connection to server during query")) }
                state.breakAfter = limit - 1
            }
            if sql == "SELECT @@version_comment" { return .success(FakeServer.table(["@@version_comment"], [[state.versionComment]])) }
            let match = state.answers.first { sql.hasPrefix($0.prefix) }
            return match?.answer ?? .success(FakeServer.table(["Value"], []))
        }
        switch answer {
        case .success(let result): return result
        case .failure(let error):
            if error.needsReconnect { close() }
            throw error
        }
    }

    func close() {
        open.withLock { $0 = false }
    }
}
