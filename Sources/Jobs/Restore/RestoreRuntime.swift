import Catalog
import Foundation
import Repository

/// One restore job while this process runs it (see `BackupRuntime`).
final class RestoreRuntime: @unchecked Sendable {
    var record: RestoreJobRecord
    let tasks: TaskBook
    var commitRunning = false
    var rollbackRunning = false
    var rollbackRetryAt: Date?
    var cancellationUnjournalled = false

    init(record: RestoreJobRecord, clock: any JobClock) {
        self.record = record
        tasks = TaskBook(clock: clock)
    }

    var tabletsBySource: [ObjectID: RestorePlan.Tablet] {
        var map: [ObjectID: RestorePlan.Tablet] = [:]
        for t in record.plan?.tablets ?? [] { map[t.sourceTabletId] = t }
        return map
    }
}
