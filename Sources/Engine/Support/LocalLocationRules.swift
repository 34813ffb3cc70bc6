import Foundation

/// Where a local repository may keep its files, and why not elsewhere.
///
/// A repository inside the data directory is destroyed by the engine itself: every open
/// empties `tmp/` and the snapshot folders, and a backend's `data/` holds files the catalog
/// owns. One in a system folder writes `__palo_repository_<name>` beside the operating
/// system's files. Paths are judged after resolving `..` and symbolic links, so a link or a
/// `../..` that leads back into those places is caught too. CREATE REPOSITORY checks the
/// location, and so does every job that opens a repository (catalogs written before this
/// rule may hold such a location).
enum LocalLocationRules {
    /// Trees the operating system owns; a repository may be neither one of them nor inside one.
    static let systemTrees = [
        "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/run", "/sbin", "/sys",
        "/usr", "/var/cache", "/var/lib", "/var/log", "/var/run", "/var/spool",
    ]
    /// Folders that hold others' folders: a repository may go inside them, not in them directly.
    static let sharedRoots = ["/", "/home", "/var"]

    /// Why a repository named `name` may not live at `path` (an absolute path), or nil.
    static func problem(path: String, repositoryName name: String, dataDirectory: String) -> String? {
        let location = resolve(path)
        let data = resolve(dataDirectory)
        let folder = location == "/" ? "/__palo_repository_\(name)" : location + "/__palo_repository_\(name)"
        if isInside(location, data) {
            return "location \(path) is inside the data directory \(data), whose upkeep would delete or corrupt the backups; choose a folder outside it"
        }
        if isInside(data, folder) {
            return "location \(path) would put the repository's folder \(folder) around the data directory \(data); choose another folder"
        }
        if location == "/" { return "location \(path) is the root of the file system; choose a folder for backups" }
        if sharedRoots.contains(location) {
            return "location \(path) is the shared folder \(location); choose a folder of its own for backups, such as \(location)/backups"
        }
        if let tree = systemTrees.first(where: { isInside(location, $0) }) {
            return "location \(path) is in the system folder \(tree); choose a folder for backups, such as /var/backups/snapdeck"
        }
        return nil
    }

    /// `path` with `.`, `..` and every symbolic link along it resolved; the part that does not
    /// exist yet is kept as written. `..` applies to the resolved folder, as the kernel does.
    static func resolve(_ path: String) -> String {
        var resolved = "/"
        for component in path.split(separator: "/") where component != "." {
            if component == ".." {
                resolved = (resolved as NSString).deletingLastPathComponent
                if resolved.isEmpty { resolved = "/" }
                continue
            }
            let next = resolved == "/" ? "/" + component : resolved + "/" + component
            if let real = realpath(next, nil) {
                resolved = String(cString: real)
                free(real)
            } else {
                resolved = next
            }
        }
        return resolved
    }

    /// True when `path` is `folder` or lies under it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }
}
