/// What SnapDeck adds to a snapshot's `__info` (under the key `snapdeck`, which Doris's reader
/// ignores): whether the snapshot is incremental and where the files it did not upload live,
/// the bytes it uploaded and covers, and its retention (owner cluster, TTL, expiry).
///
/// The tablets of `backup_objects` always list every file of the tablet, uploaded here or not,
/// so a reader that knows nothing of this key fails on a missing file instead of restoring part
/// of the data.
public struct SnapshotProvenance: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case full, incremental

        /// `FULL` / `INCREMENTAL`, as SHOW prints it.
        public var shown: String { rawValue.uppercased() }
    }

    /// A snapshot of the same repository, named as SHOW SNAPSHOT and RESTORE name it.
    public struct Reference: Sendable, Equatable, Codable, Hashable {
        public var label: String
        /// `yyyy-MM-dd-HH-mm-ss`.
        public var timestamp: String
        public init(label: String, timestamp: String) {
            self.label = label
            self.timestamp = timestamp
        }
    }

    public var kind: Kind
    /// The snapshot this one was taken against (incremental only).
    public var base: Reference?
    /// Files of this snapshot's tablets that live in another snapshot's folder: tablet id →
    /// file name (with its `.md5`) → label of the folder holding it, under the same
    /// `__ss_content/__db_/__tbl_/__part_/__idx_/__<tablet>` path. Always the folder that
    /// physically holds the file (never a chain to follow), so a restore reads it in one step
    /// and a drop knows at once which folders others still need.
    public var fileLocations: [Int64: [String: String]]
    /// Bytes this snapshot wrote to its own folder (tablet files and headers).
    public var uploadedBytes: Int64
    /// Bytes of every tablet file the snapshot covers, wherever they live.
    public var totalBytes: Int64
    /// The identity of the cluster that made the snapshot (`Cluster.clusterId`).
    public var owner: String?
    /// The retention the BACKUP asked for, normalised (`7 DAY`), and when it runs out (epoch
    /// milliseconds); nil when the snapshot is kept until dropped.
    public var ttl: String?
    public var expireTime: Int64?

    public init(
        kind: Kind = .full, base: Reference? = nil, fileLocations: [Int64: [String: String]] = [:],
        uploadedBytes: Int64 = 0, totalBytes: Int64 = 0, owner: String? = nil, ttl: String? = nil, expireTime: Int64? = nil
    ) {
        self.kind = kind
        self.base = base
        self.fileLocations = fileLocations
        self.uploadedBytes = uploadedBytes
        self.totalBytes = totalBytes
        self.owner = owner
        self.ttl = ttl
        self.expireTime = expireTime
    }

    /// Labels of the other snapshot folders this snapshot reads files from.
    public var labelsNeeded: Set<String> {
        Set(fileLocations.values.flatMap(\.values))
    }

    /// Labels of the other snapshots this one depends on: its base and every folder holding
    /// one of its files (the base's own holders are among them once the files are located).
    public var labelsRead: Set<String> {
        labelsNeeded.union(base.map { [$0.label] } ?? [])
    }

    /// The folder label holding `file` of `tablet`: `ownLabel` unless another folder holds it.
    public func holder(of file: String, tablet: Int64, ownLabel: String) -> String {
        fileLocations[tablet]?[file] ?? ownLabel
    }

    // MARK: - JSON in `__info`

    static let key = "snapdeck"

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("type", .string(kind.rawValue))]
        if let base {
            members.append(("base_snapshot", .object([("label", .string(base.label)), ("timestamp", .string(base.timestamp))])))
        }
        if !fileLocations.isEmpty {
            members.append(("file_locations", .object(fileLocations.keys.sorted().map { tablet in
                let files = fileLocations[tablet]!
                return (String(tablet), .object(files.keys.sorted().map { ($0, .string(files[$0]!)) }))
            })))
        }
        members.append(("uploaded_bytes", .int(uploadedBytes)))
        members.append(("total_bytes", .int(totalBytes)))
        if let owner { members.append(("owner_cluster", .string(owner))) }
        if let ttl { members.append(("ttl", .string(ttl))) }
        if let expireTime { members.append(("expire_time", .int(expireTime))) }
        return .object(members)
    }

    init(_ fields: Fields) throws(SnapshotFormatError) {
        let kindText = try fields.optionalString("type") ?? "full"
        guard let kind = Kind(rawValue: kindText) else { throw fields.error("unknown type \"\(kindText)\"") }
        self.kind = kind
        if let base = try fields.optionalObject("base_snapshot") {
            self.base = Reference(label: try base.string("label"), timestamp: try base.string("timestamp"))
        }
        var locations: [Int64: [String: String]] = [:]
        for (tabletKey, value) in try fields.optionalObject("file_locations")?.entries ?? [] {
            let tablet = try fields.intKey(tabletKey)
            let files = try Fields(value, path: "\(fields.path).file_locations.\(tabletKey)")
            var holders: [String: String] = [:]
            for (file, _) in files.entries { holders[file] = try files.string(file) }
            locations[tablet] = holders
        }
        fileLocations = locations
        uploadedBytes = try fields.optionalInt("uploaded_bytes") ?? 0
        totalBytes = try fields.optionalInt("total_bytes") ?? 0
        owner = try fields.optionalString("owner_cluster")
        ttl = try fields.optionalString("ttl")
        expireTime = try fields.optionalInt("expire_time")
    }
}
