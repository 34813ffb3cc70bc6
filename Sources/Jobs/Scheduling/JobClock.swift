import Foundation

/// The time the job engine reads: for timeouts, retry times, phase timings, throughput and the
/// times a job records. Tests drive the engine with a clock they move by hand.
public protocol JobClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: JobClock {
    public init() {}
    // The engine's one reading of the wall clock; everything else asks a `JobClock`.
    public func now() -> Date { Date() }
}

/// The engine's clock, which a test may replace while jobs run (every job and its transfers
/// read through this one object, so a replacement reaches them all).
final class ReplaceableClock: JobClock, @unchecked Sendable {
    private let lock = NSLock()
    private var base: any JobClock

    init(_ base: any JobClock) {
        self.base = base
    }

    var current: any JobClock {
        get { lock.withLock { base } }
        set { lock.withLock { base = newValue } }
    }

    func now() -> Date { current.now() }

    var millis: Int64 { Int64(now().timeIntervalSince1970 * 1000) }
}

/// A clock made of a closure (what `JobScheduler.now` accepts).
struct ClosureClock: JobClock {
    let read: @Sendable () -> Date
    func now() -> Date { read() }
}
