/// A named pointer to a repository location (SPEC §4.1). Dropping it forgets the record; the
/// files in the repository stay.
public struct RepositoryRecord: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case local = "LOCAL", s3 = "S3", hdfs = "HDFS", broker = "BROKER"
    }
    public var id: ObjectID
    public var name: String
    public var readOnly: Bool
    public var kind: Kind
    /// As the user typed it (`/backups`, `file:///backups`, `s3://bucket/prefix`).
    public var location: String
    /// `WITH BROKER name`, if any.
    public var brokerName: String?
    /// PROPERTIES as written, secrets included: the catalog file is readable by its owner only.
    public var properties: [PropertyEntry]
    /// The repository's creation time as its `__repo_info` records it (`yyyy-MM-dd HH:mm:ss`).
    public var createTime: String
    /// The last connectivity error, or nil when healthy.
    public var errorMessage: String?

    public init(
        id: ObjectID, name: String, readOnly: Bool, kind: Kind, location: String, brokerName: String?,
        properties: [PropertyEntry], createTime: String, errorMessage: String? = nil
    ) {
        self.id = id
        self.name = name
        self.readOnly = readOnly
        self.kind = kind
        self.location = location
        self.brokerName = brokerName
        self.properties = properties
        self.createTime = createTime
        self.errorMessage = errorMessage
    }
}
