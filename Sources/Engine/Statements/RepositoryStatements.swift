import Catalog
import Essentials
import Foundation
import Jobs
import Repository
import SQLSyntax

/// CREATE/DROP/SHOW REPOSITORIES and SHOW CREATE REPOSITORY.
struct RepositoryStatements: StatementFamily {
    let services: ClusterServices

    func createRepository(_ create: CreateRepository, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        if let problem = NameRules.problem(with: create.name) {
            throw SQLError.general("Incorrect repository name '\(NameRules.printable(create.name))': \(problem)")
        }
        guard !create.location.isEmpty else { throw SQLError.general("You must specify a location on the repository") }
        if let control = create.location.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7f }) {
            throw SQLError.general("Failed to create repository: the location contains the control character U+\(String(format: "%04X", control.value)), which no folder or bucket name may hold")
        }
        if c.catalog.repository(named: create.name) != nil {
            throw SQLError.general("Failed to create repository: repository with same name already exist: \(create.name)")
        }
        let properties = create.properties.map { PropertyEntry(key: $0.key, value: $0.value) }
        let kind: RepositoryRecord.Kind
        var broker: String?
        let store: ObjectStore
        switch create.kind {
        case .local:
            kind = .local
            store = try localRepositoryStore(create.location, name: create.name)
        case .broker(let name):
            // SnapDeck runs no broker processes (SHOW BROKER is empty) and writes every file
            // itself, so WITH BROKER is kept only for scripts written for Doris that point at
            // a local path; a location only a broker could reach is refused, not guessed at.
            guard RepositoryLocation.localPath(create.location) != nil else {
                throw SQLError.general("Failed to create repository: broker \(name.map { "'\($0)' " } ?? "")is not in SHOW BROKER; SnapDeck runs no brokers and accepts WITH BROKER only for a local path (an absolute path or file:///path), got '\(create.location)'")
            }
            kind = .broker
            broker = name
            store = try localRepositoryStore(create.location, name: create.name)
        case .s3:
            kind = .s3
            store = try s3RepositoryStore(create.location, properties)
        case .hdfs: throw SQLError.general("Failed to create repository: HDFS repositories are not supported yet")
        }
        let paths = RepositoryPaths(repositoryName: create.name)
        var createTime = Clock.format(Clock.nowSeconds())
        do {
            if try store.size(of: paths.repoInfo) != nil {
                let info = try RepoInfoFile.decode(try store.get(paths.repoInfo))
                guard info.name == create.name else {
                    throw SQLError.general("Failed to create repository: Invalid repository __repo_info, expected repo '\(create.name)', but get name '\(info.name)' from \(store.displayLocation)/\(paths.repoInfo)")
                }
                createTime = info.createTime
            } else {
                try store.put(RepoInfoFile(name: create.name, createTime: createTime).encode(), key: paths.repoInfo)
                try store.flush()
            }
            guard try store.size(of: paths.repoInfo) != nil else {
                throw SQLError.general("Failed to create repository: failed to connect to the repo")
            }
        } catch let error as SQLError {
            throw error
        } catch {
            throw SQLError.general("Failed to create repository: \(error)")
        }
        try write { tx in
            try tx.save(RepositoryRecord(
                id: try tx.nextId(), name: create.name, readOnly: create.readOnly, kind: kind, location: create.location,
                brokerName: broker, properties: properties, createTime: createTime))
        }
        logger.info("created repository \(create.name) at \(create.location)")
        return ResultSet()
    }

    private func localRepositoryStore(_ location: String, name: String) throws(SQLError) -> ObjectStore {
        guard let path = RepositoryLocation.localPath(location) else {
            throw SQLError.general("Failed to create repository: location must be an absolute path or a file:// URL, got '\(location)'")
        }
        if let problem = LocalLocationRules.problem(path: path, repositoryName: name, dataDirectory: layout.root) {
            throw SQLError.general("Failed to create repository: \(problem)")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SQLError.general("Failed to create repository: cannot create \(path): \(error.localizedDescription)")
        }
        return LocalObjectStore(root: path)
    }

    /// Checks the properties and that the endpoint answers, the bucket exists and the keys are
    /// accepted, before anything is written.
    private func s3RepositoryStore(_ location: String, _ properties: [PropertyEntry]) throws(SQLError) -> ObjectStore {
        let store = try services.s3Store(location, properties)
        do {
            try store.checkAccess()
        } catch {
            throw SQLError.general("Failed to create repository: \(error.message)")
        }
        return store
    }

    func dropRepository(_ name: String, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        guard let repository = c.catalog.repository(named: name) else { throw SQLError.general("Repository does not exist") }
        if scheduler.repositoryInUse(repository.id) {
            throw SQLError.general("Backup or restore job is running on this repository. Can not drop it")
        }
        try write { tx in try tx.deleteRepository(repository.id) }
        return ResultSet()
    }

    func showRepositories(_ c: ExecutionContext) -> ResultSet {
        let rows: [[String?]] = c.catalog.repositories.values.sorted { $0.id < $1.id }.map { r in
            [String(r.id), r.name, r.createTime, r.readOnly ? "true" : "false", r.location, r.brokerName ?? "-",
             r.kind.rawValue, r.errorMessage]
        }
        return ResultSet(columns: ["RepoId", "RepoName", "CreateTime", "IsReadOnly", "Location", "Broker", "Type", "ErrMsg"], rows: rows)
    }

    func showCreateRepository(_ name: String, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        guard let r = c.catalog.repository(named: name) else { throw SQLError.general("Repository does not exist") }
        let with = r.kind == .broker ? "BROKER" + (r.brokerName.map { " \($0)" } ?? "") : r.kind.rawValue
        var text = "CREATE \(r.readOnly ? "READ ONLY " : "")REPOSITORY \(Quoting.sqlIdentifier(r.name))\nWITH \(with)\nON LOCATION \(Quoting.sqlString(r.location))"
        if !r.properties.isEmpty {
            let props = r.properties.map { Quoting.sqlString($0.key) + " = " + Quoting.sqlString(SecretProperties.isSecret($0.key) ? SecretProperties.mask : $0.value) }
            text += "\nPROPERTIES\n(" + props.joined(separator: ",\n") + "\n)"
        }
        return ResultSet(columns: ["RepoName", "CreateStmt"], rows: [[r.name, text + ";"]])
    }
}
