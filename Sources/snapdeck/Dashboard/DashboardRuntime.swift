import Console
import Dispatch
import Engine
import Foundation
import Jobs
import SQLSyntax
import Terminal

/// Runs the dashboard: the only owner of the terminal, on the main queue. Input, signals, the
/// clock and engine changes arrive as DispatchSources on the main queue and become `Action`s;
/// the pure reducer returns `Effect`s, which run here (SQL through the same executor as
/// `snapdeck sql`, on a queue of their own); at most one frame is drawn per main-queue turn.
@MainActor
final class DashboardRuntime {
    private let cluster: Cluster
    private let screen: CursesScreen
    private let theme: Theme
    private let builder: ClusterSnapshotBuilder
    private let executor: SQLExecutor
    private var state: AppState
    private var sources: [any DispatchSourceProtocol] = []
    private var renderScheduled = false
    private var lastSequenceShown = -1
    private let engineChanged = SharedFlag(true)
    /// Build + diff + present time of every frame; written out at exit when
    /// `SNAPDECK_FRAME_STATS` names a file (the dashboard benchmark reads it).
    private var frameTimes = FrameTimes()

    init(cluster: Cluster, user: String) throws {
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT] { Glibc.signal(signal, SIG_IGN) }
        screen = try CursesScreen()
        self.cluster = cluster
        let environment = ProcessInfo.processInfo.environment
        var theme = Theme.fromEnvironment(environment)
        if !screen.utf8 { theme = environment["NO_COLOR"].map { !$0.isEmpty } == true ? .monochrome(asciiOnly: true) : .standard(asciiOnly: true) }
        self.theme = theme
        builder = ClusterSnapshotBuilder(cluster: cluster, user: user)
        executor = SQLExecutor(cluster: cluster, user: user)
        state = AppState(width: screen.width, height: screen.height, now: Date().timeIntervalSince1970,
                         utcOffset: TimeZone.current.secondsFromGMT())
    }

    /// Starts the sources and runs until the user quits or a signal ends the session.
    func run() -> Never {
        let changed = engineChanged
        cluster.scheduler.onChange = { changed.set() }
        watchInput()
        watchSignals()
        startTimers()
        dispatch(.snapshot(builder.build()))
        dispatchMain()
    }

    private func dispatch(_ action: Action) {
        let effects = reduce(&state, action)
        for effect in effects { perform(effect) }
        scheduleRender()
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .runSQL(let id, let sql):
            executor.run(sql) { result in
                MainActor.assumeIsolated {
                    // DDL (a new repository, database or table) changes what the tabs show
                    // without any job moving: take a fresh snapshot at the next coalescing tick.
                    self.engineChanged.set()
                    self.dispatch(.sqlFinished(id: id, result: result))
                }
            }
        case .loadSnapshots(let repository):
            executor.snapshots(of: repository) { rows, error in
                MainActor.assumeIsolated { self.dispatch(.snapshotsLoaded(repository: repository, rows: rows, error: error)) }
            }
        case .loadSnapshotDetail(let repository, let label, let timestamp):
            executor.snapshotDetail(repository: repository, label: label, timestamp: timestamp) { details, error in
                MainActor.assumeIsolated {
                    self.dispatch(.snapshotDetailLoaded(repository: repository, label: label, timestamp: timestamp, details: details, error: error))
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
                guard self.engineChanged.take() else { return }
                self.dispatch(.snapshot(self.builder.build()))
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
        cluster.close()
        exit(status)
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
