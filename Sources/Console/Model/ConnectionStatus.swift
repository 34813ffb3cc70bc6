/// Where a remote dashboard is connected, and whether it still is. The embedded cluster has none.
///
/// The source fills it; the header draws it. While disconnected the snapshot the source returns
/// is the last one it read, and `dataTime` says how old it is.
public struct ConnectionStatus: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case connected
        /// Lost or never made; the next attempt is at `retryAt` (epoch seconds).
        case disconnected(reason: String, retryAt: Double)
    }

    /// `user@host:port`.
    public var endpoint: String
    /// What answers there, e.g. `SnapDeck 0.1.0`, `Doris 2.1.7`, `MariaDB 10.11.19`; empty before the
    /// first connection.
    public var server: String
    public var state: State
    /// When the data on screen was read (epoch seconds); nil before the first read.
    public var dataTime: Double?

    public init(endpoint: String, server: String = "", state: State = .connected, dataTime: Double? = nil) {
        self.endpoint = endpoint
        self.server = server
        self.state = state
        self.dataTime = dataTime
    }

    public var isConnected: Bool { state == .connected }
}

/// The parts of a cluster a source reads separately; one may be unavailable while the others are
/// shown (a missing privilege, a server without BACKUP / RESTORE).
public enum ClusterPart: String, Sendable, Hashable, CaseIterable {
    case backups
    case restores
    case repositories
    case catalog
    case backends
    case schedules
}
