import Catalog
import Foundation
import Repository

/// One restore job while this process runs it (see `BackupRuntime`).
final class RestoreRuntime: @unchecked Sendable {
    var record: RestoreJobRecord
    let cancel = CancelFlag()
    let progress = TransferProgress()
    var waiting: [ObjectID: Date] = [:]
    var inFlight: [Int: (backend: ObjectID, tablets: [ObjectID])] = [:]
    var attempts: [ObjectID: Int] = [:]
    var nextSignature = 1
    var commitRunning = false
    var cleanupStarted = false
    var phaseStarted: Date?

    init(record: RestoreJobRecord) {
        self.record = record
    }

    var tabletsBySource: [ObjectID: RestorePlan.Tablet] {
        var map: [ObjectID: RestorePlan.Tablet] = [:]
        for t in record.plan?.tablets ?? [] { map[t.sourceTabletId] = t }
        return map
    }

    func allocateSignature() -> Int {
        defer { nextSignature += 1 }
        return nextSignature
    }
}
