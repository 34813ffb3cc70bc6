import Catalog
import Foundation
import Repository
import Storage

/// What a cancelled job leaves to undo, as journalled work: a cancelled backup owes the
/// removal of what it uploaded and of its snapshot folders (`cleanupOwed`), a cancelled restore
/// the removal of the hidden tables and partitions it created and of its staged files
/// (`rollbackOwed`). The flag is journalled with the CANCELLED state and cleared only when the
/// work is done, so a process that exits or is killed in between leaves it to the next one
/// that opens the data directory, which does it at once.
extension JobScheduler {
    /// Starts every owed clean-up whose tasks have all reported back and whose retry time has
    /// come. Runs at start, on every tick and when the scheduler stops.
    func runOwedCleanups() {
        let now = now()
        for job in backups.values where job.record.cleanupOwed == true && job.tasks.inFlight.isEmpty
            && (job.cleanupRetryAt ?? .distantPast) <= now {
            cleanUpCancelled(job)
        }
        for job in restores.values where job.record.rollbackOwed == true && job.tasks.inFlight.isEmpty && !job.commitRunning
            && (job.rollbackRetryAt ?? .distantPast) <= now {
            rollBackRestore(job)
        }
    }

    /// After a cancel: releases the job's snapshots and deletes what it put in the repository.
    /// A snapshot whose `__info` this job wrote is complete and stays. When another job's
    /// `__info` is in the folder (see `BackupArtifacts.commit`), only this job's own files go.
    func cleanUpCancelled(_ job: BackupRuntime) {
        guard !job.cleanupRunning, let host else { return }
        job.cleanupRunning = true
        releaseSnapshots(job.record, host)
        let record = job.record
        let repository = host.catalog.repositories[record.repositoryId]
        DispatchQueue.global().async(group: background) { [self] in
            var note: String?
            var failure: String?
            do {
                if let repository {
                    note = try Self.removeUploads(of: record, store: try host.objectStore(for: repository), repositoryName: repository.name)
                } else {
                    note = "its repository is gone"
                }
            } catch {
                failure = "\(error)"
            }
            queue.async { [self, note, failure] in
                job.cleanupRunning = false
                if let note {
                    job.record.cleanupOwed = nil
                    job.record.status.message += "; \(note)"
                    persist(job)
                } else {
                    job.cleanupAttempts += 1
                    job.cleanupRetryAt = now().addingTimeInterval(Self.backoff(job.cleanupAttempts))
                    host.logger.warning("backup \(record.label) (job \(record.jobId)): could not remove uploaded files, will retry: \(failure ?? "")")
                }
            }
        }
    }

    /// Deletes a cancelled backup's files from the repository and says what it did.
    private static func removeUploads(of record: BackupJobRecord, store: ObjectStore, repositoryName: String) throws -> String {
        let prefix = RepositoryPaths(repositoryName: repositoryName).snapshotDirectory(label: record.label) + "/"
        let artifacts = BackupArtifacts(record: record)
        let objects = try store.list(prefix: prefix)
        let infos = objects.filter { $0.key.dropFirst(prefix.count).hasPrefix(RepositoryPaths.infoPrefix) }
        let doomed: [ObjectInfo]
        if infos.isEmpty {
            doomed = objects
        } else if infos.contains(where: { $0.key == artifacts.infoKey(repositoryName: repositoryName) }) {
            return "kept the snapshot: it is complete"
        } else {
            let own = artifacts.ownKeys(repositoryName: repositoryName)
            let listed = Self.committedKeys(store: store, repositoryName: repositoryName, label: record.label)
            doomed = objects.filter { own.contains($0.key) && !listed.contains($0.key) }
        }
        try store.delete(doomed.map(\.key))
        // Uploads cut off by the cancel (or by a crash before it) hold parts or .part files.
        if infos.isEmpty { try store.discardIncompleteWrites(prefix: prefix) }
        return doomed.isEmpty ? "nothing was uploaded" : "removed \(doomed.count) uploaded files"
    }

    /// The keys that the committed snapshots of a label list (their `__meta` and data files).
    private static func committedKeys(store: ObjectStore, repositoryName: String, label: String) -> Set<String> {
        let browser = SnapshotBrowser(store: store, repositoryName: repositoryName)
        let paths = RepositoryPaths(repositoryName: repositoryName)
        var keys: Set<String> = []
        // Two `__meta` files are a conflict this clean-up resolves: none counts as committed.
        if let meta = try? browser.metaFile(label: label) { keys.insert(meta) }
        for timestamp in browser.summary(label: label).timestamps where !timestamp.hasPrefix("Invalid") {
            // A foreign info file that does not read lists nothing this job must keep.
            if let info = try? browser.info(label: label, timestamp: timestamp) { keys.formUnion(info.fileKeys(in: paths)) }
        }
        return keys
    }

    /// After a cancel: removes the hidden tables and partitions the restore created, the files
    /// it staged and any segment a COMMITTING step moved in but never published. What existed
    /// before is untouched (nothing was swapped yet).
    func rollBackRestore(_ job: RestoreRuntime) {
        guard !job.rollbackRunning, let host else { return }
        do {
            try removeHiddenObjects(of: job.record.jobId, host)
        } catch {
            job.rollbackRetryAt = now().addingTimeInterval(5)
            host.logger.warning("restore \(job.record.label) (job \(job.record.jobId)): could not remove its hidden tables, will retry: \(error)")
            return
        }
        job.rollbackRunning = true
        let record = job.record
        DispatchQueue.global().async(group: background) { [self] in
            let maker = SnapshotMaker(layout: host.layout)
            for tablet in record.plan?.tablets ?? [] {
                for backend in tablet.backends {
                    for id in tablet.rowsetIds.values {
                        DurableFile.remove(host.layout.absolute(host.layout.segmentFile(backend: backend, tablet: tablet.targetTabletId, rowset: id)))
                    }
                    maker.release(backend: backend, folderName: record.stagingFolder)
                }
            }
            queue.async { [self] in
                job.rollbackRunning = false
                job.record.rollbackOwed = nil
                persistRestore(job)
            }
        }
    }

    /// Deletes the hidden tables and partitions a restore job created.
    func removeHiddenObjects(of jobId: Int64, _ host: JobHost) throws {
        let catalog = host.catalog
        let tables = catalog.tables.values.filter { $0.hiddenByJob == jobId }
        let partitions = catalog.partitions.values.filter { $0.hiddenByJob == jobId }
        guard !tables.isEmpty || !partitions.isEmpty else { return }
        try host.writeCatalog { tx in
            for table in tables {
                for p in tx.state.allPartitions(of: table.id) { for f in try tx.deletePartitionTree(p) { try tx.addGarbage(f) } }
                try tx.deleteTable(table.id)
            }
            for p in partitions where tx.state.partitions[p.id] != nil {
                for f in try tx.deletePartitionTree(p) { try tx.addGarbage(f) }
            }
        }
        host.collectGarbage()
    }

    /// Hidden tables and partitions no running or rolling-back restore owns: a cancelled
    /// restore of an earlier version left them, and they block their names. Removed at start.
    func removeOrphanedHiddenObjects() {
        guard let host else { return }
        let owners = Set(restores.values.filter { !$0.record.state.isDone || $0.record.rollbackOwed == true }.map(\.record.jobId))
        let catalog = host.catalog
        let hidden = Set(catalog.tables.values.compactMap(\.hiddenByJob) + catalog.partitions.values.compactMap(\.hiddenByJob))
        for jobId in hidden.subtracting(owners).sorted() {
            do {
                try removeHiddenObjects(of: jobId, host)
                host.logger.info("removed the hidden tables and partitions of restore job \(jobId), which no longer runs")
            } catch {
                host.logger.error("cannot remove the hidden tables and partitions of restore job \(jobId): \(error)")
            }
        }
    }
}
