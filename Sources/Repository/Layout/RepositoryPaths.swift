/// Object keys of Doris's repository layout (reference §9.1), relative to the store's root:
///
/// ```
/// __palo_repository_<repo>/
///   __repo_info
///   __ss_<label>/
///     __meta.<md5>
///     __info_<yyyy-MM-dd-HH-mm-ss>.<md5>
///     __dropping                       (SnapDeck: only while, or after a FORCE, drop)
///     __ss_content/__db_<id>/__tbl_<id>/__part_<id>/__idx_<id>/__<tabletId>/<file>.<md5>
/// ```
///
/// Ids are those of the source cluster. The builders only join strings; callers pass labels
/// and names that are already validated.
public struct RepositoryPaths: Sendable, Equatable {
    public let repositoryName: String

    public init(repositoryName: String) {
        self.repositoryName = repositoryName
    }

    /// `__palo_repository_<name>`: the folder every key of this repository lives under.
    public var root: String { "__palo_repository_\(repositoryName)" }

    /// `<root>/__repo_info`: the JSON file naming the repository (no checksum suffix).
    public var repoInfo: String { "\(root)/__repo_info" }

    /// `<root>/__ss_`: the key prefix shared by every snapshot folder.
    public var snapshotPrefix: String { "\(root)/__ss_" }

    /// `<root>/__ss_<label>`.
    public func snapshotDirectory(label: String) -> String { "\(snapshotPrefix)\(label)" }

    /// `<root>/__ss_<label>/__ss_content`: the tablet files of a snapshot.
    public func contentDirectory(label: String) -> String { "\(snapshotDirectory(label: label))/__ss_content" }

    /// `<root>/__ss_<label>/__meta.<md5>`.
    public func metaFile(label: String, md5: String) -> String {
        "\(snapshotDirectory(label: label))/__meta.\(md5)"
    }

    /// `<root>/__ss_<label>/__info_<timestamp>.<md5>`; `timestamp` is `yyyy-MM-dd-HH-mm-ss`.
    public func infoFile(label: String, timestamp: String, md5: String) -> String {
        "\(snapshotDirectory(label: label))/__info_\(timestamp).\(md5)"
    }

    /// `<root>/__ss_<label>/__ss_content/__db_<dbId>/__tbl_<tableId>/__part_<partitionId>/__idx_<indexId>/__<tabletId>`.
    public func tabletDirectory(
        label: String, dbId: Int64, tableId: Int64, partitionId: Int64, indexId: Int64, tabletId: Int64
    ) -> String {
        "\(contentDirectory(label: label))/__db_\(dbId)/__tbl_\(tableId)/__part_\(partitionId)/__idx_\(indexId)/__\(tabletId)"
    }

    /// `<tabletDirectory>/<fileName>.<md5>`.
    public func dataFile(tabletDirectory: String, fileName: String, md5: String) -> String {
        "\(tabletDirectory)/\(fileName).\(md5)"
    }

    /// `<root>/__ss_<label>/__dropping`: SnapDeck's mark of a snapshot being dropped, put before
    /// anything is deleted and removed last. A folder holding it is never listed as usable; it
    /// stays, with only the files other snapshots read, after `DROP SNAPSHOT … FORCE`.
    public func dropMarker(label: String) -> String { "\(snapshotDirectory(label: label))/\(Self.dropMarkerName)" }

    /// File name of the drop marker.
    public static let dropMarkerName = "__dropping"

    /// File-name prefix of meta files (`__meta`).
    public static let metaPrefix = "__meta"
    /// File-name prefix of job-info files (`__info_`).
    public static let infoPrefix = "__info_"
}

/// Doris's `<logical name>.<md5hex>` naming (reference §9.2).
public enum ChecksumName {
    /// Splits `fileName` at its **last** `.`; the part after it must be exactly 32 lower-case
    /// hex characters. Returns nil otherwise (no dot, wrong length, upper case, non-hex).
    public static func split(_ fileName: String) -> (name: String, md5: String)? {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        let md5 = fileName[fileName.index(after: dot)...]
        guard md5.utf8.count == 32, md5.utf8.allSatisfy(isLowerHex) else { return nil }
        return (String(fileName[..<dot]), String(md5))
    }

    /// Lower-case hex MD5 of `bytes`: the checksum suffix for a file with this content.
    public static func md5(of bytes: [UInt8]) -> String { FileIO.md5(bytes) }

    /// `<name>.<md5>`.
    public static func join(name: String, md5: String) -> String { "\(name).\(md5)" }

    /// True when `s` is 32 lower-case hex characters, the form of every checksum suffix.
    public static func isMD5(_ s: String) -> Bool { s.utf8.count == 32 && s.utf8.allSatisfy(isLowerHex) }

    private static func isLowerHex(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b)
    }
}
