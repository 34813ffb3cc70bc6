import Foundation
@testable import Jobs
import Testing
import TestSupport

/// The periodic maintenance's history pruning: a finished job past `historyKeepSeconds` goes
/// even when no other job finishes to prune it.
@Suite struct HistoryPruneTests {
    @Test func pruningNowDropsFinishedJobsPastTheirKeepTimeAndKeepsTheRest() throws {
        let h = try SchedulerHarness()
        try h.host.makeTable("orders", buckets: 1)
        let record = try h.submitBackup("old", tables: ["orders"])
        #expect(h.waitUntil { h.backupState("old") == .finished })
        h.host.jobSettings.historyKeepSeconds = 600
        h.clock.advance(300)
        h.scheduler.pruneHistoryNow()
        #expect(h.backup("old") != nil)
        h.clock.advance(400)
        h.scheduler.pruneHistoryNow()
        #expect(h.backup("old") == nil)
        #expect(try h.journalledBackup(record.jobId) == nil)
    }
}
