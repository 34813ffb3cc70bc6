import Dispatch
import Foundation

/// A repeating turn on a serial queue of its own: what keeps schedules firing while a
/// long-lived process (`snapdeck serve`, the dashboard, the interactive shell) has a data
/// directory open. Starting twice is harmless; stopping waits for a turn under way.
final class BackgroundWork: @unchecked Sendable {
    private let queue = DispatchQueue(label: "snapdeck.background")
    private static let onQueue = DispatchSpecificKey<Bool>()

    init() {
        queue.setSpecific(key: Self.onQueue, value: true)
    }
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    private var turns = 0

    /// Starts `turn` every `interval` (the first one after `interval`), passing how many turns
    /// came before. Returns false when it was already running.
    @discardableResult
    func start(every interval: DispatchTimeInterval, _ turn: @escaping @Sendable (Int) -> Void) -> Bool {
        lock.withLock {
            guard timer == nil else { return false }
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now() + interval, repeating: interval)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let count = self.lock.withLock { () -> Int in
                    defer { self.turns += 1 }
                    return self.turns
                }
                turn(count)
            }
            source.resume()
            timer = source
            return true
        }
    }

    var isRunning: Bool { lock.withLock { timer != nil } }

    /// Cancels the timer and waits for a turn that is under way — unless called from inside a
    /// turn (the cluster's last reference can go away during one, and its deinit stops this),
    /// where waiting on the queue it runs on would trap.
    func stop() {
        let source = lock.withLock { () -> DispatchSourceTimer? in
            defer { timer = nil }
            return timer
        }
        guard let source else { return }
        source.cancel()
        if DispatchQueue.getSpecific(key: Self.onQueue) != true { queue.sync {} }
    }
}
