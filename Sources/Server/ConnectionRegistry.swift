import Dispatch
import NIOConcurrencyHelpers
import NIOCore

/// The server's open connections: it hands out connection ids, enforces the connection limit
/// and ends every session at shutdown.
final class ConnectionRegistry: @unchecked Sendable {
    private struct Entry {
        var channel: Channel
        var queue: DispatchQueue
        var connection: ServerConnection
    }

    private let lock = NIOLock()
    private var entries: [Int: Entry] = [:]
    private var nextId = 1
    private var closing = false

    /// A new connection's id, or nil when `limit` connections are open (or the server is
    /// stopping).
    func admit(limit: Int) -> Int? {
        lock.withLock {
            guard !closing, entries.count < limit else { return nil }
            let id = nextId
            nextId += 1
            return id
        }
    }

    func register(_ id: Int, channel: Channel, queue: DispatchQueue, connection: ServerConnection) {
        lock.withLock { entries[id] = Entry(channel: channel, queue: queue, connection: connection) }
    }

    func remove(_ id: Int) {
        lock.withLock { _ = entries.removeValue(forKey: id) }
    }

    /// Refuses new connections, lets each session's statement in flight finish (its queued
    /// commands are dropped), then closes every socket.
    func closeAll() {
        let open = lock.withLock {
            closing = true
            return Array(entries.values)
        }
        for entry in open {
            entry.connection.stopTakingCommands()
            entry.queue.sync {}
            // A channel the client closed meanwhile answers with an error: nothing to do then.
            _ = try? entry.channel.close().wait()
        }
    }
}
