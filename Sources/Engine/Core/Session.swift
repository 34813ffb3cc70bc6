/// One connection's state: who runs statements, in which database, and its system variables.
/// `USE`, `SET` and `SET NAMES` change it; every statement reads it.
///
/// Open sessions with ``Cluster/makeSession(user:database:connectionId:host:)`` so that they
/// start from the cluster's global variables (changed by `SET GLOBAL`); `Session(...)` starts
/// from the built-in defaults.
public struct Session: Sendable, Equatable {
    public var user: String
    public var database: String?
    /// What `CONNECTION_ID()` returns: the MySQL-protocol server sets the id it sent in its
    /// handshake; `snapdeck sql` uses its process id; 0 when nothing says otherwise.
    public var connectionId: Int
    /// The client's host, as `USER()` shows it (`root@127.0.0.1`); "localhost" for a session
    /// of this process.
    public var host: String
    /// Changed only by `SET` (checked) and `SET NAMES`.
    public internal(set) var variables: SessionVariables

    public init(user: String = "root", database: String? = nil, connectionId: Int = 0, host: String = "localhost") {
        self.init(user: user, database: database, connectionId: connectionId, host: host, variables: .builtIn)
    }

    init(user: String, database: String?, connectionId: Int, host: String, variables: SessionVariables) {
        self.user = user
        self.database = database
        self.connectionId = connectionId
        self.host = host
        self.variables = variables
    }

    /// `wait_timeout`: how long, in seconds, the server lets a connection sit idle.
    public var waitTimeoutSeconds: Int { integer("wait_timeout") }
    /// `interactive_timeout`: the idle limit MySQL applies to interactive clients.
    public var interactiveTimeoutSeconds: Int { integer("interactive_timeout") }
    /// `max_allowed_packet`: the largest packet, in bytes, the server takes from the client.
    public var maxAllowedPacket: Int { integer("max_allowed_packet") }
    /// `autocommit` (SnapDeck stores it, as Doris does: every statement commits on its own).
    public var autocommit: Bool { variables.flag("autocommit") ?? true }
    /// `sql_select_limit`: the most rows a SELECT returns.
    var sqlSelectLimit: Int { integer("sql_select_limit") }

    /// An integer variable; `SET` lets only integers in range through, so the built-in value
    /// stands in only for an impossible miss.
    private func integer(_ name: String) -> Int {
        variables.integer(name) ?? SystemVariables.named(name)?.defaultValue.flatMap { Int($0) } ?? 0
    }
}
