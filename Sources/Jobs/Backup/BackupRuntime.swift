import Catalog
import Foundation
import Repository

/// One backup job while this process runs it: the journalled record plus what only lives in
/// memory (tasks in flight, retry times, counters). Owned by the scheduler's queue.
final class BackupRuntime: @unchecked Sendable {
    var record: BackupJobRecord
    let cancel = CancelFlag()
    let progress = TransferProgress()
    /// Tablets waiting to be snapshotted or uploaded in the current phase, with the earliest
    /// time they may be tried again.
    var waiting: [ObjectID: Date] = [:]
    /// Tasks dispatched and not yet reported back: signature → (backend, tablets).
    var inFlight: [Int: (backend: ObjectID, tablets: [ObjectID])] = [:]
    var attempts: [ObjectID: Int] = [:]
    var nextSignature = 1
    /// Repository objects that already exist, with their sizes (read once when uploading
    /// starts, so a resumed job skips what it copied before).
    var existingKeys: [String: Int64] = [:]
    var infoUploadRunning = false
    var infoRetryAt: Date?
    var cleanupNote: String?
    /// When the current phase began in this process (wall clock, for the log's timings).
    var phaseStarted: Date?

    init(record: BackupJobRecord) {
        self.record = record
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

    func allocateSignature() -> Int {
        defer { nextSignature += 1 }
        return nextSignature
    }
}
