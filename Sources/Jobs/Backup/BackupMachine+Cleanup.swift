import Catalog
import Foundation
import Repository
import Storage

/// A cancelled backup owes the removal of what it uploaded and of its snapshot folders
/// (`cleanupOwed`). The flag is journalled with the CANCELLED state and cleared only when the
/// work is done, so a process that exits or is killed in between leaves it to the next one
/// that opens the data directory, which does it at once.
extension BackupMachine {
    /// Starts every owed clean-up whose tasks have all reported back and whose retry time has
    /// come.
    func runOwedCleanups() {
        let now = core.now()
        for job in jobs.values where job.record.cleanupOwed == true && job.tasks.inFlight.isEmpty
            && (job.cleanupRetryAt ?? .distantPast) <= now {
            cleanUpCancelled(job)
        }
    }

    /// After a cancel: releases the job's snapshots and deletes what it put in the repository.
    /// A snapshot whose `__info` this job wrote is complete and stays. When another job's
    /// `__info` is in the folder (see `BackupArtifacts.commit`), only this job's own files go.
    /// Nothing runs for a cancellation the journal does not hold: the next process resumes
    /// that job, and needs its snapshots and uploads.
    func cleanUpCancelled(_ job: BackupRuntime) {
        guard !job.cleanupRunning, !job.cancellationUnjournalled, let host = core.host else { return }
        job.cleanupRunning = true
        releaseSnapshots(job.record, host)
        let record = job.record
        let repository = host.catalog.repositories[record.repositoryId]
        core.workers.async(group: core.background) { [self] in
            let outcome = Result { () throws -> String in
                guard let repository else { return "its repository is gone" }
                return try Self.removeUploads(of: record, store: try host.objectStore(for: repository), repositoryName: repository.name)
            }
            core.queue.async { [self] in
                job.cleanupRunning = false
                do {
                    let note = try outcome.get()
                    var next = job.record
                    next.cleanupOwed = nil
                    next.status.message += "; \(note)"
                    try save(next)
                    job.record = next
                    core.changed()
                } catch {
                    // The clean-up stays owed (and journalled as owed): it runs again, and
                    // removing what is already gone does no harm.
                    job.cleanupAttempts += 1
                    job.cleanupRetryAt = core.now().addingTimeInterval(JobCore.backoff(job.cleanupAttempts))
                    core.logger.warning("backup \(record.label) (job \(record.jobId)): could not finish removing its uploaded files, will retry: \(error)")
                }
            }
        }
    }

    /// Deletes a cancelled backup's files from the repository and says what it did.
    private static func removeUploads(of record: BackupJobRecord, store: ObjectStore, repositoryName: String) throws -> String {
        let prefix = RepositoryPaths(repositoryName: repositoryName).snapshotDirectory(label: record.label) + "/"
        let artifacts = BackupArtifacts(record: record)
        let ownInfo = try artifacts.infoKey(repositoryName: repositoryName)
        let objects = try store.list(prefix: prefix)
        let infos = objects.filter { $0.key.dropFirst(prefix.count).hasPrefix(RepositoryPaths.infoPrefix) }
        let doomed: [ObjectInfo]
        if infos.isEmpty {
            doomed = objects
        } else if infos.contains(where: { $0.key == ownInfo }) {
            return "kept the snapshot: it is complete"
        } else {
            let own = try artifacts.ownKeys(repositoryName: repositoryName)
            let listed: Set<String>
            do {
                listed = try Self.committedKeys(store: store, repositoryName: repositoryName, label: record.label, infos: infos)
            } catch {
                // Another job's snapshot that cannot be read may list any of these files: keep
                // them all (CHECK reports them as unlisted) rather than guess.
                return "kept its files: the snapshot beside them could not be read (\(error.message))"
            }
            doomed = objects.filter { own.contains($0.key) && !listed.contains($0.key) }
        }
        try store.delete(doomed.map(\.key))
        // Uploads cut off by the cancel (or by a crash before it) hold parts or .part files.
        if infos.isEmpty { try store.discardIncompleteWrites(prefix: prefix) }
        return doomed.isEmpty ? "nothing was uploaded" : "removed \(doomed.count) uploaded files"
    }

    /// The keys that the committed snapshots of a label list (their `__meta` and data files),
    /// read from the `__info` objects of the folder listing (`infos`). Fails when one of them
    /// cannot be read.
    private static func committedKeys(
        store: ObjectStore, repositoryName: String, label: String, infos: [ObjectInfo]
    ) throws(ObjectStoreError) -> Set<String> {
        let browser = SnapshotBrowser(store: store, repositoryName: repositoryName)
        let paths = RepositoryPaths(repositoryName: repositoryName)
        var keys: Set<String> = []
        // Two `__meta` files are a conflict this clean-up resolves: none counts as committed.
        let metas = try browser.metaFiles(label: label)
        if metas.count == 1 { keys.formUnion(metas) }
        for info in infos {
            // A name without a checksum (a `.part` left by a cut upload) was never committed.
            guard let name = ChecksumName.split((info.key as NSString).lastPathComponent)?.name else { continue }
            let timestamp = String(name.dropFirst(RepositoryPaths.infoPrefix.count))
            keys.formUnion(try browser.info(label: label, timestamp: timestamp).fileKeys(in: paths))
        }
        return keys
    }
}
