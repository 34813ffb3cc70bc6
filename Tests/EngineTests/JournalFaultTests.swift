import Engine
import Foundation
import Testing

/// The job journal is the authority: a job whose state change cannot be journalled stops with a
/// Status that says so, and never carries on from what only memory holds.
@Suite struct JournalFaultTests {
    @Test func aBackupWhoseStateChangeCannotBeJournalledIsCancelledSayingSo() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_journal_write_fail' = 'UPLOADING')")
        try t.sql("BACKUP SNAPSHOT shop.unjournalled TO repo")
        #expect(try t.waitForBackup("unjournalled", state: "CANCELLED"))
        let status = try #require(try t.backupRow("unjournalled")["Status"] ?? nil)
        #expect(status.hasPrefix("[CANCELLED, msg: the job journal could not be written: injected journal write failure (job state UPLOADING); the job stopped rather than carry on in UPLOADING from memory"))
        // The job never got to upload anything, and its cancellation was journalled: the next
        // process shows it cancelled.
        #expect(try t.backupRow("unjournalled")["UploadFinishedTime"] == .some(nil))
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_journal_write_fail' = '')")
        try t.reopen()
        #expect(try t.backupState("unjournalled") == "CANCELLED")
    }

    @Test func aCancellationTheJournalRefusesLeavesTheJobToTheNextProcess() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = 'SNAPSHOTING')")
        try t.sql("BACKUP SNAPSHOT shop.resumed TO repo")
        #expect(try t.waitForBackup("resumed", state: "SNAPSHOTING"))
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_journal_write_fail' = 'ALL')")
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_at_state' = '')")
        #expect(try t.waitForBackup("resumed", state: "CANCELLED"))
        let status = try #require(try t.backupRow("resumed")["Status"] ?? nil)
        #expect(status.contains("the cancellation could not be journalled either"))
        #expect(status.contains("the next process resumes it from SNAPSHOTING"))
        // Nothing acted on the unjournalled cancel: its snapshots stay for the resumed job.
        #expect(!snapshotFolders(t).isEmpty)
        try t.sql("ADMIN SET FRONTEND CONFIG ('fault_journal_write_fail' = '')")
        try t.reopen()
        #expect(try t.waitForBackup("resumed"))
    }
}
