import Dispatch
import Foundation

/// Runs transfer work for one backend with at most `limit` items at once, first in first out.
/// The limit is read at each dispatch, so a config change applies to the next item.
final class BackendExecutor: @unchecked Sendable {
    let backendId: Int64
    private let lock = NSLock()
    private var waiting: [@Sendable () -> Void] = []
    private var running = 0
    private let limit: @Sendable () -> Int
    private let workers: DispatchQueue

    init(backendId: Int64, workers: DispatchQueue, limit: @escaping @Sendable () -> Int) {
        self.backendId = backendId
        self.workers = workers
        self.limit = limit
    }

    func submit(_ work: @escaping @Sendable () -> Void) {
        lock.withLock { waiting.append(work) }
        pump()
    }

    private func pump() {
        while true {
            let next: (@Sendable () -> Void)? = lock.withLock {
                guard running < max(1, limit()), !waiting.isEmpty else { return nil }
                running += 1
                return waiting.removeFirst()
            }
            guard let next else { return }
            workers.async { [self] in
                next()
                lock.withLock { running -= 1 }
                pump()
            }
        }
    }
}

/// A token bucket shared by the transfers of one backend: `rate` bytes per second, 0 = none.
final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var available: Double = 0
    private var last = DispatchTime.now().uptimeNanoseconds

    /// Blocks until `bytes` may pass at `rate` bytes per second.
    func consume(_ bytes: Int, rate: Int64) {
        guard rate > 0 else { return }
        let wait: Double = lock.withLock {
            let now = DispatchTime.now().uptimeNanoseconds
            available = min(Double(rate), available + Double(now - last) / 1e9 * Double(rate))
            last = now
            available -= Double(bytes)
            return available < 0 ? -available / Double(rate) : 0
        }
        if wait > 0 { usleep(UInt32(min(wait, 10) * 1_000_000)) }
    }
}
