import Foundation
import Repository

/// A store that "dies" after a number of changes: each put and each deleted key is one change,
/// and once `changesLeft` reaches zero every further change throws and does nothing — what a
/// kill -9 leaves in a repository, in process. Reads keep working (the next process reads).
public final class CrashingStore: ObjectStore, @unchecked Sendable {
    public let inner: ObjectStore
    private let lock = NSLock()
    private var left: Int?

    /// `changesLeft` nil: never dies.
    public init(inner: ObjectStore, changesLeft: Int? = nil) {
        self.inner = inner
        left = changesLeft
    }

    private var dead = false
    /// Whether a change was refused.
    public var died: Bool { lock.withLock { dead } }

    private func change() throws(ObjectStoreError) {
        let allowed: Bool = lock.withLock {
            guard let n = left else { return true }
            guard n > 0 else { dead = true; return false }
            left = n - 1
            return true
        }
        if !allowed { throw ObjectStoreError(.io, "the process died (test)") }
    }

    public var displayLocation: String { inner.displayLocation }
    public func put(_ data: [UInt8], key: String) throws(ObjectStoreError) {
        try change()
        try inner.put(data, key: key)
    }
    public func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, control: TransferControl) throws(ObjectStoreError) {
        try change()
        try inner.putFile(path, key: key, expectedCRC32C: expectedCRC32C, control: control)
    }
    public func get(_ key: String) throws(ObjectStoreError) -> [UInt8] { try inner.get(key) }
    public func getFile(_ key: String, to path: String, control: TransferControl) throws(ObjectStoreError) -> String {
        try inner.getFile(key, to: path, control: control)
    }
    public func size(of key: String) throws(ObjectStoreError) -> Int64? { try inner.size(of: key) }
    public func list(prefix: String) throws(ObjectStoreError) -> [ObjectInfo] { try inner.list(prefix: prefix) }
    public func delete(_ keys: [String]) throws(ObjectStoreError) {
        for key in keys {
            try change()
            try inner.delete([key])
        }
    }
    public func flush() throws(ObjectStoreError) { try inner.flush() }
    public func discardIncompleteWrites(prefix: String) throws(ObjectStoreError) {
        try change()
        try inner.discardIncompleteWrites(prefix: prefix)
    }
}
