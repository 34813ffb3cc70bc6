import Catalog
import Foundation
@testable import Jobs
import Repository
import Testing
import TestSupport

/// The backup state machine, driven by a manual clock, with faults injected into the
/// repository and the journal.
@Suite struct BackupMachineTests {
    @Test func aBackupReachesFinishedAndCommitsItsSnapshot() throws {
        let h = try SchedulerHarness()
        try h.host.makeTable("orders", buckets: 2)
        let record = try h.submitBackup("nightly", tables: ["orders"])
        #expect(h.waitUntil { h.backupState("nightly") == .finished })
        let keys = h.host.repositoryStore.keys
        #expect(keys.filter { $0.contains("/__ss_nightly/__info_") }.count == 1)
        #expect(keys.filter { $0.contains("/__ss_nightly/__meta.") }.count == 1)
        #expect(keys.filter { $0.contains(".dat.") }.count == 2)
        #expect(keys.filter { $0.contains(".hdr.") }.count == 2)
        let view = try #require(h.backup("nightly"))
        #expect(view.filesDone == 2 && view.filesTotal == 2)
        #expect(try h.journalledBackup(record.jobId)?.state == .finished)
    }

    @Test func anErrorOnlyAnOperatorCanCureCancelsAfterThePermanentErrorAttempts() throws {
        let h = try SchedulerHarness { $0.permanentErrorAttempts = 3 }
        try h.host.makeTable("orders", buckets: 1)
        h.host.repositoryStore.fail(.put, with: ObjectStoreError(.accessDenied, "the repository is read-only"))
        try h.submitBackup("refused", tables: ["orders"])
        #expect(h.waitUntil(advancing: 60) { h.backupState("refused") == .cancelled })
        #expect(h.backup("refused")?.record.status.cell.hasPrefix("[COMMON_ERROR, msg: gave up after 3 attempts: the repository is read-only") == true)
    }

    @Test func aJobPastItsTimeoutOnTheJobClockIsCancelled() throws {
        let h = try SchedulerHarness { $0.faultPauseAtState = "UPLOADING" }
        try h.host.makeTable("orders")
        try h.submitBackup("slow", tables: ["orders"], timeoutSeconds: 600)
        #expect(h.waitUntil { h.backupState("slow") == .uploading })
        h.clock.advance(601)
        #expect(h.waitUntil { h.backupState("slow") == .cancelled })
        #expect(h.backup("slow")?.record.status.code == "TIMEOUT")
    }

    @Test func aFailedJournalWriteStopsTheJobWithAStatusThatSaysSo() throws {
        let h = try SchedulerHarness { $0.faultJournalWriteFailState = "SAVE_META" }
        try h.host.makeTable("orders")
        let record = try h.submitBackup("unjournalled", tables: ["orders"])
        #expect(h.waitUntil { h.backupState("unjournalled") == .cancelled })
        let status = try #require(h.backup("unjournalled")?.record.status)
        #expect(status.cell.hasPrefix(
            "[CANCELLED, msg: the job journal could not be written: injected journal write failure (job state SAVE_META); the job stopped rather than carry on in SAVE_META from memory"))
        // It never went on to write `__meta` or `__info`; its cancellation is journalled, and
        // the clean-up it owes removes what it uploaded.
        #expect(try h.journalledBackup(record.jobId)?.state == .cancelled)
        #expect(h.waitUntil { h.host.repositoryStore.keys.isEmpty })
        #expect(h.waitUntil { (try? h.journalledBackup(record.jobId)?.cleanupOwed) == .some(nil) })
    }

    @Test func aFailedListingIsRetriedInsteadOfReadAsAnEmptyRepository() throws {
        let h = try SchedulerHarness()
        try h.host.makeTable("orders")
        h.host.repositoryStore.fail(.list, with: ObjectStoreError(.io, "connection reset"))
        try h.submitBackup("listed", tables: ["orders"])
        #expect(h.waitUntil { h.backup("listed")?.record.status.message.contains("cannot list the snapshot's files in the repository: connection reset") == true })
        #expect(h.backupState("listed") == .uploadSnapshot)
        h.host.repositoryStore.stopFailing(.list)
        #expect(h.waitUntil(advancing: 60) { h.backupState("listed") == .finished })
        #expect(h.backup("listed")?.record.status == .ok)
    }

    @Test func aTabletATaskReportsNothingAboutFailsAndIsRetried() throws {
        let h = try SchedulerHarness { $0.faultPauseAtState = "UPLOADING" }
        try h.host.makeTable("orders", buckets: 2)
        let record = try h.submitBackup("silent", tables: ["orders"])
        #expect(h.waitUntil { h.backupState("silent") == .uploading })
        let job = try #require(h.onQueue { h.scheduler.backups.jobs[record.jobId] })
        let tablets = h.onQueue { (job.record.plan?.tablets ?? []).map(\.tabletId).sorted() }
        try #require(tablets.count == 2)
        let (answered, silent) = (tablets[0], tablets[1])
        h.onQueue {
            job.tasks.inFlight[99] = (backend: 10001, tablets: tablets)
            h.scheduler.backups.taskFinished(job, signature: 99, results: [TabletOutcome(answered, .done)])
        }
        h.onQueue {
            #expect(job.record.taskErrors[silent] == "the task reported no result for tablet \(silent)")
            #expect(job.tasks.waiting[silent] != nil)
            #expect(job.record.uploadedTablets == [answered])
        }
    }
}

/// A job's transfer rate: bytes over the time the transfers took.
@Suite struct TransferRateTests {
    @Test func aFinishedTransfersRateStaysWhatItWasInsteadOfFallingWithTime() {
        let clock = ManualClock()
        let progress = TransferProgress(clock: clock)
        #expect(progress.throughput() == nil)
        progress.transferring()
        clock.advance(10)
        progress.fileDone(bytes: 1000)
        let finished = Int64((clock.now().timeIntervalSince1970 * 1000).rounded())
        #expect(progress.throughput() == 100)
        clock.advance(90)
        // The journal keeps milliseconds: the rate is 100 B/s to within that rounding.
        #expect(abs((progress.throughput(finishedMillis: finished) ?? 0) - 100) < 0.01)
        // Still running, the rate is measured to now.
        #expect(progress.throughput() == 10)
    }
}
