/// A privilege named in `GRANT` / `REVOKE`.
public enum Privilege: String, Sendable, Equatable, Codable, CaseIterable {
    case admin = "ADMIN_PRIV"
    case load = "LOAD_PRIV"
    case select = "SELECT_PRIV"
}

/// `ON *.*.*` / `ON *.*` (global), `ON db.*` (one database).
public enum GrantTarget: Sendable, Equatable {
    case global
    case database(String)
}

/// `CREATE [READ ONLY] REPOSITORY r WITH {LOCAL | S3 | BROKER [b] | HDFS} ON LOCATION "..."
/// [PROPERTIES (...)]`.
public struct CreateRepository: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case local
        case s3
        case hdfs
        case broker(name: String?)
    }
    public var name: String
    public var readOnly: Bool
    public var kind: Kind
    public var location: String
    public var properties: [Property]
    public init(
        name: String, readOnly: Bool, kind: Kind, location: String, properties: [Property] = []
    ) {
        self.name = name
        self.readOnly = readOnly
        self.kind = kind
        self.location = location
        self.properties = properties
    }
}

/// `BACKUP SNAPSHOT [db.]label TO r ...` and `RESTORE SNAPSHOT [db.]label FROM r ...`.
public struct BackupRestore: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        case all
        case only([TableReference])
        case exclude([TableReference])
    }
    public var database: String?
    public var label: String
    public var repository: String
    public var scope: Scope
    public var properties: [Property]
    public init(
        database: String?, label: String, repository: String, scope: Scope = .all,
        properties: [Property] = []
    ) {
        self.database = database
        self.label = label
        self.repository = repository
        self.scope = scope
        self.properties = properties
    }
}

/// A table inside `ON (...)` / `EXCLUDE (...)`: `t [PARTITION (p, ...)] [[AS] alias]`.
/// `database` is kept only so the engine can reject it with Doris's error.
public struct TableReference: Sendable, Equatable {
    public var database: String?
    public var name: String
    public var partitions: [String]?
    public var alias: String?
    public init(
        database: String? = nil, name: String, partitions: [String]? = nil, alias: String? = nil
    ) {
        self.database = database
        self.name = name
        self.partitions = partitions
        self.alias = alias
    }
}

/// `SHOW [FULL|BRIEF] BACKUP|RESTORE [FROM|IN db] [WHERE ... | LIKE '...']`.
public struct ShowJobs: Sendable, Equatable {
    public enum Detail: Sendable, Equatable {
        case standard, full, brief
    }
    public var detail: Detail
    public var database: String?
    /// `WHERE SnapshotName|Label = "x"` or `LIKE "pat"` (as a `.like` predicate on the label).
    public var filter: [Predicate]
    public init(detail: Detail = .standard, database: String? = nil, filter: [Predicate] = []) {
        self.detail = detail
        self.database = database
        self.filter = filter
    }
}
