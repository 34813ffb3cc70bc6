import Console
import Dispatch
import Essentials
import Foundation
import Synchronization
import Terminal

/// Runs the dashboard: the only owner of the terminal, on the main queue. Input, signals, the
/// clock and source changes arrive as DispatchSources on the main queue and become `Action`s;
/// the pure reducer returns `Effect`s, which run here through the `ClusterSource` (reads and
/// SQL off the main queue); at most one frame is drawn per main-queue turn.
@MainActor
final class DashboardRuntime {
    private let source: any ClusterSource
    private let screen: CursesScreen
    private let theme: Theme
    private var events = EventFeed()
    /// A read is in flight: change cues meanwhile are coalesced into the next one.
    private var reading = false
    private var state: AppState
    private var sources: [any DispatchSourceProtocol] = []
    private var renderScheduled = false
    private var lastFocus: SourceFocus?
    /// Whether the last picture of a remote source was connected (nil before the first).
    private var wasConnected: Bool?
    private let engineChanged = ChangeCue()
    /// Build + diff + present time of every frame; written out at exit when
    /// `SNAPDECK_FRAME_STATS` names a file (the dashboard benchmark reads it).
    private var frameTimes = FrameTimes()

    init(source: any ClusterSource) throws {
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT] { Glibc.signal(signal, SIG_IGN) }
        screen = try CursesScreen()
        self.source = source
        let environment = ProcessInfo.processInfo.environment
        var theme = Theme.fromEnvironment(environment)
        if !screen.utf8 { theme = environment["NO_COLOR"].map { !$0.isEmpty } == true ? .monochrome(asciiOnly: true) : .standard(asciiOnly: true) }
        self.theme = theme
        state = AppState(width: screen.width, height: screen.height, now: Date().timeIntervalSince1970,
                         utcOffset: TimeZone.current.secondsFromGMT())
    }

    /// Starts the sources and runs until the user quits or a signal ends the session.
    func run() -> Never {
        let changed = engineChanged
        source.watchChanges { changed.set() }
        watchInput()
        watchSignals()
        startTimers()
        readSource()
        dispatchMain()
    }

    private func dispatch(_ action: Action) {
        let effects = reduce(&state, action)
        for effect in effects { perform(effect) }
        let focus = SourceFocus(state)
        if focus != lastFocus {
            lastFocus = focus
            source.focus(focus)
        }
        scheduleRender()
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .runSQL(let id, let sql):
            source.run(sql) { result in
                DispatchQueue.main.async {
                    MainActor.assumeIsolated {
                        // DDL (a new repository, database or table) changes what the tabs show
                        // without any job moving: read again at the next coalescing tick.
                        self.engineChanged.set()
                        self.dispatch(.sqlFinished(id: id, result: result))
                    }
                }
            }
        case .loadSnapshots(let repository):
            source.listSnapshots(repository: repository) { result in
                DispatchQueue.main.async {
                    MainActor.assumeIsolated {
                        switch result {
                        case .success(let rows): self.dispatch(.snapshotsLoaded(repository: repository, rows: rows, error: nil))
                        case .failure(let failure): self.dispatch(.snapshotsLoaded(repository: repository, rows: [], error: failure.message))
                        }
                    }
                }
            }
        case .loadSnapshotDetail(let repository, let label, let timestamp):
            source.snapshotContents(repository: repository, label: label, timestamp: timestamp) { result in
                DispatchQueue.main.async {
                    MainActor.assumeIsolated {
                        self.dispatch(.snapshotDetailLoaded(repository: repository, label: label, timestamp: timestamp,
                                                            contents: result.value, error: result.failureMessage))
                    }
                }
            }
        case .copyToClipboard(let text):
            // OSC 52: the terminal (and tmux) puts it on the clipboard; nothing is drawn.
            let sequence = "\u{1b}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
            _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        case .quit:
            shutdown(status: 0)
        }
    }

    private func scheduleRender() {
        guard !renderScheduled else { return }
        renderScheduled = true
        DispatchQueue.main.async {
            MainActor.assumeIsolated {
                self.renderScheduled = false
                self.render()
            }
        }
    }

    private func render() {
        let started = DispatchTime.now().uptimeNanoseconds
        if state.needsFullRedraw {
            screen.invalidate()
            state.needsFullRedraw = false
        }
        let buffer = Screen.render(state, width: screen.width, height: screen.height, theme: theme)
        screen.present(buffer, theme: theme)
        frameTimes.record(DispatchTime.now().uptimeNanoseconds - started)
    }

    private func watchInput() {
        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: .main)
        input.setEventHandler {
            MainActor.assumeIsolated {
                for key in self.screen.readKeys() { self.dispatch(.key(key)) }
            }
        }
        input.resume()
        sources.append(input)
    }

    private func watchSignals() {
        let resize = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .main)
        resize.setEventHandler {
            MainActor.assumeIsolated {
                self.screen.refreshSize()
                self.screen.invalidate()
                self.dispatch(.resized(width: self.screen.width, height: self.screen.height))
            }
        }
        resize.resume()
        sources.append(resize)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .main)
            source.setEventHandler { MainActor.assumeIsolated { self.shutdown(status: 128 + signal) } }
            source.resume()
            sources.append(source)
        }
    }

    private func startTimers() {
        let clock = DispatchSource.makeTimerSource(queue: .main)
        clock.schedule(deadline: .now() + 1, repeating: 1)
        clock.setEventHandler { MainActor.assumeIsolated { self.dispatch(.tick(now: Date().timeIntervalSince1970)) } }
        clock.resume()
        sources.append(clock)
        // Engine changes are coalesced: at most five snapshots a second, none while idle.
        let engine = DispatchSource.makeTimerSource(queue: .main)
        engine.schedule(deadline: .now() + 0.2, repeating: 0.2)
        engine.setEventHandler {
            MainActor.assumeIsolated {
                guard !self.reading, self.engineChanged.take() else { return }
                self.readSource()
            }
        }
        engine.resume()
        sources.append(engine)
    }

    private func shutdown(status: Int32) {
        for source in sources { source.cancel() }
        screen.close()
        if let path = ProcessInfo.processInfo.environment["SNAPDECK_FRAME_STATS"] {
            do {
                try frameTimes.summary.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                // The terminal is back in normal mode: the benchmark that asked sees this.
                FileHandle.standardError.write(Data("cannot write frame statistics to \(path): \(error)\n".utf8))
            }
        }
        source.close()
        exit(status)
    }

    /// Reads the source once; the picture (or the failure, as an event over the last picture)
    /// arrives on the main queue.
    private func readSource() {
        reading = true
        source.read { result in
            DispatchQueue.main.async {
                MainActor.assumeIsolated {
                    self.reading = false
                    let now = self.eventTime()
                    switch result {
                    case .success(let snapshot):
                        self.noteConnectionChange(snapshot.connection, now: now)
                        self.dispatch(.snapshot(self.events.stamp(snapshot, now: now)))
                    case .failure(let failure):
                        self.events.report("Cannot read the cluster: \(failure.message)", level: .error, now: now)
                        self.dispatch(.snapshot(self.events.stamp(self.state.cluster, now: now)))
                    }
                }
            }
        }
    }

    /// A remote dashboard's lost and regained connections become events.
    private func noteConnectionChange(_ connection: ConnectionStatus?, now: String) {
        guard let connection, connection.isConnected != wasConnected else { return }
        wasConnected = connection.isConnected
        switch connection.state {
        case .connected:
            events.report("Connected to \(connection.endpoint) (\(connection.server))", level: .info, now: now)
        case .disconnected(let reason, _):
            events.report("Disconnected from \(connection.endpoint): \(reason)", level: .error, now: now)
        }
    }

    private func eventTime() -> String {
        LocalTime(epochSeconds: Int64(Date().timeIntervalSince1970)).dateTime
    }
}

private extension Result where Failure == SourceFailure {
    var value: Success? {
        if case .success(let value) = self { return value }
        return nil
    }

    var failureMessage: String? {
        if case .failure(let failure) = self { return failure.message }
        return nil
    }
}

/// Frame durations, for the dashboard benchmark.
struct FrameTimes {
    private var nanoseconds: [UInt64] = []

    mutating func record(_ duration: UInt64) {
        if nanoseconds.count < 100_000 { nanoseconds.append(duration) }
    }

    var summary: String {
        let sorted = nanoseconds.sorted()
        guard !sorted.isEmpty else { return "frames=0\n" }
        func ms(_ q: Double) -> String { String(format: "%.3f", Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]) / 1e6) }
        return "frames=\(sorted.count) median_ms=\(ms(0.5)) p95_ms=\(ms(0.95)) p99_ms=\(ms(0.99)) max_ms=\(ms(1.0))\n"
    }
}

/// "The source changed": set from any queue, taken on the main queue.
private final class ChangeCue: Sendable {
    private let changed = Atomic<Bool>(false)

    func set() { changed.store(true, ordering: .releasing) }

    /// Reads and clears the cue in one step.
    func take() -> Bool { changed.exchange(false, ordering: .acquiringAndReleasing) }
}
