/// One row of `SHOW REPOSITORIES`.
public struct RepositoryRow: Sendable, Hashable {
    public var repoId: Int64
    public var name: String
    public var location: String
    /// `LOCAL`, `S3`, `BROKER`, `HDFS`.
    public var type: String
    public var readOnly: Bool
    public var createTime: String
    /// The last health-check error; nil (NULL) when the repository answered.
    public var errMsg: String?

    public init(
        repoId: Int64 = 0, name: String, location: String, type: String = "LOCAL", readOnly: Bool = false,
        createTime: String = "", errMsg: String? = nil
    ) {
        self.repoId = repoId
        self.name = name
        self.location = location
        self.type = type
        self.readOnly = readOnly
        self.createTime = createTime
        self.errMsg = errMsg
    }
}
