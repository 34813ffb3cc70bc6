/// Values shared by the MySQL-protocol client and the remote dashboard source.

/// Where to connect and as whom. `description` never shows the password.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var database: String?

    public init(host: String, port: Int = 9030, user: String = "root", password: String = "", database: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// `user@host:port`, what the dashboard's header and error messages show.
    public var description: String { "\(user)@\(host):\(port)" }
}

/// One statement's answer: a result set (`hasRows`, possibly with no rows) or an OK packet.
/// Values are the text protocol's strings; nil is SQL NULL.
public struct RemoteResult: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String?]]
    public var hasRows: Bool
    public var affectedRows: UInt64
    public var info: String
    public var warnings: UInt16

    public init(
        columns: [String] = [], rows: [[String?]] = [], hasRows: Bool = false, affectedRows: UInt64 = 0,
        info: String = "", warnings: UInt16 = 0
    ) {
        self.columns = columns
        self.rows = rows
        self.hasRows = hasRows
        self.affectedRows = affectedRows
        self.info = info
        self.warnings = warnings
    }

    /// The index of a column by name, ignoring case (servers differ in spelling: `DbName`, `dbname`).
    public func columnIndex(_ name: String) -> Int? {
        let wanted = name.lowercased()
        return columns.firstIndex { $0.lowercased() == wanted }
    }
}

/// Why a statement or a connection failed. Server errors keep the server's code, SQLSTATE and
/// text; client-side failures use the mysql client's codes (2003 cannot connect, 2013 lost
/// connection) so operators recognise them.
public struct RemoteError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The server answered with an ERR packet; the connection is still usable.
        case server
        /// No connection could be made (refused, unknown host, handshake or login failed).
        case cannotConnect
        /// The connection broke or the server sent something that is not the protocol;
        /// the connection is closed.
        case lost
        /// No answer within the time allowed; the connection is closed.
        case timeout
    }

    public var kind: Kind
    public var code: UInt16
    public var sqlState: String
    public var message: String

    public init(kind: Kind, code: UInt16, sqlState: String = "HY000", message: String) {
        self.kind = kind
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    /// The mysql client's form: `ERROR 1045 (28000): Access denied for user 'x'@'h' (using password: YES)`.
    public var description: String { "ERROR \(code) (\(sqlState)): \(message)" }

    /// True when the connection can no longer be used and a new one is needed.
    public var needsReconnect: Bool { kind != .server }
}

/// One open connection that runs one statement at a time. Calls block the calling thread (never
/// call from an event loop); the owner serializes them, so at most one statement is in flight.
public protocol SQLConnection: AnyObject, Sendable {
    /// The version string of the server's handshake (`5.7.99`, `5.5.5-10.11.19-MariaDB…`).
    var serverVersion: String { get }
    /// The connection id the server gave this session.
    var connectionId: UInt32 { get }
    /// Runs one statement. A server error throws `.server` and leaves the connection usable;
    /// anything else closes it.
    func query(_ sql: String) throws(RemoteError) -> RemoteResult
    /// Closes the connection (COM_QUIT, then the socket). Safe to call twice.
    func close()
}

/// Which kind of FE answers: read from the handshake version and `@@version_comment`.
public enum ServerFlavor: String, Sendable, Hashable {
    case snapdeck = "SnapDeck"
    case doris = "Doris"
    case starRocks = "StarRocks"
    case mariaDB = "MariaDB"
    case mysql = "MySQL"
    case unknown = "unknown server"

    /// Whether the server has Doris's BACKUP / RESTORE statements at all.
    public var hasBackupRestore: Bool {
        switch self {
        case .snapdeck, .doris, .starRocks, .unknown: true
        case .mariaDB, .mysql: false
        }
    }
}
