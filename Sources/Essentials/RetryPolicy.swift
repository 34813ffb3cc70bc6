import Glibc

/// How often to try something that may fail for a while, and how long to wait in between:
/// a delay that grows by `growth` from `firstDelay` up to `maximumDelay`, spread by ±`jitter`
/// (a fraction) so that clients failing together do not retry together.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all, the first included.
    public var attempts: Int
    public var firstDelay: Double
    public var growth: Double
    public var maximumDelay: Double
    public var jitter: Double

    public init(attempts: Int, firstDelay: Double, growth: Double = 1, maximumDelay: Double? = nil, jitter: Double = 0) {
        self.attempts = attempts
        self.firstDelay = firstDelay
        self.growth = growth
        self.maximumDelay = maximumDelay ?? firstDelay
        self.jitter = jitter
    }

    /// A backup or restore task that failed: 1 s, 2 s, 4 s … up to 30 s, for as long as the
    /// job lives (its timeout ends it).
    public static let jobTask = RetryPolicy(attempts: .max, firstDelay: 1, growth: 2, maximumDelay: 30)

    /// An S3 request that failed with 5xx, 429 or a network error: 0.2 s, 0.6 s, 1.8 s, then 3 s,
    /// each ±25 %. `attempts` comes from the `s3_request_attempts` setting.
    public static func s3Request(attempts: Int) -> RetryPolicy {
        RetryPolicy(attempts: attempts, firstDelay: 0.2, growth: 3, maximumDelay: 3, jitter: 0.25)
    }

    /// Whether a try that failed as the `attempt`-th (1-based) may be followed by another.
    public func allowsRetry(after attempt: Int) -> Bool { attempt < attempts }

    /// Seconds to wait after the `attempt`-th (1-based) failed try.
    public func delay(after attempt: Int) -> Double {
        let base = min(maximumDelay, firstDelay * pow(growth, Double(max(0, attempt - 1))))
        return jitter > 0 ? base * Double.random(in: (1 - jitter)...(1 + jitter)) : base
    }

    /// Blocks the calling thread for ``delay(after:)``.
    public func pause(after attempt: Int) {
        let seconds = delay(after: attempt)
        if seconds > 0 { usleep(useconds_t(seconds * 1_000_000)) }
    }
}
