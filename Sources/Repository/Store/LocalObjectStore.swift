import CSupport
import Crypto
import Essentials
import Foundation
import Glibc

/// An `ObjectStore` over a local folder: key `a/b/c` is the file `<root>/a/b/c`.
///
/// Writes go to `<final>.part` in the same folder and are renamed over the final name, so
/// readers see the old object or the whole new one. They are not synced one by one: writeback
/// starts as each chunk lands, `flush()` (syncfs) waits for everything written so far, and
/// callers flush before a commit marker.
public struct LocalObjectStore: ObjectStore {
    /// The folder holding the objects (without a trailing `/`).
    public let root: String

    /// Transfers stream in chunks of this size (4 MiB).
    public static let chunkSize = 4 << 20

    public init(root: String) {
        var r = root
        while r.count > 1, r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    public var displayLocation: String { root }

    // MARK: - Writing

    public func put(_ data: [UInt8], key: String) throws(ObjectStoreError) {
        let final = try path(for: key)
        let (fd, part) = try FileIO.createPart(for: final)
        let e = data.withUnsafeBytes { POSIXFile.writeAll(fd, $0.baseAddress, $0.count) }
        if e != 0 {
            FileIO.abandon(fd, part)
            pruneEmptyFolders(above: final)
            throw FileIO.error("cannot write \(part)", e)
        }
        FileIO.startWriteback(fd)
        try FileIO.commit(fd, part: part, final: final)
    }

    /// Checks the source's CRC32C in a first, read-only pass (a damaged source never reaches
    /// the repository), then copies it in the kernel with `copy_file_range` (no user-space
    /// copy), falling back to read and write where the kernel cannot.
    public func putFile(
        _ path: String, key: String, expectedCRC32C: UInt32?, control: TransferControl
    ) throws(ObjectStoreError) {
        let final = try self.path(for: key)
        let src = open(path, O_RDONLY | O_CLOEXEC)
        guard src >= 0 else { throw FileIO.error("cannot open \(path)", errno) }
        defer { close(src) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        if let expected = expectedCRC32C {
            var crc: UInt32 = 0
            while true {
                try control.check()
                let n = POSIXFile.readFull(src, buffer, Self.chunkSize)
                if n < 0 { throw FileIO.error("cannot read \(path)", errno) }
                if n == 0 { break }
                crc = snapdeck_crc32c(crc, buffer, n)
                if n < Self.chunkSize { break }
            }
            guard expected == crc else {
                throw FileIO.checksumMismatch(path, expected: expected, actual: crc)
            }
            lseek(src, 0, SEEK_SET)
        }
        let (fd, part) = try FileIO.createPart(for: final)
        do throws(ObjectStoreError) {
            var inKernel = true
            while true {
                try control.check()
                if inKernel {
                    let n = snapdeck_copy_file_range(src, fd, Self.chunkSize)
                    if n > 0 {
                        FileIO.startWriteback(fd)
                        control.advance(n)
                        continue
                    }
                    if n == 0 { break }
                    guard [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(errno) else { throw FileIO.error("cannot copy \(path)", errno) }
                    inKernel = false
                }
                let n = POSIXFile.readFull(src, buffer, Self.chunkSize)
                if n < 0 { throw FileIO.error("cannot read \(path)", errno) }
                if n == 0 { break }
                let e = POSIXFile.writeAll(fd, buffer, n)
                if e != 0 { throw FileIO.error("cannot write \(part)", e) }
                FileIO.startWriteback(fd)
                control.advance(n)
                if n < Self.chunkSize { break }
            }
        } catch {
            FileIO.abandon(fd, part)
            pruneEmptyFolders(above: final)
            throw error
        }
        // Bulk data is made durable by one `flush()` before the snapshot's commit marker, not
        // by an fsync per file: per-file syncs would dominate backups of many small tablets.
        try FileIO.commit(fd, part: part, final: final)
    }

    /// `syncfs(2)` on the repository's file system: every file written so far is durable.
    public func flush() throws(ObjectStoreError) {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileIO.error("cannot open \(root)", errno) }
        defer { close(fd) }
        if snapdeck_syncfs(fd) != 0 { throw FileIO.error("cannot sync \(root)", errno) }
    }

    // MARK: - Reading

    public func get(_ key: String) throws(ObjectStoreError) -> [UInt8] {
        let fd = try openObject(key)
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { POSIXFile.readFull(fd, $0.baseAddress!, $0.count) }
            if n < 0 { throw FileIO.error("cannot read object \(key)", errno) }
            result.append(contentsOf: chunk[0..<n])
            if n < chunk.count { return result }
        }
    }

    public func getFile(_ key: String, to path: String, control: TransferControl) throws(ObjectStoreError) -> String {
        let src = try openObject(key)
        defer { close(src) }
        let (fd, part) = try FileIO.createPart(for: path)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        var md5 = Insecure.MD5()
        do throws(ObjectStoreError) {
            while true {
                try control.check()
                let n = POSIXFile.readFull(src, buffer, Self.chunkSize)
                if n < 0 { throw FileIO.error("cannot read object \(key)", errno) }
                if n == 0 { break }
                md5.update(bufferPointer: UnsafeRawBufferPointer(start: buffer, count: n))
                let e = POSIXFile.writeAll(fd, buffer, n)
                if e != 0 { throw FileIO.error("cannot write \(part)", e) }
                FileIO.startWriteback(fd)
                control.advance(n)
                if n < Self.chunkSize { break }
            }
        } catch {
            FileIO.abandon(fd, part)
            throw error
        }
        try FileIO.commit(fd, part: part, final: path)
        return Hex.lowercase(md5.finalize())
    }

    public func size(of key: String) throws(ObjectStoreError) -> Int64? {
        let p = try path(for: key)
        var st = stat()
        if stat(p, &st) != 0 {
            let e = errno
            if e == ENOENT || e == ENOTDIR { return nil }
            throw FileIO.error("cannot stat object \(key)", e)
        }
        return FileIO.isRegular(st) ? Int64(st.st_size) : nil
    }

    public func list(prefix: String) throws(ObjectStoreError) -> [ObjectInfo] {
        try files(prefix: prefix, unfinished: false).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    /// Deletes the `.part` files under `prefix`: writes a crash or a kill cut off (a finished or
    /// failed write removes its own). Callers make sure no write under `prefix` is running.
    public func discardIncompleteWrites(prefix: String) throws(ObjectStoreError) {
        for part in try files(prefix: prefix, unfinished: true) {
            let p = "\(root)/\(part.key)"
            if unlink(p) != 0, errno != ENOENT { throw FileIO.error("cannot delete \(part.key)", errno) }
            pruneEmptyFolders(above: p)
        }
    }

    /// The objects (or, with `unfinished`, the `.part` files of writes in progress or cut off)
    /// whose keys start with `prefix`.
    private func files(prefix: String, unfinished: Bool) throws(ObjectStoreError) -> [ObjectInfo] {
        if !prefix.isEmpty { try Self.validate(prefix, allowTrailingSlash: true) }
        let slash = prefix.lastIndex(of: "/")
        let folderKey = slash.map { String(prefix[..<$0]) } ?? ""
        let namePrefix = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        var found: [ObjectInfo] = []
        let folder = folderKey.isEmpty ? root : "\(root)/\(folderKey)"
        let keyBase = folderKey.isEmpty ? "" : folderKey + "/"
        try walk(folder, keyBase: keyBase, namePrefix: namePrefix, unfinished: unfinished, into: &found)
        return found
    }

    // MARK: - Deleting

    public func delete(_ keys: [String]) throws(ObjectStoreError) {
        var paths: [String] = []
        for key in keys { paths.append(try path(for: key)) }
        for (key, p) in zip(keys, paths) {
            if unlink(p) != 0 {
                let e = errno
                // Missing, or a folder rather than an object: nothing to delete.
                if e == ENOENT || e == ENOTDIR || e == EISDIR || (e == EPERM && POSIXFile.isDirectory(p)) { continue }
                throw FileIO.error("cannot delete object \(key)", e)
            }
            pruneEmptyFolders(above: p)
        }
    }

    // MARK: - Helpers

    /// Rejects keys that are empty, absolute, contain `..` or `.` segments, `//` or NUL.
    static func validate(_ key: String, allowTrailingSlash: Bool = false) throws(ObjectStoreError) {
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        let bad = key.isEmpty || key.hasPrefix("/") || key.contains("//") || key.utf8.contains(0)
            || segments.contains { $0 == ".." || $0 == "." } || (!allowTrailingSlash && key.hasSuffix("/"))
        if bad {
            throw ObjectStoreError(.io, "invalid object key: \(key.replacingOccurrences(of: "\0", with: "\\0"))")
        }
    }

    private func path(for key: String) throws(ObjectStoreError) -> String {
        try Self.validate(key)
        return root == "/" ? "/\(key)" : "\(root)/\(key)"
    }

    private func openObject(_ key: String) throws(ObjectStoreError) -> Int32 {
        let p = try path(for: key)
        let fd = open(p, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ENOENT || e == ENOTDIR { throw ObjectStoreError(.notFound, "object not found: \(key)") }
            throw FileIO.error("cannot open object \(key)", e)
        }
        var st = stat()
        if fstat(fd, &st) != 0 || !FileIO.isRegular(st) {
            close(fd)
            throw ObjectStoreError(.notFound, "object not found: \(key)")
        }
        return fd
    }

    /// Opens `<final>.part` for writing, creating parent folders. Retries when a concurrent
    /// `delete` pruned a folder between creating it and opening the file.
    private func pruneEmptyFolders(above path: String) {
        var folder = POSIXFile.parent(of: path)
        while folder.count > root.count, folder.hasPrefix(root + "/"), rmdir(folder) == 0 {
            folder = POSIXFile.parent(of: folder)
        }
    }


    private func walk(_ folder: String, keyBase: String, namePrefix: String, unfinished: Bool,
                      into found: inout [ObjectInfo]) throws(ObjectStoreError) {
        let names: [String]
        switch POSIXFile.entries(of: folder) {
        case let .success(n): names = n
        case let .failure(e):
            if e.code == ENOENT || e.code == ENOTDIR { return }  // missing, or vanished under a concurrent delete
            throw FileIO.error("cannot list \(folder)", e.code)
        }
        for name in names where name.utf8.starts(with: namePrefix.utf8) {  // bytewise, as object stores match
            let p = "\(folder)/\(name)"
            var st = stat()
            guard lstat(p, &st) == 0 else { continue }
            if FileIO.isDirectory(st) {
                try walk(p, keyBase: keyBase + name + "/", namePrefix: "", unfinished: unfinished, into: &found)
                continue
            }
            // A symbolic link counts when it points at a file; links to folders are not followed.
            if (st.st_mode & S_IFMT) == S_IFLNK, stat(p, &st) != 0 { continue }
            if FileIO.isRegular(st), name.hasSuffix(".part") == unfinished {
                found.append(ObjectInfo(key: keyBase + name, size: Int64(st.st_size)))
            }
        }
    }
}
