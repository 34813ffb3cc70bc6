import Engine
import Foundation
import Remote

/// Where `snapdeck sql` runs statements: the embedded cluster in this process, or a server
/// over the MySQL protocol. The runner, the output formats and the shell are the same for both.
protocol StatementTarget: AnyObject {
    /// The current database, for the shell's prompt.
    var database: String? { get }
    /// What the shell's welcome says it is connected to.
    var location: String { get }
    func execute(_ sql: String) throws(SQLError) -> ResultSet
}

/// The embedded cluster, one session for the whole run.
final class LocalTarget: StatementTarget {
    let cluster: Cluster
    private var session: Session

    init(cluster: Cluster, user: String) {
        self.cluster = cluster
        // No connection: CONNECTION_ID() is this process's id, the one the data directory's
        // lock file names.
        session = cluster.makeSession(user: user, connectionId: Int(getpid()))
    }

    var database: String? { session.database }
    var location: String { "Cluster: \(cluster.layout.root)" }

    func execute(_ sql: String) throws(SQLError) -> ResultSet {
        try cluster.execute(sql, session: &session)
    }
}

/// A server reached with `MySQLConnection`. Errors keep the server's code, state and text;
/// the client's own (2006, 2013) read as the mysql client's.
final class RemoteTarget: StatementTarget {
    private(set) var connection: MySQLConnection
    let endpoint: Endpoint
    private(set) var database: String?

    init(connection: MySQLConnection, endpoint: Endpoint) {
        self.connection = connection
        self.endpoint = endpoint
        database = endpoint.database
    }

    var location: String { "Connected to \(endpoint) (server version \(connection.serverVersion))" }

    func execute(_ sql: String) throws(SQLError) -> ResultSet {
        let result: RemoteResult
        do {
            result = try queryReconnecting(sql)
        } catch {
            throw SQLError(code: Int(error.code), sqlState: error.sqlState, error.message)
        }
        if Self.firstWord(of: sql) == "use" { refreshDatabase() }
        return ResultSet(result)
    }

    /// Like the mysql client, a connection found gone before the statement was sent (the
    /// server restarted, or an earlier statement lost it) is made again, in the same database,
    /// and the statement sent once on the new one.
    private func queryReconnecting(_ sql: String) throws(RemoteError) -> RemoteResult {
        do {
            return try connection.query(sql)
        } catch where error.code == RemoteError.goneAway.code {
            FileHandle.standardError.write(Data("No connection. Trying to reconnect...\n".utf8))
            var again = endpoint
            again.database = database
            let fresh = try MySQLConnection.connect(to: again)
            fresh.queryTimeout = connection.queryTimeout
            connection = fresh
            FileHandle.standardError.write(Data("Connection id:    \(fresh.connectionId)\nCurrent database: \(database ?? "*** NONE ***")\n\n".utf8))
            return try fresh.query(sql)
        }
    }

    /// Asks the server which database `USE` chose (it may have been quoted, or the server may
    /// spell it its own way).
    private func refreshDatabase() {
        guard let answer = try? connection.query("SELECT DATABASE()") else {
            // The USE itself succeeded; a failed follow-up only leaves the prompt as it was,
            // and the next statement reports a broken connection itself.
            return
        }
        database = answer.rows.first?.first ?? nil
    }

    static func firstWord(of sql: String) -> String {
        String(sql.drop { $0.isWhitespace }.prefix { $0.isLetter }).lowercased()
    }
}

extension ResultSet {
    /// A remote result for `ResultFormatter`: every column text, as the wire carries it.
    init(_ remote: RemoteResult) {
        if remote.hasRows {
            self.init(columns: remote.columns, rows: remote.rows)
        } else {
            self.init(affectedRows: Int(clamping: remote.affectedRows), info: remote.info.isEmpty ? nil : remote.info)
        }
    }
}
