import Foundation
import TestSupport

/// What "nothing lost, nothing left behind" means for a data directory and its repository,
/// checked from the outside (the files and `sqlite3` on the catalog) once no process owns
/// them: every problem found, in words; none means the recovery was clean.
struct RecoveryAudit {
    let dataDirectory: String
    let repository: String

    func problems() -> [String] {
        var found: [String] = []
        found += unfinishedWrites()
        found += leftoverFolders()
        found += segmentFiles()
        for (what, query) in [
            ("hidden tables", "SELECT COUNT(*) FROM tables WHERE hiddenByJob IS NOT NULL"),
            ("hidden partitions", "SELECT COUNT(*) FROM partitions WHERE hiddenByJob IS NOT NULL"),
            ("files waiting in the garbage list", "SELECT COUNT(*) FROM file_garbage"),
            ("jobs not FINISHED or CANCELLED", "SELECT COUNT(*) FROM jobs WHERE state NOT IN ('FINISHED', 'CANCELLED')"),
            ("cancelled jobs still owing a clean-up", "SELECT COUNT(*) FROM jobs WHERE CAST(body AS TEXT) LIKE '%Owed\":true%'"),
        ] {
            let count = catalog(query).first ?? "?"
            if count != "0" { found.append("\(count) \(what)") }
        }
        return found
    }

    /// `.part` files: writes a kill cut off, which someone must remove.
    private func unfinishedWrites() -> [String] {
        files(under: repository).filter { $0.hasSuffix(".part") }.map { "unfinished write in the repository: \($0)" }
    }

    /// Snapshot and staging folders on the backends, and anything in `tmp/`.
    private func leftoverFolders() -> [String] {
        var found: [String] = []
        for backend in entries(dataDirectory + "/backends") {
            found += entries(dataDirectory + "/backends/\(backend)/snapshot").map { "snapshot folder left: backends/\(backend)/snapshot/\($0)" }
        }
        found += entries(dataDirectory + "/tmp").map { "left in tmp/: \($0)" }
        return found
    }

    /// Segment files on the backends against the catalog: every replica of every rowset is
    /// there, and nothing else is.
    private func segmentFiles() -> [String] {
        let expected = Set(catalog("SELECT rp.backendId || '/data/' || rs.tabletId || '/' || rs.id || '_0.dat' FROM rowsets rs JOIN replicas rp ON rp.tabletId = rs.tabletId"))
        var actual: Set<String> = []
        for backend in entries(dataDirectory + "/backends") {
            for file in files(under: dataDirectory + "/backends/\(backend)/data") { actual.insert("\(backend)/data/\(file)") }
        }
        return actual.subtracting(expected).sorted().map { "orphan segment file: backends/\($0)" }
            + expected.subtracting(actual).sorted().map { "missing segment file: backends/\($0)" }
    }

    private func catalog(_ query: String) -> [String] {
        guard let output = try? ChildProcess.run("/usr/bin/sqlite3", ["file:\(dataDirectory)/meta.sqlite?mode=ro", query]), output.status == 0 else {
            return ["(sqlite3 failed)"]
        }
        return output.stdout.split(separator: "\n").map(String.init)
    }

    private func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Regular files under `folder`, relative to it.
    private func files(under folder: String) -> [String] {
        (FileManager.default.subpaths(atPath: folder) ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }
}
