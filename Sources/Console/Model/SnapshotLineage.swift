/// What SnapDeck records about one snapshot timestamp beyond Doris's columns: full or
/// incremental, the snapshot it builds on, its bytes, the cluster that owns it and its
/// retention. A source fills what it knows; a Doris server knows none of it (all nil).
public struct SnapshotLineage: Sendable, Hashable {
    /// `FULL` or `INCREMENTAL`, as SHOW SNAPSHOT prints it; nil when unknown.
    public var type: String?
    /// The base snapshot's label (incremental only).
    public var baseLabel: String?
    /// The base's timestamp, when the source knows it (SHOW SNAPSHOT gives the label only).
    public var baseTimestamp: String?
    public var uploadedBytes: Int64?
    /// Bytes of every file the snapshot covers, wherever they live.
    public var totalBytes: Int64?
    /// The id of the cluster that made the snapshot.
    public var owner: String?
    /// `7 DAY`; nil when kept until dropped.
    public var ttl: String?
    /// When the TTL runs out, `yyyy-MM-dd HH:mm:ss` local.
    public var expires: String?

    public init(
        type: String? = nil, baseLabel: String? = nil, baseTimestamp: String? = nil, uploadedBytes: Int64? = nil,
        totalBytes: Int64? = nil, owner: String? = nil, ttl: String? = nil, expires: String? = nil
    ) {
        self.type = type
        self.baseLabel = baseLabel
        self.baseTimestamp = baseTimestamp
        self.uploadedBytes = uploadedBytes
        self.totalBytes = totalBytes
        self.owner = owner
        self.ttl = ttl
        self.expires = expires
    }

    public var isIncremental: Bool { type?.uppercased().hasPrefix("INCR") == true }

    /// `FULL` / `INCR`: the table's short form.
    public var shortType: String {
        guard let type else { return "" }
        return isIncremental ? "INCR" : type.uppercased()
    }

    /// The owner as the table shows it: "this cluster" for the cluster the dashboard looks at,
    /// otherwise the id's first 8 characters (enough to tell clusters apart).
    public func ownerText(connectedCluster: String?) -> String {
        guard let owner, !owner.isEmpty else { return "" }
        if let connectedCluster, !connectedCluster.isEmpty, owner == connectedCluster { return "this cluster" }
        return String(owner.prefix(8))
    }
}
