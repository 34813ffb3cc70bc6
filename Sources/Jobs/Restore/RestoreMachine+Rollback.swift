import Catalog
import Foundation
import Storage

/// A cancelled restore owes the removal of the hidden tables and partitions it created and of
/// its staged files (`rollbackOwed`), journalled with the CANCELLED state and cleared only when
/// done, so whichever process opens the data directory next finishes it (until then the names
/// stay reserved).
extension RestoreMachine {
    /// Starts every owed rollback whose tasks have all reported back and whose retry time has
    /// come.
    func runOwedRollbacks() {
        let now = core.now()
        for job in jobs.values where job.record.rollbackOwed == true && job.tasks.inFlight.isEmpty && !job.commitRunning
            && (job.rollbackRetryAt ?? .distantPast) <= now {
            rollBack(job)
        }
    }

    /// After a cancel: removes the hidden tables and partitions the restore created, the files
    /// it staged and any segment a COMMITTING step moved in but never published. What existed
    /// before is untouched (nothing was swapped yet). Nothing runs for a cancellation the
    /// journal does not hold: the next process resumes that job, and needs what it created.
    func rollBack(_ job: RestoreRuntime) {
        guard !job.rollbackRunning, !job.cancellationUnjournalled, let host = core.host else { return }
        do {
            try removeHiddenObjects(of: job.record.jobId, host)
        } catch {
            job.rollbackRetryAt = core.now().addingTimeInterval(5)
            core.logger.warning("restore \(job.record.label) (job \(job.record.jobId)): could not remove its hidden tables, will retry: \(error)")
            return
        }
        job.rollbackRunning = true
        let record = job.record
        core.workers.async(group: core.background) { [self] in
            let maker = SnapshotMaker(layout: host.layout)
            for tablet in record.plan?.tablets ?? [] {
                for backend in tablet.backends {
                    for id in tablet.rowsetIds.values {
                        DurableFile.remove(host.layout.absolute(host.layout.segmentFile(backend: backend, tablet: tablet.targetTabletId, rowset: id)))
                    }
                    maker.release(backend: backend, folderName: record.stagingFolder)
                }
            }
            core.queue.async { [self] in
                job.rollbackRunning = false
                var next = job.record
                next.rollbackOwed = nil
                do {
                    try save(next)
                    job.record = next
                    core.changed()
                } catch {
                    // The rollback stays owed (and journalled as owed): it runs again, and
                    // removing what is already gone does no harm.
                    job.rollbackRetryAt = core.now().addingTimeInterval(5)
                    core.logger.warning("restore \(record.label) (job \(record.jobId)): cannot journal the end of its rollback, will retry: \(error)")
                }
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
        guard let host = core.host else { return }
        let owners = Set(jobs.values.filter { !$0.record.state.isDone || $0.record.rollbackOwed == true }.map(\.record.jobId))
        let catalog = host.catalog
        let hidden = Set(catalog.tables.values.compactMap(\.hiddenByJob) + catalog.partitions.values.compactMap(\.hiddenByJob))
        for jobId in hidden.subtracting(owners).sorted() {
            do {
                try removeHiddenObjects(of: jobId, host)
                core.logger.info("removed the hidden tables and partitions of restore job \(jobId), which no longer runs")
            } catch {
                core.logger.error("cannot remove the hidden tables and partitions of restore job \(jobId): \(error)")
            }
        }
    }
}
