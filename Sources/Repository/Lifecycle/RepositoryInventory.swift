/// Every snapshot folder of one repository as a drop or the retention sweep must see it: its
/// objects, whether a drop marked it, and the `__info` of each timestamp — from which follows
/// which folders each listed snapshot reads files from. Read once per drop; a value, so
/// planners stay pure and tests build one by hand.
public struct RepositoryInventory: Sendable, Equatable {
    /// One `__ss_<label>/` folder.
    public struct Folder: Sendable, Equatable {
        public var label: String
        /// Every object key in the folder, sorted.
        public var keys: [String]
        /// Whether the folder holds the drop marker (`RepositoryPaths.dropMarker`).
        public var dropping: Bool
        /// The decoded `__info` of each timestamp that could be read (unmarked folders only).
        public var infos: [String: SnapshotInfoFile]
        /// Why the `__info` of a timestamp could not be read, by timestamp.
        public var unreadable: [String: String]

        public init(label: String, keys: [String], dropping: Bool = false, infos: [String: SnapshotInfoFile] = [:],
                    unreadable: [String: String] = [:]) {
            self.label = label
            self.keys = keys
            self.dropping = dropping
            self.infos = infos
            self.unreadable = unreadable
        }

        /// A snapshot SHOW SNAPSHOT lists as usable: committed (an `__info`) and not being dropped.
        public var isListed: Bool { !dropping && !(infos.isEmpty && unreadable.isEmpty) }

        /// Labels of the other folders this snapshot reads files from.
        public var labelsNeeded: Set<String> {
            Set(infos.values.flatMap { $0.provenance?.labelsNeeded ?? [] }).subtracting([label])
        }
    }

    public let paths: RepositoryPaths
    /// The folders by label.
    public var folders: [String: Folder]

    public init(paths: RepositoryPaths, folders: [Folder]) {
        self.paths = paths
        self.folders = Dictionary(folders.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Lists the repository's snapshot folders and reads the `__info` files of those not marked
    /// for dropping (through `verifiedInfos` when given: see `VerifiedInfoCache`). An `__info` that cannot be read is recorded, not thrown: the caller decides
    /// (a drop refuses, since that snapshot's needs are unknown). Listing failures throw.
    public static func read(
        store: ObjectStore, repositoryName: String, verifiedInfos: VerifiedInfoCache? = nil
    ) throws(ObjectStoreError) -> RepositoryInventory {
        let paths = RepositoryPaths(repositoryName: repositoryName)
        let prefix = paths.snapshotPrefix
        var keysByLabel: [String: [String]] = [:]
        for object in try store.list(prefix: prefix) {
            let rest = object.key.utf8.dropFirst(prefix.utf8.count)
            guard let slash = rest.firstIndex(of: UInt8(ascii: "/")), slash != rest.startIndex else { continue }
            keysByLabel[String(decoding: rest[..<slash], as: UTF8.self), default: []].append(object.key)
        }
        let browser = SnapshotBrowser(store: store, repositoryName: repositoryName)
        var folders: [Folder] = []
        for (label, keys) in keysByLabel {
            var folder = Folder(label: label, keys: keys.sorted())
            folder.dropping = keys.contains(paths.dropMarker(label: label))
            if !folder.dropping {
                for (timestamp, key, md5) in infoFiles(of: folder, paths: paths) {
                    if let known = verifiedInfos?.info(forKey: key) {
                        folder.infos[timestamp] = known
                        continue
                    }
                    do {
                        let info = try browser.info(key: key, md5: md5)
                        verifiedInfos?.remember(info, forKey: key)
                        folder.infos[timestamp] = info
                    } catch {
                        folder.unreadable[timestamp] = error.message
                    }
                }
            }
            folders.append(folder)
        }
        return RepositoryInventory(paths: paths, folders: folders)
    }

    /// The committed `__info` files of a folder: (timestamp, key, md5). Names without a valid
    /// checksum are unfinished writes, not commits.
    static func infoFiles(of folder: Folder, paths: RepositoryPaths) -> [(timestamp: String, key: String, md5: String)] {
        infoKeys(of: folder, paths: paths).compactMap { key in
            let name = String(key.dropFirst(paths.snapshotDirectory(label: folder.label).count + 1))
            guard let split = ChecksumName.split(name) else { return nil }
            return (String(split.name.dropFirst(RepositoryPaths.infoPrefix.count)), key, split.md5)
        }
    }

    /// Keys of every `__info_…` object directly in the folder, committed or not.
    static func infoKeys(of folder: Folder, paths: RepositoryPaths) -> [String] {
        let infoPrefix = paths.snapshotDirectory(label: folder.label) + "/" + RepositoryPaths.infoPrefix
        return folder.keys.filter { $0.hasPrefix(infoPrefix) && !$0.dropFirst(infoPrefix.count).contains("/") }
    }

    /// Labels of listed snapshots, sorted.
    public var listedLabels: [String] { folders.values.filter(\.isListed).map(\.label).sorted() }

    /// Labels of folders a drop marked (drops to finish, files kept for others), sorted.
    public var droppingLabels: [String] { folders.values.filter(\.dropping).map(\.label).sorted() }

    /// Listed snapshots other than `label` that read files from `label`'s folder, sorted.
    public func dependents(of label: String) -> [String] {
        folders.values.filter { $0.isListed && $0.label != label && $0.labelsNeeded.contains(label) }.map(\.label).sorted()
    }

    /// Listed snapshots whose `__info` could not be read: what they need is unknown.
    public var unreadable: [(label: String, reason: String)] {
        folders.values.filter { $0.isListed && !$0.unreadable.isEmpty }.sorted { $0.label < $1.label }.map { folder in
            let timestamp = folder.unreadable.keys.sorted()[0]
            return (folder.label, folder.unreadable[timestamp]!)
        }
    }
}
