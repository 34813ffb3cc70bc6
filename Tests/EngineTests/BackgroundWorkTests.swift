import Dispatch
@testable import Engine
import Testing

/// The repeating turn behind schedules: stopping it from inside a turn (a cluster whose last
/// reference goes away during one stops it from its deinit) returns instead of trapping.
@Suite struct BackgroundWorkTests {
    @Test func stoppingFromInsideATurnEndsTheWork() {
        let work = BackgroundWork()
        let stopped = DispatchSemaphore(value: 0)
        work.start(every: .milliseconds(10)) { _ in
            work.stop()
            stopped.signal()
        }
        #expect(stopped.wait(timeout: .now() + 30) == .success)
        #expect(!work.isRunning)
    }
}
