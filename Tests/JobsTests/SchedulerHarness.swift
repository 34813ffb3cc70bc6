import Catalog
import Foundation
@testable import Jobs
import TestSupport

/// A job scheduler on a `JobTestHost`, driven by a manual clock, with helpers to submit jobs
/// and poll their views.
final class SchedulerHarness {
    let host: JobTestHost
    let clock = ManualClock()
    let scheduler: JobScheduler
    private var lastJobId: Int64 = 100
    fileprivate var lastJobIdForRestore: Int64 = 500

    init(backends: Int = 2, settings: (inout JobSettings) -> Void = { _ in }) throws {
        host = try JobTestHost(backends: backends)
        settings(&host.jobSettings)
        scheduler = JobScheduler(host: host, database: host.store.database, clock: clock)
        try scheduler.start(resuming: true)
    }

    deinit {
        scheduler.stop()
    }

    @discardableResult
    func submitBackup(
        _ label: String, tables: [String], timeoutSeconds: Int64 = 3600, adjust: (inout BackupJobRecord) -> Void = { _ in }
    ) throws -> BackupJobRecord {
        lastJobId += 1
        var record = host.backupRecord(label, tables: tables, jobId: lastJobId, createTime: clock.now(), timeoutSeconds: timeoutSeconds)
        adjust(&record)
        try scheduler.submitBackup(record)
        return record
    }

    func backup(_ label: String) -> BackupJobView? {
        scheduler.backupViews(database: nil).last { $0.record.label == label }
    }

    func backupState(_ label: String) -> BackupState? { backup(label)?.record.state }

    /// The job's row in the journal, as the next process would load it.
    func journalledBackup(_ jobId: Int64) throws -> BackupJobRecord? {
        try JobJournal(database: host.store.database).load(.backup, as: BackupJobRecord.self).first { $0.jobId == jobId }
    }

    /// Polls until `condition` holds (or 20 s pass), stepping the jobs and moving the job clock
    /// on by `seconds` at each turn, so retries come due.
    @discardableResult
    func waitUntil(advancing seconds: TimeInterval = 0, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try condition() { return true }
            clock.advance(seconds)
            onQueue { scheduler.tick() }
            usleep(5_000)
        }
        return try condition()
    }

    /// Runs `body` on the scheduler's queue, which owns every job.
    func onQueue<T>(_ body: () -> T) -> T { scheduler.core.onQueue(body) }
}

extension SchedulerHarness {
    /// Restores table `table` of snapshot `label` (taken by `backup`) as `alias`.
    @discardableResult
    func submitRestore(_ backup: BackupJobRecord, table: String, as alias: String) throws -> RestoreJobRecord {
        lastJobIdForRestore += 1
        let request = RestoreRequest(
            label: backup.label, timestamp: backup.snapshotTimestamp, repositoryId: backup.repositoryId,
            repositoryName: backup.repositoryName, databaseId: backup.databaseId, databaseName: backup.databaseName,
            tables: [RestoreTableRequest(name: table, partitions: nil, alias: alias)], replicationNum: host.catalog.backends.count,
            reserveReplica: false, reserveDynamicPartitionEnable: false, allowLoad: false, timeoutSeconds: 3600)
        let record = RestoreJobRecord(jobId: lastJobIdForRestore, request: request, createTime: Int64(clock.now().timeIntervalSince1970 * 1000))
        try scheduler.submitRestore(record)
        return record
    }

    func restore(_ jobId: Int64) -> RestoreJobView? {
        scheduler.restoreViews(database: nil).first { $0.record.jobId == jobId }
    }
}
