import Catalog
import Foundation
import Repository

/// One backup job while this process runs it: the journalled record plus what only lives in
/// memory (tasks in flight, retry times, counters). Owned by the scheduler's queue.
final class BackupRuntime: @unchecked Sendable {
    var record: BackupJobRecord
    let tasks: TaskBook
    /// Repository objects that already exist, with their sizes (read once when uploading
    /// starts, so a resumed job skips what it copied before).
    var existingKeys: [String: Int64] = [:]
    var infoUploadRunning = false
    var cleanupRunning = false
    var cleanupRetryAt: Date?
    var cleanupAttempts = 0
    var cancellationUnjournalled = false

    init(record: BackupJobRecord, clock: any JobClock) {
        self.record = record
        tasks = TaskBook(clock: clock)
    }

    var tabletsById: [ObjectID: BackupPlan.TabletPlan] {
        var map: [ObjectID: BackupPlan.TabletPlan] = [:]
        for t in record.plan?.tablets ?? [] { map[t.tabletId] = t }
        return map
    }

    /// (table, partition) of each tablet, for repository paths.
    var placement: [ObjectID: (table: TableRecord, partition: PartitionRecord)] {
        var map: [ObjectID: (TableRecord, PartitionRecord)] = [:]
        for table in record.plan?.tables ?? [] {
            for partition in table.partitions {
                for tablet in partition.tablets { map[tablet.tabletId] = (table.table, partition.partition) }
            }
        }
        return map
    }
}
