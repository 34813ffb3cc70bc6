import Catalog
import Foundation
@testable import Jobs
import Repository
import Testing
import TestSupport

/// The restore state machine, from a snapshot the backup machine wrote to the memory store.
@Suite struct RestoreMachineTests {
    /// A harness holding a finished backup `snap` of table `orders` (two tablets).
    private func backedUp(_ settings: @escaping (inout JobSettings) -> Void = { _ in }) throws -> (SchedulerHarness, BackupJobRecord) {
        let h = try SchedulerHarness()
        try h.host.makeTable("orders", buckets: 2)
        let backup = try h.submitBackup("snap", tables: ["orders"])
        try #require(h.waitUntil { h.backupState("snap") == .finished })
        settings(&h.host.jobSettings)
        return (h, backup)
    }

    @Test func aRestoreReachesFinishedAndPublishesItsTable() throws {
        let (h, backup) = try backedUp()
        let restore = try h.submitRestore(backup, table: "orders", as: "orders_copy")
        #expect(h.waitUntil { h.restore(restore.jobId)?.record.state == .finished })
        let catalog = h.host.catalog
        let copy = try #require(catalog.table(named: "orders_copy", in: backup.databaseId))
        #expect(copy.hiddenByJob == nil)
        let tablets = catalog.partitions(of: copy.id).flatMap { catalog.tablets(of: $0.id) }
        #expect(tablets.count == 2)
        for tablet in tablets {
            let rowsets = catalog.rowsets(of: tablet.id)
            #expect(rowsets.count == 1)
            for replica in catalog.replicas(of: tablet.id) {
                for rowset in rowsets {
                    let path = h.host.layout.absolute(h.host.layout.segmentFile(backend: replica.backendId, tablet: tablet.id, rowset: rowset.id))
                    #expect(FileManager.default.fileExists(atPath: path))
                }
            }
        }
    }

    @Test func aFailedJournalWriteStopsTheRestoreAndItsRollbackRemovesWhatItCreated() throws {
        let (h, backup) = try backedUp { $0.faultJournalWriteFailState = "DOWNLOADING" }
        let restore = try h.submitRestore(backup, table: "orders", as: "orders_copy")
        #expect(h.waitUntil { h.restore(restore.jobId)?.record.state == .cancelled })
        let status = try #require(h.restore(restore.jobId)?.record.status)
        #expect(status.cell.hasPrefix(
            "[CANCELLED, msg: the job journal could not be written: injected journal write failure (job state DOWNLOADING); the job stopped rather than carry on in DOWNLOADING from memory"))
        // Nothing was downloaded, and the rollback removes the hidden table it created.
        #expect(h.restore(restore.jobId)?.record.downloadedTablets.isEmpty == true)
        #expect(h.waitUntil { h.restore(restore.jobId)?.record.rollbackOwed == nil })
        #expect(h.host.catalog.anyTable(named: "orders_copy", in: backup.databaseId) == nil)
    }
}
