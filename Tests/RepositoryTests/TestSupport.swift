import Foundation
import Repository

/// A fresh folder under the system temp dir, removed by `remove()`.
struct TempDir {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("repotest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    /// Every file below the folder, relative paths, sorted (including `.part` files).
    func allFiles() -> [String] {
        let e = FileManager.default.enumerator(atPath: path)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(path)/\(p)", isDirectory: &isDir), !isDir.boolValue { out.append(p) }
        }
        return out.sorted()
    }
}

enum Fixtures {
    /// `Tests/RepositoryTests/Fixtures/doris-repo`, read straight from the source tree.
    static var dorisRepo: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/doris-repo").path
    }

    static let repoName = "doris_repo"
    static let snap1Info = "__palo_repository_doris_repo/__ss_snap1/__info_2022-04-08-15-52-29.32220ff5e631d3051be26722469398eb"

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: "\(dorisRepo)/\(relative)")))
    }

    /// A copy of the fixture tree in a temp folder, for tests that alter it.
    static func copy() throws -> TempDir {
        let dir = try TempDir()
        try FileManager.default.removeItem(atPath: dir.path)
        try FileManager.default.copyItem(atPath: dorisRepo, toPath: dir.path)
        return dir
    }
}

/// An in-memory `ObjectStore` that, like S3 or a broker, shows every object it holds —
/// including `.part` names, which `LocalObjectStore` hides.
final class MemoryStore: ObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [String: [UInt8]] = [:]
    var failListing: ObjectStoreError?

    init(objects: [String: [UInt8]] = [:]) { self.objects = objects }

    /// Every file of a folder tree, keyed by relative path.
    convenience init(loading folder: String) throws {
        var objects: [String: [UInt8]] = [:]
        let e = FileManager.default.enumerator(atPath: folder)
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(p)", isDirectory: &isDir), !isDir.boolValue {
                objects[p] = Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(p)")))
            }
        }
        self.init(objects: objects)
    }

    var displayLocation: String { "memory:" }

    func put(_ data: [UInt8], key: String) throws(ObjectStoreError) {
        lock.withLock { objects[key] = data }
    }

    func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, control: TransferControl) throws(ObjectStoreError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw ObjectStoreError(.io, "cannot read \(path)") }
        try put(Array(data), key: key)
    }

    func get(_ key: String) throws(ObjectStoreError) -> [UInt8] {
        guard let data = lock.withLock({ objects[key] }) else { throw ObjectStoreError(.notFound, "object not found: \(key)") }
        return data
    }

    func getFile(_ key: String, to path: String, control: TransferControl) throws(ObjectStoreError) -> String {
        throw ObjectStoreError(.io, "not supported")
    }

    func size(of key: String) throws(ObjectStoreError) -> Int64? {
        lock.withLock { objects[key].map { Int64($0.count) } }
    }

    func list(prefix: String) throws(ObjectStoreError) -> [ObjectInfo] {
        if let failListing { throw failListing }
        return lock.withLock {
            objects.filter { $0.key.hasPrefix(prefix) }.map { ObjectInfo(key: $0.key, size: Int64($0.value.count)) }
                .sorted { $0.key < $1.key }
        }
    }

    func delete(_ keys: [String]) throws(ObjectStoreError) {
        lock.withLock { for key in keys { objects[key] = nil } }
    }
}

/// Counts `check()` and `advance` calls; throws `.cancelled` on the check after `cancelAfter`
/// successful ones.
final class CountingControl: TransferControl, @unchecked Sendable {
    private let lock = NSLock()
    private var checksDone = 0
    private var advanced: [Int] = []
    let cancelAfter: Int?

    init(cancelAfter: Int? = nil) { self.cancelAfter = cancelAfter }

    var checks: Int { lock.withLock { checksDone } }
    var advances: [Int] { lock.withLock { advanced } }

    func check() throws(ObjectStoreError) {
        let n = lock.withLock { () -> Int in
            checksDone += 1
            return checksDone
        }
        if let cancelAfter, n > cancelAfter { throw ObjectStoreError(.cancelled, "cancelled by test") }
    }

    func advance(_ bytes: Int) {
        lock.withLock { advanced.append(bytes) }
    }
}

/// Deterministic pseudo-random bytes.
func patternBytes(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
    var x = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    return (0..<count).map { _ in
        x ^= x << 13
        x ^= x >> 7
        x ^= x << 17
        return UInt8(truncatingIfNeeded: x)
    }
}
