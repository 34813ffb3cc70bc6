import Foundation

/// Read-only view of the snapshots in one repository, over any `ObjectStore`: the data behind
/// SHOW SNAPSHOT (reference §2.9, §3.4) and the info-file lookup RESTORE starts from (§9.2,
/// §9.3). Everything is read from the store on every call; nothing is cached.
public struct SnapshotBrowser: Sendable {
    public let store: ObjectStore
    public let paths: RepositoryPaths

    public init(store: ObjectStore, repositoryName: String) {
        self.store = store
        self.paths = RepositoryPaths(repositoryName: repositoryName)
    }

    /// Every label that has a `__ss_<label>/` folder holding at least one object — complete,
    /// partial or cancelled alike (§9.6) — sorted and unique; except folders a drop marked
    /// whose `__info` files are gone (dropped snapshots, or the files others still read after a
    /// FORCE drop), which are no snapshot any more.
    public func labels() throws(ObjectStoreError) -> [String] {
        let prefix = paths.snapshotPrefix
        var found = Set<String>()
        var marked = Set<String>()
        var withInfo = Set<String>()
        for object in try store.list(prefix: prefix) {
            let rest = Self.remainder(of: object.key, after: prefix)
            guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex else { continue }
            let label = String(rest[..<slash])
            found.insert(label)
            let name = rest[rest.index(after: slash)...]
            if name == RepositoryPaths.dropMarkerName { marked.insert(label) }
            if name.hasPrefix(RepositoryPaths.infoPrefix) { withInfo.insert(label) }
        }
        return found.subtracting(marked.subtracting(withInfo)).sorted()
    }

    /// Whether a drop marked the label's folder (a drop runs, was cut off, or kept files for
    /// others): such a snapshot is not restored, checked, or used as a base.
    public func isDropping(label: String) throws(ObjectStoreError) -> Bool {
        try store.size(of: paths.dropMarker(label: label)) != nil
    }

    /// One SHOW SNAPSHOT summary row.
    public struct Summary: Sendable, Equatable {
        /// The label.
        public var label: String
        /// The timestamps (`yyyy-MM-dd-HH-mm-ss`) of the label's `__info_` files, sorted. An info
        /// file whose name has no valid checksum suffix (a leftover `__info_<ts>.part` on a store
        /// that shows those) is listed as `Invalid: <file name>` — Doris's quirk.
        public var timestamps: [String]
        /// `OK` when there is at least one entry in `timestamps`, `ERROR: No info file found`
        /// when there is none (unfinished or cancelled backup), `ERROR: Failed to get info: <msg>`
        /// when the store could not be listed, `DROPPING` (SnapDeck) while a drop that removes
        /// the `__info` files has begun and not got that far.
        public var status: String
        /// SnapDeck's provenance of each timestamp whose `__info` has one (type, base, bytes,
        /// owner, TTL), by timestamp; empty for snapshots Doris wrote.
        public var provenances: [String: SnapshotProvenance]

        public init(label: String, timestamps: [String], status: String, provenances: [String: SnapshotProvenance] = [:]) {
            self.label = label
            self.timestamps = timestamps
            self.status = status
            self.provenances = provenances
        }
    }

    /// The summary row of one label; a label that does not exist gets the "No info file" row.
    /// With `readingProvenance` each timestamp's `__info` is downloaded for `provenances` (what
    /// SHOW SNAPSHOT shows); without, the row costs listings only.
    public func summary(label: String, readingProvenance: Bool = false) -> Summary {
        let files: [String]
        let dropping: Bool
        do {
            files = try infoFileNames(label: label, timestampPrefix: "")
            if files.isEmpty { dropping = false } else { dropping = try isDropping(label: label) }
        } catch {
            return Summary(label: label, timestamps: [], status: "ERROR: Failed to get info: \(error.message)")
        }
        let timestamps = files.map { file -> String in
            guard let split = ChecksumName.split(file) else { return "Invalid: \(file)" }
            return String(split.name.dropFirst(RepositoryPaths.infoPrefix.count))
        }.sorted()
        var provenances: [String: SnapshotProvenance] = [:]
        for timestamp in timestamps where readingProvenance && !timestamp.hasPrefix("Invalid") {
            // An `__info` that cannot be read here keeps its row; RESTORE and ADMIN CHECK
            // SNAPSHOT report why it cannot be used.
            if let provenance = try? info(label: label, timestamp: timestamp).provenance { provenances[timestamp] = provenance }
        }
        let status = timestamps.isEmpty ? "ERROR: No info file found" : dropping ? "DROPPING" : "OK"
        return Summary(label: label, timestamps: timestamps, status: status, provenances: provenances)
    }

    /// One summary row per label, in label order (see `summary(label:readingProvenance:)`).
    public func summaries(readingProvenance: Bool = false) throws(ObjectStoreError) -> [Summary] {
        try labels().map { summary(label: $0, readingProvenance: readingProvenance) }
    }

    /// Downloads, verifies and decodes the job-info file of (`label`, `timestamp`) — the detail
    /// form of SHOW SNAPSHOT and the first step of RESTORE. Follows Doris's lookup rule: the
    /// objects of the snapshot folder named `__info_<timestamp>*` must be exactly one, its name
    /// must carry a checksum and its logical name must be `__info_<timestamp>`; the MD5 of the
    /// bytes must equal that checksum.
    ///
    /// Errors: `.notFound` (`Expected one file with path: <p>. get: 0`, `File does not exist:
    /// <p>`), `.io` (several matches, a name without checksum, or a file that does not decode —
    /// the message then starts `Failed to read info from file <key>:`), `.checksumMismatch`
    /// (`md5sum does not equal. local: <computed>, remote: <from name>, file: <key>`), `.notFound`
    /// for a snapshot being dropped, or whatever the store reports for the download.
    public func info(label: String, timestamp: String) throws(ObjectStoreError) -> SnapshotInfoFile {
        let key = try infoKey(label: label, timestamp: timestamp)
        if try isDropping(label: label) {
            throw ObjectStoreError(.notFound, "Snapshot \(label) is being dropped; run DROP SNAPSHOT again to finish")
        }
        return try info(key: key.key, md5: key.md5)
    }

    /// Downloads, verifies (against `md5`, the checksum its name carries) and decodes the
    /// job-info file at `key`, already found by a listing.
    public func info(key: String, md5: String) throws(ObjectStoreError) -> SnapshotInfoFile {
        let bytes = try store.get(key)
        let local = FileIO.md5(bytes)
        guard local == md5 else {
            throw ObjectStoreError(.checksumMismatch, "md5sum does not equal. local: \(local), remote: \(md5), file: \(key)")
        }
        do {
            return try SnapshotInfoFile.decode(bytes)
        } catch {
            throw ObjectStoreError(.io, "Failed to read info from file \(key): \(error)")
        }
    }

    /// The file name (`__info_<timestamp>.<md5>`) that `info(label:timestamp:)` reads.
    public func infoFileName(label: String, timestamp: String) throws(ObjectStoreError) -> String {
        (try infoKey(label: label, timestamp: timestamp).key as NSString).lastPathComponent
    }

    private func infoKey(label: String, timestamp: String) throws(ObjectStoreError) -> (key: String, md5: String) {
        let folder = paths.snapshotDirectory(label: label)
        let wanted = RepositoryPaths.infoPrefix + timestamp
        return try singleFile(folder: folder, logicalName: wanted, matches: infoFileNames(label: label, timestampPrefix: timestamp))
    }

    /// Key of the snapshot's `__meta.<md5>` object, nil when there is none. Several candidates
    /// (`__meta.<a>` and `__meta.<b>`) are an `.io` error, as Doris's lookup would fail on them.
    public func metaFile(label: String) throws(ObjectStoreError) -> String? {
        let metas = try metaFiles(label: label)
        guard metas.count <= 1 else {
            throw ObjectStoreError(.io, "Expected one file with path: \(paths.snapshotDirectory(label: label))/\(RepositoryPaths.metaPrefix). get: \(metas.count)")
        }
        return metas.first
    }

    /// Keys of every `__meta.<md5>` object of the label: one for a sound snapshot, none before
    /// its upload, several when two jobs raced for the label.
    public func metaFiles(label: String) throws(ObjectStoreError) -> [String] {
        let folder = paths.snapshotDirectory(label: label)
        let names = try directChildren(prefix: "\(folder)/\(RepositoryPaths.metaPrefix)")
        return names.filter { ChecksumName.split($0)?.name == RepositoryPaths.metaPrefix }.map { "\(folder)/\($0)" }
    }

    // MARK: - Helpers

    /// Names of the objects directly in the label's folder whose name starts with
    /// `__info_<timestampPrefix>`.
    private func infoFileNames(label: String, timestampPrefix: String) throws(ObjectStoreError) -> [String] {
        let folder = paths.snapshotDirectory(label: label)
        return try directChildren(prefix: "\(folder)/\(RepositoryPaths.infoPrefix)\(timestampPrefix)")
    }

    /// File names (after the last `/`) of the listed keys that have no further `/`: the glob
    /// `<prefix>*` of a flat folder.
    private func directChildren(prefix: String) throws(ObjectStoreError) -> [String] {
        let folderEnd = prefix.lastIndex(of: "/").map { prefix.index(after: $0) } ?? prefix.startIndex
        let folder = String(prefix[..<folderEnd])
        return try store.list(prefix: prefix).compactMap { object in
            let name = Self.remainder(of: object.key, after: folder)
            return name.contains("/") ? nil : name
        }
    }

    /// `key` without its first `prefix.utf8.count` bytes (the store matched the prefix bytewise,
    /// so this never splits a character the way dropping `Character`s could).
    private static func remainder(of key: String, after prefix: String) -> String {
        String(decoding: key.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
    }

    /// Doris's `Repository.download` lookup rule applied to `matches` (names in `folder`).
    private func singleFile(
        folder: String, logicalName: String, matches: [String]
    ) throws(ObjectStoreError) -> (key: String, md5: String) {
        let path = "\(folder)/\(logicalName)"
        guard matches.count == 1 else {
            throw ObjectStoreError(matches.isEmpty ? .notFound : .io, "Expected one file with path: \(path). get: \(matches.count)")
        }
        guard let split = ChecksumName.split(matches[0]) else {
            throw ObjectStoreError(.io, "file name should contain checksum: \(folder)/\(matches[0])")
        }
        guard split.name == logicalName else { throw ObjectStoreError(.notFound, "File does not exist: \(path)") }
        return ("\(folder)/\(matches[0])", split.md5)
    }
}
