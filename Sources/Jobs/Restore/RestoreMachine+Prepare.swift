import Catalog
import Foundation
import Repository
import Storage

extension RestoreMachine {
    /// PENDING: read the snapshot's info and meta, check them against the catalog again, and
    /// create the new (hidden) tables and partitions.
    func prepare(_ job: RestoreRuntime, _ host: JobHost) {
        let request = job.record.request
        guard let repository = host.catalog.repositories[request.repositoryId] else {
            finishCancelled(job, status: .error("failed to get repository: \(request.repositoryId)"))
            return
        }
        do {
            let store = try host.objectStore(for: repository)
            let snapshot = try SnapshotReader(store: store, repositoryName: repository.name).read(label: request.label, timestamp: request.timestamp)
            let (info, meta) = (snapshot.info, snapshot.meta)
            try removeHiddenObjects(of: job.record.jobId, host)
            let design = try RestorePlanner.design(request: request, info: info, meta: meta, catalog: host.catalog, ownJob: job.record.jobId)
            let now = core.nowMillis()
            var plan = try host.writeCatalog { tx in try RestoreMaterializer(design: design, record: job.record).materialize(tx, now: now) }
            plan.infoName = snapshot.infoName
            plan.metaName = snapshot.metaName
            job.record.plan = plan
            job.record.stagingFolder = "restore.\(job.record.jobId).\(request.timeoutSeconds)"
            job.record.metaPreparedTime = core.nowMillis()
            transition(job, to: .snapshoting)
        } catch let error as JobError {
            finishCancelled(job, status: .error(error.message))
        } catch {
            finishCancelled(job, status: .error("\(error)"))
        }
    }

    /// SNAPSHOTING: the staging folder of each backend the restore writes to; the tablets' own
    /// folders are made by the download tasks, in parallel, as they start.
    func makeStagingFolders(_ job: RestoreRuntime, _ host: JobHost) {
        guard job.tasks.stepDue(at: core.now()) else { return }
        let maker = SnapshotMaker(layout: host.layout)
        let backends = Set((job.record.plan?.tablets ?? []).flatMap(\.backends))
        do {
            for backend in backends.sorted() {
                try DurableFile.makeDirectories(maker.folder(backend: backend, name: job.record.stagingFolder))
            }
        } catch {
            stepFailed(job, "cannot create the staging folders: \(error)", needsOperator: false)
            return
        }
        job.record.snapshotFinishedTime = core.nowMillis()
        transition(job, to: .download)
    }

    /// DOWNLOAD: sizes the files to download (one listing of the snapshot's content) and
    /// queues every tablet not downloaded yet.
    func queueDownloads(_ job: RestoreRuntime, _ host: JobHost) {
        guard job.tasks.stepDue(at: core.now()) else { return }
        do throws(ObjectStoreError) {
            job.record.fileSizes = try downloadSizes(job.record, host)
        } catch {
            stepFailed(job, "cannot list the snapshot's files in the repository: \(error.message)", needsOperator: error.needsOperator)
            return
        }
        job.record.bytesTotal = job.record.fileSizes.values.reduce(0, +)
        for tablet in job.record.plan?.tablets ?? [] where !job.record.downloadedTablets.contains(tablet.targetTabletId) {
            job.tasks.waiting[tablet.sourceTabletId] = .distantPast
        }
        let done = job.record.plan?.tablets.filter { job.record.downloadedTablets.contains($0.targetTabletId) } ?? []
        job.tasks.progress.reset(filesDone: done.reduce(0) { $0 + $1.files.count }, bytesDone: 0)
        transition(job, to: .downloading)
    }

    /// Sizes of the files the restore downloads, by repository key.
    private func downloadSizes(_ record: RestoreJobRecord, _ host: JobHost) throws(ObjectStoreError) -> [String: Int64] {
        guard let repository = host.catalog.repositories[record.request.repositoryId] else {
            throw ObjectStoreError(.notFound, "repository \(record.request.repositoryName) does not exist")
        }
        let store = try host.objectStore(for: repository)
        let paths = RepositoryPaths(repositoryName: repository.name)
        var listed: [String: Int64] = [:]
        // An incremental snapshot's files are also in the folders of the snapshots it names.
        for label in [record.label] + (record.plan?.holderLabels ?? []) {
            for object in try store.list(prefix: paths.snapshotDirectory(label: label) + "/") { listed[object.key] = object.size }
        }
        var sizes: [String: Int64] = [:]
        for tablet in record.plan?.tablets ?? [] {
            for file in tablet.files {
                let key = tablet.key(of: file)
                sizes[key] = listed[key] ?? 0
            }
        }
        return sizes
    }
}
