import Catalog
import Essentials
import Foundation
import Jobs
import Repository
import SQLSyntax

/// BACKUP, SHOW BACKUP, CANCEL BACKUP and SHOW SNAPSHOT.
struct BackupStatements: StatementFamily {
    let services: ClusterServices

    func submitBackup(_ backup: BackupRestore, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        guard NameRules.isValidLabel(backup.label) else {
            throw SQLError.general("Label format error. regex: \(NameRules.labelPattern), label: \(backup.label)")
        }
        let (refs, excluded) = try backupReferences(backup.scope)
        let options = try BackupOptions(backup.properties, minimumTimeout: Int64(configInt("min_job_timeout_second")))
        guard let repository = c.catalog.repository(named: backup.repository) else {
            throw SQLError.general("Repository \(backup.repository) does not exist")
        }
        let database = try c.database(backup.database)
        if let current = scheduler.latestJob(database: database.id), !current.done {
            throw SQLError.general(
                "Can only run one backup or restore job of a database at same time , current running: label = \(current.label) jobId = \(current.jobId), to run label = \(backup.label)")
        }
        if repository.readOnly { throw SQLError.general("Repository \(repository.name) is read only") }
        let objects = try resolveBackupObjects(refs, excluded: excluded, database: database, c)
        if let conflict = scheduler.labelConflict(label: backup.label, repositoryId: repository.id, repositoryName: repository.name) {
            throw SQLError.general(conflict.message)
        }
        let browser: SnapshotBrowser
        let labels: [String]
        do {
            browser = SnapshotBrowser(store: try objectStore(for: repository), repositoryName: repository.name)
            labels = try browser.labels()
        } catch {
            throw SQLError.general("Failed to list snapshot in repo: \(repository.name), err: \(error.message)")
        }
        if labels.contains(backup.label) {
            throw SQLError.general("Snapshot with name '\(backup.label)' already exist in repository")
        }
        try refuseDroppingLabel(backup.label, repository: repository)
        let chooser = IncrementalBaseChooser(browser: browser, repository: repository.name, labels: labels)
        var base: SnapshotProvenance.Reference?
        if let named = options.baseSnapshot {
            base = try chooser.named(named, database: database.name)
        } else if options.incremental {
            base = chooser.latest(database: database.name, tables: Set(objects.map(\.table)))
            if base == nil {
                logger.info("backup \(backup.label): repository \(repository.name) holds no finished snapshot of \(database.name) with the same tables, so this incremental backup is taken in full")
            }
        }
        let jobId = try write { tx in try tx.nextId() }
        // The job engine's clock, as every job time: a TTL's expiry and a schedule's run are
        // measured on the same clock that the retention sweep reads.
        let now = Int64(scheduler.now().timeIntervalSince1970 * 1000)
        var record = BackupJobRecord(
            jobId: jobId, label: backup.label, databaseId: database.id, databaseName: database.name,
            repositoryId: repository.id, repositoryName: repository.name, objects: objects,
            metadataOnly: options.metadataOnly, timeoutSeconds: options.timeoutSeconds, createTime: now,
            snapshotTimestamp: JobTime.snapshotTimestamp(now))
        record.provenance = SnapshotProvenance(
            kind: base == nil ? .full : .incremental, base: base, owner: services.clusterId,
            ttl: options.retention?.text, expireTime: options.retention?.expiry(after: now))
        record.requestedBase = options.baseSnapshot
        do {
            try scheduler.submitBackup(record)
        } catch {
            throw SQLError.general("cannot journal backup job: \(error)")
        }
        noteJobStarted(jobId)
        return ResultSet()
    }

    /// A label whose folder a drop marked (unfinished, or kept for the files other snapshots
    /// read) cannot take a new snapshot: its files would mix with the dropped one's.
    private func refuseDroppingLabel(_ label: String, repository: RepositoryRecord) throws(SQLError) {
        let dropping: Bool
        do {
            dropping = try SnapshotBrowser(store: try objectStore(for: repository), repositoryName: repository.name).isDropping(label: label)
        } catch {
            throw SQLError.general("Failed to list snapshot in repo: \(repository.name), err: \(error.message)")
        }
        if dropping {
            throw SQLError.general(
                "Snapshot \(label) is being dropped from repository \(repository.name) (or its folder keeps files other snapshots read): choose another label")
        }
    }

    /// ON / EXCLUDE references, checked for Doris's rules (no database, no alias, no duplicates).
    private func backupReferences(_ scope: BackupRestore.Scope) throws(SQLError) -> ([TableReference]?, [TableReference]) {
        let refs: [TableReference]
        switch scope {
        case .all: return (nil, [])
        case .only(let r), .exclude(let r): refs = r
        }
        var seen: Set<String> = []
        for ref in refs {
            if ref.database != nil {
                throw SQLError.general("Cannot specify database name on backup objects: \(ref.name). Specify database name before label")
            }
            if ref.alias != nil { throw SQLError.general("Can not set alias for table in Backup Command: \(ref.name)") }
            guard seen.insert(ref.name.lowercased()).inserted else { throw SQLError.general("Duplicated table: \(ref.name)") }
        }
        if case .exclude = scope { return (nil, refs) }
        return (refs, [])
    }

    private func resolveBackupObjects(_ refs: [TableReference]?, excluded: [TableReference], database: DatabaseRecord, _ c: ExecutionContext) throws(SQLError) -> [BackupObject] {
        let tables = c.catalog.tables(in: database.id)
        guard let refs else {
            let skip = Set(excluded.filter { $0.partitions == nil }.map(\.name))
            let objects = tables.filter { !skip.contains($0.name) }.sorted { $0.name < $1.name }.map { table in
                let dropped = Set(excluded.first { $0.name == table.name }?.partitions ?? [])
                let partitions = dropped.isEmpty ? nil : c.catalog.partitions(of: table.id).map(\.name).filter { !dropped.contains($0) }
                return BackupObject(table: table.name, partitions: partitions)
            }
            guard !objects.isEmpty else { throw SQLError.general("Database \(database.name) has no table to back up") }
            return objects
        }
        var objects: [BackupObject] = []
        for ref in refs.sorted(by: { $0.name < $1.name }) {
            guard let table = tables.first(where: { $0.name == ref.name }) else {
                throw SQLError(code: 1051, sqlState: "42S02", "Unknown table '\(ref.name)'")
            }
            if let partitions = ref.partitions {
                let existing = Set(c.catalog.partitions(of: table.id).map(\.name))
                for p in partitions where !existing.contains(p) {
                    throw SQLError.general("Unknown partition \(p) in table\(table.name)")
                }
            }
            objects.append(BackupObject(table: table.name, partitions: ref.partitions))
        }
        return objects
    }

    func showBackup(_ show: ShowJobs, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let database = try c.database(show.database)
        try c.require(.load, on: database.name)
        let matches = try JobLabelFilter(show.filter, column: "SnapshotName", alternatives: ["snapshotname", "label"])
        let full = show.detail == .full
        let rows = scheduler.backupViews(database: database.id).filter { matches.accepts($0.record.label) }.map { $0.cells(full: full) }
        return ResultSet(columns: BackupJobView.showColumns(full: full), rows: rows)
    }

    func cancelBackup(_ database: String?, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let db = try c.database(database)
        try c.requireAdmin()
        do {
            try scheduler.cancelBackup(database: db.id)
        } catch {
            throw SQLError.general(error.message)
        }
        return ResultSet()
    }

    func showSnapshot(repository name: String, snapshot: String?, timestamp: String?, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        if snapshot == nil, timestamp != nil {
            throw SQLError.general("Where clause should looks like: SNAPSHOT = 'your_snapshot_name' [AND TIMESTAMP = '2018-04-18-19-19-10']")
        }
        let browser = try snapshotBrowser(repository: name, catalog: c.catalog)
        let lifecycle = SnapshotLifecycleColumns.self
        if let snapshot, let timestamp {
            let columns = ["Snapshot", "Timestamp", "Database", "Details", "Status"] + lifecycle.names
            do {
                let info = try browser.info(label: snapshot, timestamp: timestamp)
                return ResultSet(columns: columns,
                                 rows: [[snapshot, timestamp, info.database, info.brief(), "OK"] + lifecycle.cells(info.provenance).map(Optional.some)])
            } catch {
                return ResultSet(columns: columns,
                                 rows: [[snapshot, timestamp, nil, nil, "Failed to get info: \(error.message)"] + lifecycle.names.map { _ in nil }])
            }
        }
        let rows: [[String?]] = try snapshotSummaries(browser, label: snapshot, repository: name).map { s in
            [s.label, s.timestamps.isEmpty ? nil : s.timestamps.joined(separator: "\n"), s.status] + lifecycle.cells(s)
        }
        return ResultSet(columns: ["Snapshot", "Timestamp", "Status"] + lifecycle.names, rows: rows)
    }

    /// The browser of a repository named in a statement (SHOW SNAPSHOT, the read API).
    func snapshotBrowser(repository name: String, catalog: CatalogState) throws(SQLError) -> SnapshotBrowser {
        guard let repository = catalog.repository(named: name) else { throw SQLError.general("Repository \(name) does not exist") }
        do {
            return SnapshotBrowser(store: try objectStore(for: repository), repositoryName: repository.name)
        } catch {
            throw SQLError.general(error.message)
        }
    }

    /// One label's summary, or every label's, with SHOW SNAPSHOT's error text.
    func snapshotSummaries(_ browser: SnapshotBrowser, label: String?, repository: String) throws(SQLError) -> [SnapshotBrowser.Summary] {
        if let label { return [browser.summary(label: label, readingProvenance: true)] }
        do {
            return try browser.summaries(readingProvenance: true)
        } catch {
            throw SQLError.general("Failed to list snapshot in repo: \(repository), err: \(error.message)")
        }
    }
}

/// BACKUP's PROPERTIES, checked with Doris's messages.
struct BackupOptions {
    var timeoutSeconds: Int64 = 86400
    var metadataOnly = false
    var incremental = false
    /// `ttl`: how long the snapshot is kept (nil: until dropped).
    var retention: RetentionPeriod?
    /// The `base_snapshot` label an incremental backup is taken against (else chosen).
    var baseSnapshot: String?

    init(_ properties: [Property], minimumTimeout: Int64) throws(SQLError) {
        var unknown: [String] = []
        for p in properties {
            switch p.key.lowercased() {
            case "timeout":
                guard let v = Int64(p.value) else { throw SQLError.general("Invalid timeout format: \(p.value)") }
                guard v >= minimumTimeout else {
                    throw SQLError.general(minimumTimeout == 600 ? "timeout must be at least 10 min" : "timeout must be at least \(minimumTimeout) seconds")
                }
                timeoutSeconds = v
            case "type":
                switch p.value.uppercased() {
                case "FULL": incremental = false
                case "INCREMENTAL": incremental = true
                default: throw SQLError.general("Invalid backup job type: \(p.value)")
                }
            case "ttl":
                do {
                    retention = try RetentionPeriod(parsing: p.value)
                } catch {
                    throw SQLError.general(error.message)
                }
            case "content":
                switch p.value.uppercased() {
                case "ALL": metadataOnly = false
                case "METADATA_ONLY": metadataOnly = true
                default: throw SQLError.general("Invalid backup job content:\(p.value)")
                }
            case "base_snapshot":
                guard !p.value.isEmpty else { throw SQLError.general("\"base_snapshot\" must name a snapshot of the repository") }
                baseSnapshot = p.value
            default:
                unknown.append(p.key)
            }
        }
        if !unknown.isEmpty { throw SQLError.general("Unknown backup job properties: [\(unknown.joined(separator: ", "))]") }
        if let baseSnapshot, !incremental {
            throw SQLError.general("\"base_snapshot\" = \"\(baseSnapshot)\" is only valid with \"type\" = \"incremental\"")
        }
        if incremental && metadataOnly {
            throw SQLError.general("An incremental backup copies data files: it cannot be \"content\" = \"METADATA_ONLY\"")
        }
    }
}

/// SHOW BACKUP / SHOW RESTORE `WHERE <label column> = "x"` or `LIKE "pattern"`.
struct JobLabelFilter {
    private enum Test {
        case all, equal(String), like(LikePattern)
    }
    private let test: Test

    init(_ predicates: [SQLSyntax.Predicate], column: String, alternatives: Set<String>) throws(SQLError) {
        let error = SQLError.general("Where clause should like: \(column) = \"your_\(column == "SnapshotName" ? "snapshot_name" : "label_name")\",  or \(column) LIKE \"matcher\"")
        switch predicates.first {
        case nil: test = .all
        case .compare(let c, .equal, .string(let value))? where predicates.count == 1 && alternatives.contains(c.lowercased()) && !value.isEmpty:
            test = .equal(value)
        case .like(let c, let pattern, false)? where predicates.count == 1 && alternatives.contains(c.lowercased()) && !pattern.isEmpty:
            test = .like(LikePattern(pattern, caseSensitive: true))
        default: throw error
        }
    }

    func accepts(_ label: String) -> Bool {
        switch test {
        case .all: true
        case .equal(let v): v == label
        case .like(let p): p.matches(label)
        }
    }
}
