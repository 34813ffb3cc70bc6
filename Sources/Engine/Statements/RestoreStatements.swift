import Catalog
import Foundation
import Jobs
import Repository
import SQLSyntax

/// RESTORE, SHOW RESTORE and CANCEL RESTORE.
struct RestoreStatements: StatementFamily {
    let services: ClusterServices

    func submitRestore(_ restore: BackupRestore, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        let options = try RestoreOptions(restore.properties, minimumTimeout: Int64(configInt("min_job_timeout_second")))
        let refs = try restoreReferences(restore.scope)
        guard let repository = c.catalog.repository(named: restore.repository) else {
            throw SQLError.general("Repository \(restore.repository) does not exist")
        }
        let database = try c.database(restore.database)
        if let current = scheduler.latestJob(database: database.id), !current.done {
            throw SQLError.general(
                "Can only run one backup or restore job of a database at same time , current running: label = \(current.label) jobId = \(current.jobId), to run label = \(restore.label)")
        }
        let store: ObjectStore
        do {
            store = try objectStore(for: repository)
        } catch {
            throw SQLError.general(error.message)
        }
        let info: SnapshotInfoFile
        let meta: SnapshotMeta
        let browser = SnapshotBrowser(store: store, repositoryName: repository.name)
        if (try? browser.isDropping(label: restore.label)) == true {
            // (A store that cannot answer fails the info read just below, with its reason.)
            throw SQLError.general("Snapshot \(restore.label) is being dropped from repository \(repository.name); it cannot be restored")
        }
        do {
            info = try browser.info(label: restore.label, timestamp: options.timestamp)
        } catch {
            // Doris's hint fits a missing file; a damaged one is named in the message instead.
            let hint = error.kind == .notFound ? ". Maybe specified wrong backup timestamp" : ""
            throw SQLError.general("Failed to get info of snapshot '\(restore.label)' because: \(error.message)\(hint)")
        }
        let tables = try filterSnapshot(info, label: restore.label, scope: restore.scope, refs: refs)
        do {
            meta = try SnapshotReader(store: store, repositoryName: repository.name).read(label: restore.label, timestamp: options.timestamp).meta
        } catch {
            throw SQLError.general("\(error)")
        }
        var request = RestoreRequest(
            label: restore.label, timestamp: options.timestamp, repositoryId: repository.id, repositoryName: repository.name,
            databaseId: database.id, databaseName: database.name, tables: tables, replicationNum: options.replicationNum,
            reserveReplica: options.reserveReplica, reserveDynamicPartitionEnable: options.reserveDynamicPartitionEnable,
            allowLoad: options.allowLoad, timeoutSeconds: options.timeoutSeconds)
        request.atomicRestore = options.atomicRestore
        // Doris keeps force_replace only with atomic_restore and ignores it otherwise.
        request.forceReplace = options.atomicRestore && options.forceReplace
        request.cleanTables = options.cleanTables
        request.cleanPartitions = options.cleanPartitions
        request.reserveColocate = options.reserveColocate
        // Better than Doris: the checks Doris runs late also run now, so mistakes fail at once.
        let design: RestoreDesign
        do {
            design = try RestorePlanner.design(request: request, info: info, meta: meta, catalog: c.catalog)
        } catch {
            throw SQLError.general(error.message)
        }
        let jobId = try write { tx in try tx.nextId() }
        var record = RestoreJobRecord(jobId: jobId, request: request, createTime: Int64(Date().timeIntervalSince1970 * 1000))
        var filter: [String: Set<String>] = [:]
        for t in tables { filter[t.name] = Set(t.partitions ?? []) }
        record.restoreObjects = info.brief(tables: filter)
        do {
            try scheduler.submitRestore(record)
        } catch {
            throw SQLError.general("cannot journal restore job: \(error)")
        }
        noteJobStarted(jobId)
        var notes: [String] = []
        if !design.overwrites.isEmpty { notes.append("This restore overwrites existing partitions: \(design.overwrites.joined(separator: "; "))") }
        let replaced = design.tables.compactMap { $0.replacing?.name }
        if !replaced.isEmpty { notes.append("It replaces tables of another schema: \(replaced.joined(separator: ", "))") }
        return ResultSet(affectedRows: 0, info: notes.isEmpty ? nil : notes.joined(separator: ". "))
    }

    private func restoreReferences(_ scope: BackupRestore.Scope) throws(SQLError) -> [TableReference] {
        let refs: [TableReference]
        switch scope {
        case .all: return []
        case .only(let r), .exclude(let r): refs = r
        }
        var names: Set<String> = []
        var targets: Set<String> = []
        for ref in refs {
            if ref.database != nil {
                throw SQLError.general("Cannot specify database name on backup objects: \(ref.name). Specify database name before label")
            }
            if case .exclude = scope, ref.alias != nil { throw SQLError.general("The table alias in exclude clause does not make sense") }
            guard names.insert(ref.name).inserted else { throw SQLError.general("Duplicated table: \(ref.name)") }
            guard targets.insert(ref.alias ?? ref.name).inserted else { throw SQLError.general("Duplicated alias name: \(ref.alias ?? ref.name)") }
        }
        return refs
    }

    /// Applies ON / EXCLUDE to the snapshot's tables, with Doris's errors.
    private func filterSnapshot(_ info: SnapshotInfoFile, label: String, scope: BackupRestore.Scope, refs: [TableReference]) throws(SQLError) -> [RestoreTableRequest] {
        switch scope {
        case .all:
            return info.tables.map { RestoreTableRequest(name: $0.name, partitions: nil, alias: nil) }
        case .exclude:
            return info.tables.compactMap { table in
                guard let ref = refs.first(where: { $0.name == table.name }) else {
                    return RestoreTableRequest(name: table.name, partitions: nil, alias: nil)
                }
                guard let dropped = ref.partitions else { return nil }
                let kept = table.partitions.map(\.name).filter { !dropped.contains($0) }
                return kept.isEmpty ? nil : RestoreTableRequest(name: table.name, partitions: kept, alias: nil)
            }
        case .only:
            var result: [RestoreTableRequest] = []
            for ref in refs {
                guard let table = info.tables.first(where: { $0.name == ref.name }) else {
                    throw SQLError.general("Table \(ref.name) does not exist in snapshot \(label)")
                }
                for p in ref.partitions ?? [] where !table.partitions.contains(where: { $0.name == p }) {
                    throw SQLError.general("Partition \(p) of table \(ref.name) does not exist in snapshot")
                }
                result.append(RestoreTableRequest(name: ref.name, partitions: ref.partitions, alias: ref.alias))
            }
            return result
        }
    }

    func showRestore(_ show: ShowJobs, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let database = try c.database(show.database)
        try c.require(.load, on: database.name)
        let matches = try JobLabelFilter(show.filter, column: "LABEL", alternatives: ["label"])
        let brief = show.detail == .brief
        let full = show.detail == .full
        let rows = scheduler.restoreViews(database: database.id).filter { matches.accepts($0.record.label) }.map { $0.cells(brief: brief, full: full) }
        var columns = brief ? RestoreJobView.columns.filter { !RestoreJobView.briefDropped.contains($0) } : RestoreJobView.columns
        if full { columns += RestoreJobView.fullColumns }
        return ResultSet(columns: columns, rows: rows)
    }

    func cancelRestore(_ database: String?, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let db = try c.database(database)
        try c.requireAdmin()
        do {
            try scheduler.cancelRestore(database: db.id)
        } catch {
            throw SQLError.general(error.message)
        }
        return ResultSet()
    }
}

/// RESTORE's PROPERTIES, checked with Doris's messages.
struct RestoreOptions {
    var timestamp = ""
    var timeoutSeconds: Int64 = 86400
    var replicationNum = 3
    var reserveReplica = false
    var reserveDynamicPartitionEnable = false
    var allowLoad = false
    var atomicRestore = false
    var forceReplace = false
    var cleanTables = false
    var cleanPartitions = false
    var reserveColocate = false

    init(_ properties: [Property], minimumTimeout: Int64) throws(SQLError) {
        var unknown: [String] = []
        var timestamp: String?
        func bool(_ p: Property) throws(SQLError) -> Bool {
            switch p.value.lowercased() {
            case "true": return true
            case "false": return false
            default: throw SQLError.general("Invalid boolean property \(p.key) value: \(p.value)")
            }
        }
        for p in properties {
            switch p.key.lowercased() {
            case "backup_timestamp": timestamp = p.value
            case "timeout":
                guard let v = Int64(p.value) else { throw SQLError.general("Invalid timeout format: \(p.value)") }
                guard v >= minimumTimeout else {
                    throw SQLError.general(minimumTimeout == 600 ? "timeout must be at least 10 min" : "timeout must be at least \(minimumTimeout) seconds")
                }
                timeoutSeconds = v
            case "replication_num":
                guard let n = Int(p.value), n > 0 else { throw SQLError.general("Invalid replication num format: \(p.value)") }
                replicationNum = n
            // The same rules and texts as CREATE TABLE's (a tag, a count, their total).
            case "replication_allocation": replicationNum = try ReplicationProperty.allocationCount(p.value)
            case "reserve_replica": reserveReplica = try bool(p)
            case "reserve_dynamic_partition_enable": reserveDynamicPartitionEnable = try bool(p)
            case "allow_load": allowLoad = try bool(p)
            case "meta_version":
                guard Int(p.value) != nil else { throw SQLError.general("Invalid meta version format: \(p.value)") }
            case "atomic_restore": atomicRestore = try bool(p)
            case "force_replace": forceReplace = try bool(p)
            case "clean_tables": cleanTables = try bool(p)
            case "clean_partitions": cleanPartitions = try bool(p)
            // Kept and shown; SnapDeck has no colocation groups, so there is none to keep.
            case "reserve_colocate": reserveColocate = try bool(p)
            default:
                unknown.append(p.key)
            }
        }
        if !unknown.isEmpty { throw SQLError.general("Unknown restore job properties: [\(unknown.joined(separator: ", "))]") }
        guard let timestamp else { throw SQLError.general("Missing backup_timestamp property") }
        self.timestamp = timestamp
    }
}
