import Catalog
import Foundation
import Repository
import Storage

extension RestoreMachine {
    /// COMMITTING: move the staged segments into their tablets, then publish them, retire the
    /// replaced rowsets, unhide new objects and mark the job FINISHED in one catalog
    /// transaction. Until that transaction commits, the catalog still points at the old files,
    /// so a failure or crash before it leaves the previous data intact and readable.
    func commit(_ job: RestoreRuntime, _ host: JobHost) {
        guard !job.commitRunning, let plan = job.record.plan else { return }
        if let problem = Self.stagedRowsProblem(plan, job.record.stagedRowsets) {
            finishCancelled(job, status: .error(problem))
            return
        }
        job.commitRunning = true
        let started = job.record
        let layout = host.layout
        core.workers.async(group: core.background) { [self] in
            var record = started
            var failure: String?
            var removals = Removals()
            do {
                let maker = SnapshotMaker(layout: layout)
                for tablet in plan.tablets {
                    for backend in tablet.backends {
                        let staging = maker.folder(backend: backend, name: record.stagingFolder) + "/\(tablet.targetTabletId)"
                        let target = layout.absolute(layout.tabletDirectory(backend: backend, tablet: tablet.targetTabletId))
                        try DurableFile.makeDirectories(target)
                        for id in tablet.rowsetIds.values {
                            let from = staging + "/\(id)_0.dat"
                            let to = target + "/\(id)_0.dat"
                            if rename(from, to) != 0, !FileManager.default.fileExists(atPath: to) {
                                throw FileError("move", from)
                            }
                        }
                    }
                }
                try DurableFile.syncFileSystem(layout.backendsDirectory)
                record.state = .finished
                record.finishedTime = core.nowMillis()
                record.status = .ok
                record.taskErrors = [:]
                let finished = entry(record)
                let settings = host.jobSettings
                let versionTime = Int64(core.now().timeIntervalSince1970)
                try host.writeCatalog { tx in
                    try Self.publish(plan: plan, staged: record.stagedRowsets, jobId: record.jobId, tx: tx, layout: layout, versionTime: versionTime)
                    removals = try Self.applyRemovals(plan: plan, request: record.request, tx: tx)
                    try core.checkJournalFault(state: finished.state, settings: settings)
                    try JobJournal.save(finished, in: tx.database)
                }
            } catch {
                failure = "commit failed: \(error)"
            }
            core.queue.async { [self, failure, record, removals] in
                job.commitRunning = false
                if let failure {
                    finishCancelled(job, status: .error(failure))
                    return
                }
                let elapsed = core.elapsedMillis(since: job.tasks.phaseStarted)
                job.record = record
                core.changed()
                core.logger.info("restore \(record.label) (job \(record.jobId)) COMMITTING took \(String(format: "%.1f", elapsed)) ms -> FINISHED in \(record.finishedTime - record.createTime) ms")
                if !removals.tables.isEmpty || !removals.partitions.isEmpty {
                    core.logger.info("restore \(record.label) (job \(record.jobId)) dropped tables [\(removals.tables.joined(separator: ", "))] and partitions [\(removals.partitions.joined(separator: ", "))]")
                }
                host.collectGarbage()
                let maker = SnapshotMaker(layout: layout)
                for tablet in plan.tablets { for backend in tablet.backends { maker.release(backend: backend, folderName: record.stagingFolder) } }
                core.jobFinished?()
            }
        }
    }

    /// The last check before COMMIT: every tablet holds the rows `__meta` says it backed up.
    static func stagedRowsProblem(_ plan: RestorePlan, _ staged: [ObjectID: [RowsetRecord]]) -> String? {
        for tablet in plan.tablets {
            guard let expected = tablet.expectedRows else { continue }
            let rows = (staged[tablet.targetTabletId] ?? []).reduce(Int64(0)) { $0 + $1.rowCount }
            if rows != expected {
                return "the snapshot's files disagree: tablet \(tablet.sourceTabletId) was restored with \(rows) rows and \(plan.metaName ?? "__meta") says \(expected)"
            }
        }
        return nil
    }

    private static func publish(
        plan: RestorePlan, staged: [ObjectID: [RowsetRecord]], jobId: Int64, tx: CatalogTransaction, layout: DataLayout, versionTime: Int64
    ) throws {
        for table in plan.tables {
            guard var target = tx.state.tables[table.targetTableId] else { throw JobError("table \(table.targetTableId) has been dropped") }
            for p in table.partitions {
                guard var partition = tx.state.partitions[p.targetPartitionId] else { throw JobError("partition \(p.targetPartitionId) has been dropped") }
                for tablet in p.tablets {
                    guard tx.state.tablets[tablet.targetTabletId] != nil else { throw JobError("tablet \(tablet.targetTabletId) has been dropped") }
                    for old in tx.state.rowsets(of: tablet.targetTabletId) {
                        for replica in tx.state.replicas(of: tablet.targetTabletId) {
                            try tx.addGarbage(layout.segmentFile(backend: replica.backendId, tablet: tablet.targetTabletId, rowset: old.id))
                        }
                        try tx.deleteRowset(old.id)
                    }
                    for rowset in staged[tablet.targetTabletId] ?? [] { try tx.save(rowset) }
                }
                partition.visibleVersion = p.isNew ? p.backedUpVersion : max(p.backedUpVersion, partition.visibleVersion + 1)
                partition.visibleVersionTime = versionTime
                partition.hiddenByJob = nil
                try tx.save(partition)
            }
            if target.hiddenByJob == jobId {
                target.hiddenByJob = nil
                try tx.save(target)
            }
        }
    }
}
