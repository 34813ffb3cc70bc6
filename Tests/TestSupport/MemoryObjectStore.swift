import Foundation
import Repository
import Storage

/// An object store in memory that fails on demand: each operation kind can be told to fail
/// its next `n` calls (or every call) with a given error. Thread-safe.
public final class MemoryObjectStore: ObjectStore, @unchecked Sendable {
    public enum Operation: Sendable, Hashable {
        case put, get, list, delete, flush, discard
    }

    private let lock = NSLock()
    private var objects: [String: [UInt8]] = [:]
    private var faults: [Operation: (remaining: Int?, error: ObjectStoreError)] = [:]
    private var calls: [Operation: Int] = [:]

    public init() {}

    public var displayLocation: String { "memory" }

    /// Fails the next `times` calls of `operation` (every call when nil) with `error`.
    public func fail(_ operation: Operation, times: Int? = nil, with error: ObjectStoreError) {
        lock.withLock { faults[operation] = (times, error) }
    }

    public func stopFailing(_ operation: Operation) {
        _ = lock.withLock { faults.removeValue(forKey: operation) }
    }

    /// How many times `operation` was called (failed calls included).
    public func callCount(_ operation: Operation) -> Int { lock.withLock { calls[operation] ?? 0 } }

    /// Every key, sorted.
    public var keys: [String] { lock.withLock { objects.keys.sorted() } }

    private func enter(_ operation: Operation) throws(ObjectStoreError) {
        let fault: ObjectStoreError? = lock.withLock {
            calls[operation, default: 0] += 1
            guard let (remaining, error) = faults[operation] else { return nil }
            if let remaining {
                faults[operation] = remaining > 1 ? (remaining - 1, error) : nil
            }
            return error
        }
        if let fault { throw fault }
    }

    public func put(_ data: [UInt8], key: String) throws(ObjectStoreError) {
        try enter(.put)
        lock.withLock { objects[key] = data }
    }

    public func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, control: TransferControl) throws(ObjectStoreError) {
        try enter(.put)
        try control.check()
        guard let data = FileManager.default.contents(atPath: path) else { throw ObjectStoreError(.notFound, "no such file: \(path)") }
        let bytes = [UInt8](data)
        if let expectedCRC32C, Checksums.crc32c(bytes) != expectedCRC32C {
            throw ObjectStoreError(.checksumMismatch, "checksum mismatch while writing \(key)")
        }
        control.advance(bytes.count)
        lock.withLock { objects[key] = bytes }
    }

    public func get(_ key: String) throws(ObjectStoreError) -> [UInt8] {
        try enter(.get)
        guard let bytes = lock.withLock({ objects[key] }) else { throw ObjectStoreError(.notFound, "\(key) does not exist") }
        return bytes
    }

    public func getFile(_ key: String, to path: String, control: TransferControl) throws(ObjectStoreError) -> String {
        let bytes = try get(key)
        try control.check()
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw ObjectStoreError(.io, "cannot write \(path)")
        }
        control.advance(bytes.count)
        return Checksums.md5Hex(bytes)
    }

    public func size(of key: String) throws(ObjectStoreError) -> Int64? {
        lock.withLock { objects[key].map { Int64($0.count) } }
    }

    public func list(prefix: String) throws(ObjectStoreError) -> [ObjectInfo] {
        try enter(.list)
        return lock.withLock {
            objects.filter { $0.key.hasPrefix(prefix) }.sorted { $0.key < $1.key }.map { ObjectInfo(key: $0.key, size: Int64($0.value.count)) }
        }
    }

    public func delete(_ keys: [String]) throws(ObjectStoreError) {
        try enter(.delete)
        lock.withLock { for key in keys { objects[key] = nil } }
    }

    public func flush() throws(ObjectStoreError) {
        try enter(.flush)
    }

    public func discardIncompleteWrites(prefix: String) throws(ObjectStoreError) {
        try enter(.discard)
    }
}
