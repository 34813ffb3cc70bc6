import Console

/// One read of a remote cluster over the read connection: the statements, and what their
/// answers make of the dashboard's picture.
///
/// A server error on one part (a missing privilege, a server without BACKUP) becomes that part's
/// reason and the rest is still read; a lost connection ends the read (thrown).
final class RemoteReading {
    let connection: any SQLConnection
    let server: ServerIdentity
    let user: String
    let utcOffset: Int
    /// Statements this reading sent.
    private(set) var statements = 0

    init(connection: any SQLConnection, server: ServerIdentity, user: String, utcOffset: Int) {
        self.connection = connection
        self.server = server
        self.user = user
        self.utcOffset = utcOffset
    }

    func query(_ sql: String) throws(RemoteError) -> RemoteResult {
        statements += 1
        return try connection.query(sql)
    }

    /// Everything the dashboard shows, as far as `focus` needs it. The catalog's tables are read
    /// only when wanted (and once at the start, for the dialogs); otherwise the previous ones are
    /// kept for the databases that remain.
    func everything(focus: SourceFocus, previous: ClusterSnapshot?) throws(RemoteError) -> ClusterSnapshot {
        var picture = ClusterSnapshot(user: user, isAdmin: server.isAdmin ?? true)
        var databases: [String] = []
        switch try attempt({ try RemoteTables.databases(self) }) {
        case .success(let names): databases = names
        case .failure(let reason): picture.unavailable[.catalog] = reason.message
        }
        picture.jobs = try jobs(of: databases, kinds: [.backup, .restore], into: &picture)
        if server.flavor.hasBackupRestore {
            switch try attempt({ try RemoteTables.repositories(self) }) {
            case .success(let repositories): picture.repositories = repositories
            case .failure(let problem): refuse(.repositories, problem, in: &picture)
            }
            switch try attempt({ try RemoteTables.backends(self) }) {
            case .success(let backends): (picture.backendsUp, picture.backendsTotal) = backends
            case .failure(let problem): refuse(.backends, problem, in: &picture)
            }
            switch try attempt({ try RemoteTables.schedules(self) }) {
            case .success(let schedules): picture.schedules = schedules
            case .failure(let problem): picture.unavailable[.schedules] = schedulesUnavailable(problem)
            }
        } else {
            picture.unavailable[.repositories] = noBackupRestore
            picture.unavailable[.schedules] = noBackupRestore
        }
        picture.catalog = try catalog(of: databases, focus: focus, previous: previous?.catalog, into: &picture)
        picture.transferRate = picture.jobs.compactMap(\.throughput).max()
        return picture
    }

    /// Only the jobs of the databases where a job was running at the last read; the rest of
    /// `previous` stays as it was.
    func runningJobs(previous: ClusterSnapshot) throws(RemoteError) -> ClusterSnapshot {
        var picture = previous
        let running = Dictionary(grouping: previous.jobs.filter(\.isActive), by: \.database)
        for (database, jobs) in running.sorted(by: { $0.key < $1.key }) {
            let kinds = Set(jobs.map(\.kind)).sorted { $0.keyword < $1.keyword }
            let fresh = try self.jobs(of: [database], kinds: kinds, into: &picture)
            picture.jobs.removeAll { $0.database == database && kinds.contains($0.kind) }
            picture.jobs += fresh
        }
        picture.transferRate = picture.jobs.compactMap(\.throughput).max()
        return picture
    }

    /// The labels of a repository.
    func snapshots(in repository: String) throws(RemoteError) -> Result<[SnapshotRow], SourceFailure> {
        try attempt({ try RemoteTables.snapshots(in: repository, self) }).mapError(\.failure)
    }

    /// What one snapshot holds, from the detail form of SHOW SNAPSHOT.
    func snapshotContents(repository: String, label: String, timestamp: String) throws(RemoteError) -> Result<SnapshotContents, SourceFailure> {
        try attempt({ try RemoteTables.snapshotContents(repository: repository, label: label, timestamp: timestamp, self) })
            .mapError(\.failure)
    }

    private var noBackupRestore: String {
        "This server (\(server.displayName)) has no BACKUP / RESTORE: SnapDeck reads jobs from Doris, StarRocks or snapdeck serve."
    }

    /// Why the Schedules tab is empty: a server without the jobs() table function (Doris before
    /// 2.1, StarRocks) says so with an error.
    private func schedulesUnavailable(_ problem: SourceProblem) -> String {
        switch problem.kind {
        case .missingPrivilege, .unexpectedTable: problem.message
        default: "This server (\(server.displayName)) cannot list backup schedules with \(ScheduleRow.listStatement): \(problem.message)"
        }
    }

    /// A part the server would not give; only a missing privilege says the user is not an admin.
    private func refuse(_ part: ClusterPart, _ problem: SourceProblem, in picture: inout ClusterSnapshot) {
        picture.unavailable[part] = problem.message
        if problem.kind == .missingPrivilege { picture.isAdmin = false }
    }

    private func jobs(of databases: [String], kinds: [JobKind], into picture: inout ClusterSnapshot) throws(RemoteError) -> [JobRow] {
        guard server.flavor.hasBackupRestore else {
            for kind in kinds { picture.unavailable[kind.clusterPart] = noBackupRestore }
            return []
        }
        var rows: [JobRow] = []
        for kind in kinds {
            var refused: [(database: String, reason: String)] = []
            for database in databases {
                switch try attempt({ try RemoteTables.jobs(kind, database: database, self) }) {
                case .success(let jobs): rows += jobs
                case .failure(let reason): refused.append((database, reason.message))
                }
            }
            if let first = refused.first {
                picture.unavailable[kind.clusterPart] = refused.count == databases.count
                    ? first.reason
                    : "Cannot read \(kind.keyword) of \(refused.map(\.database).joined(separator: ", ")): \(first.reason)"
            }
        }
        return rows
    }

    private func catalog(
        of databases: [String], focus: SourceFocus, previous: [CatalogNode]?, into picture: inout ClusterSnapshot
    ) throws(RemoteError) -> [CatalogNode] {
        var nodes: [CatalogNode] = []
        for (index, name) in databases.enumerated() {
            let known = previous?.first { $0.name == name }
            guard focus.needsCatalog || previous == nil else {
                nodes.append(known ?? CatalogNode(kind: .database, id: Int64(index), name: name))
                continue
            }
            switch try attempt({ try RemoteTables.database(named: name, id: Int64(index), withTablets: focus.tab == .catalog, self) }) {
            case .success(let node): nodes.append(node)
            case .failure(let reason):
                picture.unavailable[.catalog] = "Cannot read the tables of \(name): \(reason.message)"
                nodes.append(known ?? CatalogNode(kind: .database, id: Int64(index), name: name))
            }
        }
        return nodes
    }

    /// A server's refusal or an answer SnapDeck cannot read becomes the part's reason; a broken
    /// connection is thrown, ending the read.
    private func attempt<T>(_ body: () throws -> T) throws(RemoteError) -> Result<T, SourceProblem> {
        do {
            return .success(try body())
        } catch let error as RemoteError {
            if error.needsReconnect { throw error }
            return .failure(ShowReading.classify(error, flavor: server.flavor))
        } catch let problem as SourceProblem {
            return .failure(problem)
        } catch {
            return .failure(SourceProblem(kind: .serverError, message: String(describing: error)))
        }
    }
}

