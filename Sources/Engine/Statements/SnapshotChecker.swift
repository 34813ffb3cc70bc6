import Catalog
import Foundation
import Jobs
import Repository
import Storage

/// ADMIN CHECK SNAPSHOT: re-reads every file of one snapshot and compares it with `__info`.
/// Each listed file must exist and hash to the MD5 in its name — for an incremental snapshot
/// wherever it lives, in its own folder or in the earlier snapshot's folder that holds it (the
/// whole chain, each problem naming the holder); files of its own folder the info does not
/// list are reported; `__meta` and the tablet headers must decode and agree with `__info` (the
/// same checks a RESTORE runs, see `SnapshotConsistency`), so CHECK says OK only for a
/// snapshot that restores.
struct SnapshotChecker {
    struct Row {
        var file: String?
        var status: String
        var detail: String
    }

    let store: ObjectStore
    let repositoryName: String
    let scratch: String

    func check(label: String, timestamp: String) -> [Row] {
        let paths = RepositoryPaths(repositoryName: repositoryName)
        let browser = SnapshotBrowser(store: store, repositoryName: repositoryName)
        let prefix = paths.snapshotDirectory(label: label) + "/"
        let info: SnapshotInfoFile
        let infoName: String
        do {
            info = try browser.info(label: label, timestamp: timestamp)
            infoName = try browser.infoFileName(label: label, timestamp: timestamp)
        } catch {
            return [Row(file: nil, status: "DAMAGED", detail: "cannot read the info file: \(error.message)")]
        }
        var objects: [String: Int64] = [:]
        let holders = (info.provenance?.labelsNeeded ?? []).sorted()
        for folder in [label] + holders {
            do {
                for o in try store.list(prefix: paths.snapshotDirectory(label: folder) + "/") { objects[o.key] = o.size }
            } catch {
                let which = folder == label ? "the snapshot" : "snapshot \(folder), which holds files of this one"
                return [Row(file: nil, status: "DAMAGED", detail: "cannot list \(which): \(error.message)")]
            }
        }
        var problems: [Row] = repositoryInfoProblems(paths)
        var metaKey: String?
        do {
            metaKey = try browser.metaFile(label: label)
            if metaKey == nil { problems.append(Row(file: prefix + "__meta", status: "MISSING", detail: "the snapshot has no __meta file")) }
        } catch {
            problems.append(Row(file: prefix + "__meta", status: "DAMAGED", detail: error.message))
        }
        let expected = (metaKey.map { [$0] } ?? []) + info.fileKeys(in: paths)
        var reader = FileReader(store: store, scratch: scratch + "/check-\(UUID().uuidString)")
        defer { DurableFile.remove(reader.scratch) }
        var meta: SnapshotMeta?
        var headers: [ObjectID: TabletHeader] = [:]
        // A file read from another snapshot's folder: its problems name that snapshot.
        let heldBy = { (key: String) -> String in
            key.hasPrefix(prefix) ? "" : holders.first { key.hasPrefix(paths.snapshotDirectory(label: $0) + "/") }.map { " (held by snapshot \($0))" } ?? ""
        }
        for key in expected {
            guard let size = objects[key] else {
                problems.append(Row(file: key, status: "MISSING", detail: "listed in \(infoName) but not in the repository\(heldBy(key))"))
                continue
            }
            guard let (name, md5) = ChecksumName.split((key as NSString).lastPathComponent) else { continue }
            let small = key == metaKey || name.hasSuffix(".hdr")
            let read = reader.read(key, size: size, keep: small)
            guard case .success(let (actual, bytes)) = read else {
                if case .failure(let error) = read { problems.append(Row(file: key, status: "UNREADABLE", detail: error.message + heldBy(key))) }
                continue
            }
            guard actual == md5 else {
                problems.append(Row(file: key, status: "CORRUPT", detail: "md5 is \(actual), its name says \(md5) (\(size) bytes)\(heldBy(key))"))
                continue
            }
            do {
                if key == metaKey {
                    meta = try SnapshotMeta.decode(bytes)
                } else if name.hasSuffix(".hdr") {
                    let header = try TabletHeader.decode(bytes)
                    headers[Int64(name.dropLast(4)) ?? header.tabletId] = header
                }
            } catch {
                problems.append(Row(file: key, status: "DAMAGED", detail: "does not decode as SnapDeck's \(key == metaKey ? "__meta" : "tablet header"): \(error)\(heldBy(key))"))
            }
        }
        if let meta, let metaKey {
            let consistency = SnapshotConsistency(info: info, meta: meta, infoName: infoName, metaName: (metaKey as NSString).lastPathComponent)
            do {
                try consistency.checkStructure()
                try consistency.checkTablets(headers)
            } catch {
                problems.append(Row(file: prefix + infoName, status: "INCONSISTENT", detail: error.message))
            }
        }
        let listed = Set(expected)
        for key in objects.keys.sorted() where key.hasPrefix(prefix) && !listed.contains(key) && !(key.dropFirst(prefix.count).hasPrefix("__info_")) {
            problems.append(Row(file: key, status: "UNLISTED", detail: "in the repository but not in \(infoName)"))
        }
        let summary = Row(
            file: nil, status: problems.isEmpty ? "OK" : "DAMAGED",
            detail: "checked \(expected.count) files\(chainNote(expected, ownPrefix: prefix, holders: holders)), \(reader.bytes) bytes: \(problems.isEmpty ? "no problems" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")")")
        return problems + [summary]
    }
}

extension SnapshotChecker {
    /// ` (n of them in snapshots a, b)` for an incremental snapshot, empty for a full one.
    func chainNote(_ keys: [String], ownPrefix: String, holders: [String]) -> String {
        let elsewhere = keys.filter { !$0.hasPrefix(ownPrefix) }.count
        guard elsewhere > 0 else { return "" }
        return " (\(elsewhere) of them in snapshot\(holders.count == 1 ? "" : "s") \(holders.joined(separator: ", ")))"
    }

    /// The repository's own `__repo_info` must be there, read, and name this repository: a
    /// cluster that creates the repository to restore from it reads that file first.
    func repositoryInfoProblems(_ paths: RepositoryPaths) -> [Row] {
        do {
            let info = try RepoInfoFile.decode(try store.get(paths.repoInfo))
            guard info.name == repositoryName else {
                return [Row(file: paths.repoInfo, status: "DAMAGED", detail: "names repository '\(info.name)', not '\(repositoryName)'")]
            }
            return []
        } catch let error as ObjectStoreError where error.kind == .notFound {
            return [Row(file: paths.repoInfo, status: "MISSING", detail: "the repository has no __repo_info")]
        } catch {
            return [Row(file: paths.repoInfo, status: "DAMAGED", detail: "\(error)")]
        }
    }
}

/// Reads repository files for the checker: small ones into memory (to decode them), large
/// ones streamed through a scratch file; returns each file's MD5 and counts bytes read.
private struct FileReader {
    let store: ObjectStore
    let scratch: String
    private(set) var bytes: Int64 = 0

    init(store: ObjectStore, scratch: String) {
        self.store = store
        self.scratch = scratch
    }

    mutating func read(_ key: String, size: Int64, keep: Bool) -> Result<(String, [UInt8]), ObjectStoreError> {
        do {
            if keep {
                let content = try store.get(key)
                bytes += Int64(content.count)
                return .success((ChecksumName.md5(of: content), content))
            }
            let md5 = try store.getFile(key, to: scratch, control: UncontrolledTransfer())
            bytes += size
            return .success((md5, []))
        } catch {
            return .failure(error)
        }
    }
}
