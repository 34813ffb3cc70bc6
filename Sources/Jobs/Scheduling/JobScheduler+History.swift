import Catalog
import Foundation
import Storage

/// What the engine asks about jobs of either kind, history pruning, and the snapshot folders
/// a crash left.
extension JobScheduler {
    private struct JobSummary {
        var kind: JobKind
        var id: Int64
        var database: ObjectID
        var label: String
        var repository: ObjectID
        var done: Bool
        /// Done, with no clean-up or rollback owed.
        var settled: Bool
        var finishedTime: Int64
    }

    /// Every job known to this process. On the queue.
    private var allJobs: [JobSummary] {
        backups.jobs.values.map { b in
            let r = b.record
            return JobSummary(kind: .backup, id: r.jobId, database: r.databaseId, label: r.label, repository: r.repositoryId,
                              done: r.state.isDone, settled: r.state.isDone && r.cleanupOwed != true, finishedTime: r.finishedTime)
        } + restores.jobs.values.map { j in
            let r = j.record
            return JobSummary(kind: .restore, id: r.jobId, database: r.databaseId, label: r.label, repository: r.request.repositoryId,
                              done: r.state.isDone, settled: r.state.isDone && r.rollbackOwed != true, finishedTime: r.finishedTime)
        }
    }

    /// The most recent job of a database (backup or restore), which the one-job rule looks at.
    public func latestJob(database: ObjectID) -> (label: String, jobId: Int64, done: Bool, kind: JobKind)? {
        core.onQueue {
            allJobs.filter { $0.database == database }.max { $0.id < $1.id }.map { ($0.label, $0.id, $0.done, $0.kind) }
        }
    }

    /// Whether any unfinished job uses the repository, or a cancelled one still owes it a
    /// clean-up.
    public func repositoryInUse(_ repositoryId: ObjectID) -> Bool {
        core.onQueue { allJobs.contains { $0.repository == repositoryId && !$0.settled } }
    }

    /// Labels of unfinished jobs on a repository (DROP SNAPSHOT refuses them).
    public func labelsInUse(repository repositoryId: ObjectID) -> Set<String> {
        core.onQueue { Set(allJobs.filter { $0.repository == repositoryId && !$0.done }.map(\.label)) }
    }

    /// Jobs not yet FINISHED or CANCELLED.
    public func unfinishedJobIds() -> [Int64] {
        core.onQueue { allJobs.filter { !$0.done }.map(\.id).sorted() }
    }

    /// True once every listed job is FINISHED or CANCELLED (or unknown).
    public func allDone(_ jobIds: [Int64]) -> Bool {
        core.onQueue {
            let unfinished = Set(allJobs.filter { !$0.done }.map(\.id))
            return jobIds.allSatisfy { !unfinished.contains($0) }
        }
    }

    /// Prunes the history now (the background work's periodic maintenance): otherwise only a
    /// job finishing prunes it, and an idle cluster would keep expired jobs listed.
    public func pruneHistoryNow() {
        core.onQueue { pruneHistory() }
    }

    /// Drops finished jobs beyond the retention rules: at most `maxJobsPerDatabase` per
    /// database and none finished longer ago than `historyKeepSeconds`. On the queue.
    func pruneHistory() {
        guard let settings = core.host?.jobSettings else { return }
        let now = core.nowMillis()
        var removed: [Int64] = []
        for (_, jobs) in Dictionary(grouping: allJobs, by: \.database) {
            for (i, job) in jobs.sorted(by: { $0.id > $1.id }).enumerated() where job.settled {
                let expired = job.finishedTime > 0 && now - job.finishedTime > settings.historyKeepSeconds * 1000
                if i >= settings.maxJobsPerDatabase || expired { removed.append(job.id) }
            }
        }
        do {
            try core.journal.delete(ids: removed)
        } catch {
            // Pruning is housekeeping: the rows stay (here and in the journal, which agree) and
            // the next job to finish prunes them again.
            core.logger.warning("cannot prune \(removed.count) finished jobs from the journal: \(error)")
            return
        }
        for id in removed {
            backups.jobs[id] = nil
            restores.jobs[id] = nil
        }
    }

    /// Snapshot folders no unfinished job refers to (a crash left them) are deleted. On the
    /// queue, at start.
    func collectStaleSnapshots() {
        guard let host = core.host else { return }
        var keep: Set<String> = []
        for job in backups.jobs.values where !job.record.state.isDone {
            for (backend, name) in job.record.snapshotFolders { keep.insert("\(backend)/\(name)") }
        }
        for job in restores.jobs.values where !job.record.state.isDone {
            for tablet in job.record.plan?.tablets ?? [] {
                for backend in tablet.backends { keep.insert("\(backend)/\(job.record.stagingFolder)") }
            }
        }
        for backend in host.catalog.backends.keys {
            let dir = host.layout.backendDirectory(backend) + "/snapshot"
            // A backend without a snapshot folder has nothing to collect; one that cannot be
            // read keeps its folders until a later start.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where !keep.contains("\(backend)/\(name)") {
                DurableFile.remove(dir + "/" + name)
            }
        }
    }
}
