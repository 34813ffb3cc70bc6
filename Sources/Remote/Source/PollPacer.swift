/// How long a remote dashboard waits before it reads the server again.
///
/// A production FE must not notice the dashboard: while a job runs, only the databases with
/// running jobs are read, every second; otherwise everything the visible tab needs is read every
/// 10 s, or less often when that takes many statements, so an idle dashboard never sends more
/// than one statement a second. A slow answer stretches the wait by as long as it took, so the
/// dashboard never keeps the server busy more than half the time and never queues statements.
public struct PollPacer: Sendable, Hashable {
    /// Seconds between reads of running jobs.
    public var activeInterval: Double = 1
    /// Seconds between full reads while nothing runs.
    public var idleInterval: Double = 10
    /// The most statements a second an idle dashboard may send.
    public var idleStatementsPerSecond: Double = 1

    public init() {}

    /// Seconds from the end of a read until the next one.
    /// - Parameters:
    ///   - statements: how many statements the last full read took.
    ///   - duration: how long the last read took, in seconds.
    ///   - jobsRunning: whether any job was running at the last read.
    public func delay(afterFullReadOf statements: Int, duration: Double, jobsRunning: Bool) -> Double {
        let base = jobsRunning ? activeInterval : max(idleInterval, Double(statements) / idleStatementsPerSecond)
        return max(base, duration)
    }

    /// Whether the next read must be a full one: it is time for one, or a quick read of running
    /// jobs would find none to read.
    public func needsFullRead(sinceLastFull elapsed: Double, statements: Int, jobsRunning: Bool) -> Bool {
        !jobsRunning || elapsed >= max(idleInterval, Double(statements) / idleStatementsPerSecond)
    }
}
