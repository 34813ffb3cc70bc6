import Foundation
import Jobs

/// A clock the test moves by hand: the job engine's timeouts and retry times wait for it.
public final class ManualClock: JobClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(start: Date = Date()) {
        current = start
    }

    public func now() -> Date { lock.withLock { current } }

    public func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}
