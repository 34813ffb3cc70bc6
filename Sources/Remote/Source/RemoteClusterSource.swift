import Console
import Dispatch
import Essentials
import Foundation
import SQLSyntax
import Synchronization

/// The dashboard's `ClusterSource` for a MySQL-protocol FE (SnapDeck's `snapdeck serve`, Doris,
/// StarRocks), fed only by SQL.
///
/// Two connections, each used by one serial queue so at most one statement is ever in flight on
/// it: one reads (polls, snapshot lists), one runs the operator's statements, so a long SHOW
/// never delays a CANCEL. Reads are paced by `PollPacer`; the source cues the dashboard when it
/// is time to read again. When the server cannot be reached, every read answers at once with the
/// last picture marked disconnected, and the connection is retried with growing waits.
public final class RemoteClusterSource: ClusterSource, @unchecked Sendable {
    public typealias Connector = @Sendable (Endpoint) throws(RemoteError) -> any SQLConnection

    private let endpoint: Endpoint
    private let connector: Connector
    private let clock: @Sendable () -> Double
    private let utcOffset: Int
    private let pacer: PollPacer
    private let retry = RetryPolicy(attempts: .max, firstDelay: 1, growth: 2, maximumDelay: 30, jitter: 0.1)
    private let readQueue = DispatchQueue(label: "snapdeck.remote.read")
    private let actionQueue = DispatchQueue(label: "snapdeck.remote.action")
    private let shared = Mutex(Shared())

    /// What the main queue and both work queues touch.
    private struct Shared {
        var focus = SourceFocus(tab: .backups, needsCatalog: false)
        var onChange: (@Sendable () -> Void)?
        var reader: (any SQLConnection)?
        var actor: (any SQLConnection)?
        var closed = false
    }

    // Only touched on `readQueue`.
    private var server: ServerIdentity?
    private var last: ClusterSnapshot?
    private var lastDuration = 0.0
    private var failures = 0
    private var disconnection: (reason: String, retryAt: Double)?
    private var lastFull = (time: -Double.infinity, statements: 0)
    private var fullReadWanted = true
    private var cue: DispatchWorkItem?

    public init(
        endpoint: Endpoint, pacer: PollPacer = PollPacer(), utcOffset: Int,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }, connector: @escaping Connector
    ) {
        self.endpoint = endpoint
        self.pacer = pacer
        self.utcOffset = utcOffset
        self.clock = clock
        self.connector = connector
    }

    public func read(completion: @escaping @Sendable (Result<ClusterSnapshot, SourceFailure>) -> Void) {
        readQueue.async { [self] in
            let snapshot = readNow()
            completion(.success(snapshot))
            scheduleCue()
        }
    }

    public func run(_ script: String, completion: @escaping @Sendable (SQLResult) -> Void) {
        actionQueue.async { [self] in
            completion(execute(script))
            // A statement may have started or ended a job: read everything at the next cue.
            readQueue.async { [self] in fullReadWanted = true }
        }
    }

    public func listSnapshots(repository: String, completion: @escaping @Sendable (Result<[SnapshotRow], SourceFailure>) -> Void) {
        readQueue.async { [self] in
            completion(onReader { reading throws(RemoteError) in try reading.snapshots(in: repository) })
        }
    }

    public func snapshotContents(
        repository: String, label: String, timestamp: String,
        completion: @escaping @Sendable (Result<SnapshotContents, SourceFailure>) -> Void
    ) {
        readQueue.async { [self] in
            completion(onReader { reading throws(RemoteError) in
                try reading.snapshotContents(repository: repository, label: label, timestamp: timestamp)
            })
        }
    }

    public func watchChanges(_ handler: @escaping @Sendable () -> Void) {
        shared.withLock { $0.onChange = handler }
    }

    public func focus(_ focus: SourceFocus) {
        let before = shared.withLock { state in
            defer { state.focus = focus }
            return state.focus
        }
        // The catalog's tables are read only while wanted: fetch them now rather than at the next
        // idle read, up to 10 s away.
        if focus.needsCatalog, !before.needsCatalog || focus.tab != before.tab {
            readQueue.async { [self] in
                fullReadWanted = true
                cueNow()
            }
        }
    }

    /// Quits at once: both connections are closed from here, which also ends a statement in
    /// flight; the queues find them gone.
    public func close() {
        let connections = shared.withLock { state in
            state.closed = true
            defer { state.reader = nil; state.actor = nil }
            return [state.reader, state.actor]
        }
        for connection in connections { connection?.close() }
    }

    // MARK: - Reading (on readQueue)

    private func readNow() -> ClusterSnapshot {
        let started = clock()
        guard let reading = connectedReading(at: started) else { return disconnectedPicture() }
        let focus = shared.withLock { $0.focus }
        let running = last?.jobs.contains(where: \.isActive) ?? false
        let full = fullReadWanted || pacer.needsFullRead(sinceLastFull: started - lastFull.time,
                                                         statements: lastFull.statements, jobsRunning: running)
        do {
            var picture = full ? try reading.everything(focus: focus, previous: last) : try reading.runningJobs(previous: last ?? ClusterSnapshot())
            let finished = clock()
            if full {
                lastFull = (finished, reading.statements)
                fullReadWanted = false
            }
            lastDuration = finished - started
            picture.connection = ConnectionStatus(endpoint: endpoint.description, server: reading.server.displayName,
                                                  state: .connected, dataTime: finished)
            last = picture
            return picture
        } catch {
            lost(error)
            return disconnectedPicture()
        }
    }

    /// A reading over the read connection, connecting first when there is none and it is time
    /// to try; nil while disconnected.
    private func connectedReading(at now: Double) -> RemoteReading? {
        if let connection = shared.withLock({ $0.reader }), let server {
            return RemoteReading(connection: connection, server: server, user: endpoint.user, utcOffset: utcOffset)
        }
        if let disconnection, now < disconnection.retryAt { return nil }
        do throws(RemoteError) {
            let connection = try connector(endpoint)
            let identity: ServerIdentity
            do {
                identity = try ServerIdentity.ask(connection)
            } catch {
                connection.close()
                throw error
            }
            let kept = shared.withLock { state -> Bool in
                guard !state.closed else { return false }
                state.reader = connection
                return true
            }
            guard kept else {
                connection.close()
                return nil
            }
            server = identity
            failures = 0
            disconnection = nil
            fullReadWanted = true
            return RemoteReading(connection: connection, server: identity, user: endpoint.user, utcOffset: utcOffset)
        } catch {
            lost(error)
            return nil
        }
    }

    private func lost(_ error: RemoteError) {
        let connection = shared.withLock { state in
            defer { state.reader = nil }
            return state.reader
        }
        connection?.close()
        failures += 1
        disconnection = (error.message, clock() + retry.delay(after: failures))
    }

    private func disconnectedPicture() -> ClusterSnapshot {
        var picture = last ?? ClusterSnapshot(user: endpoint.user)
        picture.connection = ConnectionStatus(
            endpoint: endpoint.description, server: server?.displayName ?? "",
            state: .disconnected(reason: disconnection?.reason ?? "not connected", retryAt: disconnection?.retryAt ?? clock()),
            dataTime: last?.connection?.dataTime)
        return picture
    }

    /// Runs `body` on the read connection; a broken connection is dropped (the next read
    /// reconnects) and every failure is given back in words.
    private func onReader<T>(_ body: (RemoteReading) throws(RemoteError) -> Result<T, SourceFailure>) -> Result<T, SourceFailure> {
        guard let reading = connectedReading(at: clock()) else {
            return .failure(SourceFailure("not connected to \(endpoint): \(disconnection?.reason ?? "")"))
        }
        do {
            return try body(reading)
        } catch {
            lost(error)
            return .failure(SourceFailure(error.description))
        }
    }

    /// Tells the dashboard to read again when the pacer says so (or when the retry is due).
    private func scheduleCue() {
        let running = last?.jobs.contains(where: \.isActive) ?? false
        let delay: Double
        if let disconnection {
            delay = max(0.2, disconnection.retryAt - clock())
        } else {
            delay = pacer.delay(afterFullReadOf: lastFull.statements, duration: lastDuration, jobsRunning: running)
        }
        cue?.cancel()
        let item = DispatchWorkItem { [self] in cueNow() }
        cue = item
        readQueue.asyncAfter(deadline: .now() + delay, execute: item)
    }

    private func cueNow() {
        let handler = shared.withLock { $0.closed ? nil : $0.onChange }
        handler?()
    }

    // MARK: - Statements (on actionQueue)

    /// Runs every statement of `script` on the action connection; the last result, or the
    /// first error. A lost connection is not retried: the statement may have reached the server.
    private func execute(_ script: String) -> SQLResult {
        var last = SQLResult(message: "Query OK")
        for text in ScriptSplitter.statementTexts(script) {
            do {
                let result = try actionQuery(text)
                last = result.hasRows
                    ? SQLResult(columns: result.columns, rows: result.rows)
                    : .ok(affectedRows: result.affectedRows, info: result.info)
            } catch {
                if error.needsReconnect { dropActionConnection() }
                return SQLResult.failure(error.description)
            }
        }
        return last
    }

    /// One statement on the action connection. A connection found dead before anything was
    /// sent (the server restarted since the last statement) is replaced once, transparently.
    private func actionQuery(_ text: String) throws(RemoteError) -> RemoteResult {
        do {
            return try actionConnection().query(text)
        } catch where error.code == RemoteError.goneAway.code {
            dropActionConnection()
            return try actionConnection().query(text)
        }
    }

    private func actionConnection() throws(RemoteError) -> any SQLConnection {
        if let connection = shared.withLock({ $0.actor }) { return connection }
        let connection = try connector(endpoint)
        shared.withLock { $0.actor = connection }
        return connection
    }

    private func dropActionConnection() {
        let connection = shared.withLock { state in
            defer { state.actor = nil }
            return state.actor
        }
        connection?.close()
    }
}
