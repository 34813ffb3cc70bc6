import Catalog
import Foundation
import Jobs
import Repository
import Storage

extension ClusterServices: JobHost {
    var jobSettings: JobSettings {
        var s = JobSettings()
        s.transferWorkersPerBackend = configInt("transfer_workers_per_backend")
        s.rateLimitBytesPerSecond = Int64(configInt("transfer_rate_limit_bytes_per_second"))
        s.uploadBatchSize = configInt("backup_upload_snapshot_batch_size")
        s.maxJobsPerDatabase = configInt("max_backup_restore_job_num_per_db")
        s.historyKeepSeconds = Int64(configInt("history_job_keep_max_second"))
        s.faultTransferFailPercent = configInt("fault_transfer_fail_percent")
        s.faultTransferStallMilliseconds = configInt("fault_transfer_stall_ms")
        s.permanentErrorAttempts = configInt("job_permanent_error_attempts")
        let pause = configString("fault_pause_at_state")
        s.faultPauseAtState = pause.isEmpty ? nil : pause.uppercased()
        let journalFault = configString("fault_journal_write_fail")
        s.faultJournalWriteFailState = journalFault.isEmpty ? nil : journalFault.uppercased()
        return s
    }

    func objectStore(for repository: RepositoryRecord) throws(ObjectStoreError) -> ObjectStore {
        let store: ObjectStore
        switch repository.kind {
        case .local, .broker:
            let path = RepositoryLocation.localPath(repository.location) ?? repository.location
            if let problem = LocalLocationRules.problem(path: path, repositoryName: repository.name, dataDirectory: layout.root) {
                throw ObjectStoreError(.accessDenied, "repository \(repository.name): \(problem)")
            }
            store = LocalObjectStore(root: path)
        case .s3:
            do {
                store = try s3Store(repository.location, repository.properties)
            } catch {
                throw ObjectStoreError(.io, "repository \(repository.name): \(error.message)")
            }
        case .hdfs:
            throw ObjectStoreError(.io, "\(repository.kind.rawValue) repositories are not supported yet")
        }
        return objectStoreWrapper.map { $0(store) } ?? store
    }

    /// The store of an S3 repository's location and PROPERTIES, with the engine's S3 knobs.
    func s3Store(_ location: String, _ properties: [PropertyEntry]) throws(SQLError) -> S3ObjectStore {
        let s3 = try S3RepositoryProperties(properties)
        return S3ObjectStore(location: try s3.location(location), settings: s3Settings)
    }

    private var s3Settings: S3Settings {
        var settings = S3Settings()
        settings.multipartThreshold = configInt("s3_multipart_threshold_bytes")
        settings.partSize = configInt("s3_multipart_part_size_bytes")
        settings.partConcurrency = configInt("s3_parts_in_flight")
        settings.listPageSize = configInt("s3_list_page_size")
        settings.attempts = configInt("s3_request_attempts")
        return settings
    }

    func writeCatalog<T>(_ body: (CatalogTransaction) throws -> T) throws -> T {
        try store.write(body)
    }

    func collectGarbage() {
        removeGarbageNow()
    }
}

/// Parsing of repository locations.
enum RepositoryLocation {
    /// The folder of a local location: an absolute path or a `file://` URL; nil otherwise.
    static func localPath(_ location: String) -> String? {
        var path = location
        if path.hasPrefix("file://") { path = String(path.dropFirst("file://".count)) }
        guard path.hasPrefix("/") else { return nil }
        let standardized = (path as NSString).standardizingPath
        return standardized.isEmpty ? nil : standardized
    }
}
