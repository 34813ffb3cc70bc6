/// What dropping one snapshot folder deletes, in the order that keeps a repository sound at
/// every step (see `SnapshotDropper`): the marker goes in first, then the `__info` commit
/// markers (the snapshot is no longer listed), then every other object no listed snapshot
/// reads, and the marker last — unless files stay because listed snapshots read them, in which
/// case the marker stays with them until the last of those snapshots is dropped.
///
/// Pure: built from a `RepositoryInventory`, so tests check exactly which keys go and stay.
public struct SnapshotDropPlan: Sendable, Equatable {
    public var label: String
    /// `__ss_<label>/__dropping`.
    public var marker: String
    /// Whether the marker is already there (a drop to finish).
    public var markerPresent: Bool
    /// The `__info` objects, deleted first.
    public var infoKeys: [String]
    /// Everything else that goes (meta, tablet files, unfinished writes the store shows).
    public var deletions: [String]
    /// Files listed snapshots read from this folder, which stay.
    public var kept: [String]
    /// The listed snapshots that read `kept`, sorted.
    public var keptFor: [String]

    /// True when the marker is removed at the end (nothing stays).
    public var removesMarker: Bool { kept.isEmpty }

    /// The plan for the folder of `label` as `inventory` sees it: every key in it goes except
    /// those the `__info` of another listed snapshot resolves there. Nil when the folder does
    /// not exist.
    public init?(label: String, in inventory: RepositoryInventory) {
        guard let folder = inventory.folders[label] else { return nil }
        let paths = inventory.paths
        let folderPrefix = paths.snapshotDirectory(label: label) + "/"
        var needed = Set<String>()
        var readers: [String] = []
        for other in inventory.folders.values where other.isListed && other.label != label && other.labelsNeeded.contains(label) {
            readers.append(other.label)
            for info in other.infos.values {
                needed.formUnion(info.fileKeys(in: paths).filter { $0.hasPrefix(folderPrefix) })
            }
        }
        let marker = paths.dropMarker(label: label)
        let infoKeys = RepositoryInventory.infoKeys(of: folder, paths: paths)
        let infoSet = Set(infoKeys)
        self.label = label
        self.marker = marker
        self.infoKeys = infoKeys
        markerPresent = folder.dropping
        kept = folder.keys.filter { needed.contains($0) }
        deletions = folder.keys.filter { !infoSet.contains($0) && !needed.contains($0) && $0 != marker }
        keptFor = kept.isEmpty ? [] : readers.sorted()
    }

    /// The folder as it is once the plan has run: gone, or marked and holding only `kept`.
    public func applied(to folder: RepositoryInventory.Folder) -> RepositoryInventory.Folder? {
        guard !removesMarker else { return nil }
        return RepositoryInventory.Folder(label: label, keys: (kept + [marker]).sorted(), dropping: true)
    }
}
