import Catalog
import Foundation
import Repository
import Storage

extension BackupMachine {
    /// PENDING: resolves the job's tables and partitions to tablets, picks a live replica of
    /// each, and names the snapshot folder.
    func planBackup(_ job: BackupRuntime, _ host: JobHost) {
        let catalog = host.catalog
        guard catalog.databases[job.record.databaseId] != nil else {
            finishCancelled(job, status: JobStatus(code: "NOT_FOUND", message: "database \(job.record.databaseId) does not exist"))
            return
        }
        var tables: [BackupPlan.TablePlan] = []
        for object in job.record.objects.sorted(by: { $0.table < $1.table }) {
            guard let table = catalog.table(named: object.table, in: job.record.databaseId) else {
                finishCancelled(job, status: JobStatus(code: "NOT_FOUND", message: "table \(object.table) does not exist"))
                return
            }
            let all = catalog.partitions(of: table.id)
            var chosen = all
            if let names = object.partitions {
                chosen = []
                for name in names {
                    guard let p = all.first(where: { $0.name == name }) else {
                        finishCancelled(job, status: JobStatus(code: "NOT_FOUND", message: "partition \(name) does not exist  in table\(table.name)"))
                        return
                    }
                    chosen.append(p)
                }
            }
            var partitions: [BackupPlan.PartitionPlan] = []
            for partition in chosen {
                var tablets: [BackupPlan.TabletPlan] = []
                for tablet in catalog.tablets(of: partition.id) {
                    let replicas = catalog.replicas(of: tablet.id).sorted { $0.id < $1.id }
                    let alive = replicas.filter { catalog.backends[$0.backendId]?.alive == true }.map(\.backendId)
                    let down = replicas.filter { catalog.backends[$0.backendId]?.alive != true }.map(\.backendId)
                    guard !alive.isEmpty else {
                        finishCancelled(job, status: .error("failed to choose replica to make snapshot for tablet \(tablet.id). visible version: \(partition.visibleVersion)"))
                        return
                    }
                    let rowsets = job.record.metadataOnly ? [] : catalog.rowsets(of: tablet.id).filter { $0.version <= partition.visibleVersion }
                    tablets.append(BackupPlan.TabletPlan(tabletId: tablet.id, backends: alive + down, rowsets: rowsets))
                }
                partitions.append(BackupPlan.PartitionPlan(partition: partition, tablets: tablets))
            }
            tables.append(BackupPlan.TablePlan(table: table, partitions: partitions))
        }
        let plan = BackupPlan(tables: tables)
        job.record.plan = plan
        let folder = SnapshotMaker.folderName(createTime: job.record.createTime, jobId: job.record.jobId, timeoutSeconds: job.record.timeoutSeconds)
        for tablet in plan.tablets {
            job.record.sourceBackend[tablet.tabletId] = tablet.backends[0]
            job.record.snapshotFolders[tablet.backends[0]] = folder
            if !job.record.metadataOnly { job.tasks.waiting[tablet.tabletId] = .distantPast }
        }
        transition(job, to: .snapshoting)
    }

    /// UPLOAD_SNAPSHOT: lists what the repository already holds of the snapshot (a resumed job
    /// skips it), discards writes a crash cut off, and queues the tablets still to upload. A
    /// failed listing is an error of this step, retried: read as "nothing exists", it would
    /// upload everything again and drop what was cut off from the clean-up.
    func prepareUploads(_ job: BackupRuntime, _ host: JobHost) {
        guard job.tasks.stepDue(at: core.now()) else { return }
        guard let repository = host.catalog.repositories[job.record.repositoryId] else {
            finishCancelled(job, status: JobStatus(code: "NOT_FOUND", message: "repository \(job.record.repositoryName) does not exist"))
            return
        }
        let prefix = RepositoryPaths(repositoryName: repository.name).snapshotDirectory(label: job.record.label) + "/"
        do throws(ObjectStoreError) {
            let store = try host.objectStore(for: repository)
            try locateBaseFiles(job, store: store, repositoryName: repository.name)
            let existing = try store.list(prefix: prefix)
            // None of this job's uploads runs yet: unfinished ones under its prefix were cut
            // off by a crash of an earlier process, and their parts would stay forever.
            try store.discardIncompleteWrites(prefix: prefix)
            job.existingKeys = Dictionary(existing.map { ($0.key, $0.size) }, uniquingKeysWith: { a, _ in a })
        } catch {
            stepFailed(job, "cannot list the snapshot's files in the repository: \(error.message)", needsOperator: error.needsOperator)
            return
        }
        do {
            job.record.provenance = try BackupArtifacts(record: job.record).completedProvenance()
        } catch {
            finishCancelled(job, status: .error("cannot describe the snapshot's tablets: \(error)"))
            return
        }
        var doneFiles = 0
        var doneBytes: Int64 = 0
        for tablet in job.record.plan?.tablets ?? [] {
            if job.record.uploadedTablets.contains(tablet.tabletId) {
                doneFiles += tablet.rowsets.count
                doneBytes += tablet.bytes
            } else if !job.record.metadataOnly {
                job.tasks.waiting[tablet.tabletId] = .distantPast
            }
        }
        job.tasks.progress.reset(filesDone: doneFiles, bytesDone: doneBytes)
        transition(job, to: .uploading)
    }
}

extension BackupMachine {
    /// An incremental job: reads its base's `__info` and records which planned files the base
    /// (or the folder the base points to) already holds, so they are neither uploaded nor
    /// counted as this snapshot's. Read again when a resumed job comes back here: the base's
    /// `__info` does not change. A failed read is this step's error, retried — never "upload
    /// everything", which would quietly make a full snapshot.
    func locateBaseFiles(_ job: BackupRuntime, store: ObjectStore, repositoryName: String) throws(ObjectStoreError) {
        guard let provenance = job.record.provenance, provenance.kind == .incremental, let base = provenance.base else { return }
        let info: SnapshotInfoFile
        do {
            info = try SnapshotBrowser(store: store, repositoryName: repositoryName).info(label: base.label, timestamp: base.timestamp)
        } catch {
            throw ObjectStoreError(error.kind, "cannot read base snapshot \(base.label) (\(base.timestamp)): \(error.message)")
        }
        let locations: [Int64: [String: String]]
        do {
            locations = try BaseSnapshotMatch(base: info).locations(for: job.record)
        } catch {
            throw ObjectStoreError(.io, "cannot match the tablets with base snapshot \(base.label): \(error)")
        }
        job.record.provenance?.fileLocations = locations
        // The base's `__info` says where its files are; what counts is that they are there
        // (a holder folder damaged or dropped by another cluster): a file not found is uploaded.
        let missing = Set(try BackupArtifacts(record: job.record).missingLocatedKeys(in: store, repositoryName: repositoryName))
        if !missing.isEmpty {
            var kept = job.record.provenance?.fileLocations ?? [:]
            for located in BackupArtifacts(record: job.record).locatedKeys(repositoryName: repositoryName) where missing.contains(located.key) {
                kept[located.tablet]?[located.file] = nil
            }
            job.record.provenance?.fileLocations = kept.filter { !$0.value.isEmpty }
            core.logger.warning("backup \(job.record.label) (job \(job.record.jobId)): \(missing.count) files base snapshot \(base.label) lists are not in the repository; they are uploaded again")
        }
        let files = (job.record.provenance?.fileLocations ?? [:]).values.reduce(0) { $0 + $1.count }
        core.logger.info("backup \(job.record.label) (job \(job.record.jobId)): incremental on \(base.label) (\(base.timestamp)); \(files) files are already in the repository")
    }
}
