import Foundation

/// One object in a store: its key (a `/`-separated path relative to the store's root) and size.
public struct ObjectInfo: Sendable, Equatable {
    public var key: String
    public var size: Int64
    public init(key: String, size: Int64) {
        self.key = key
        self.size = size
    }
}

/// Why a store operation failed. `message` is for operators: it names the key and the reason,
/// and never contains credentials.
public struct ObjectStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case notFound
        /// Permission refused, or a read-only file system.
        case accessDenied
        /// The file system (or quota) is full.
        case noSpace
        case checksumMismatch
        case cancelled
        case io
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }

    /// Errors that retrying does not cure until someone acts (a read-only or full repository,
    /// refused permission). Jobs give up on them after a few tries instead of waiting for
    /// their timeout.
    public var needsOperator: Bool { kind == .accessDenied || kind == .noSpace }
}

/// Cooperative cancellation and progress for long transfers: `check()` is called between
/// chunks and throws to stop; `advance(bytes)` reports progress (and may sleep to honour a
/// rate limit).
public protocol TransferControl: Sendable {
    func check() throws(ObjectStoreError)
    func advance(_ bytes: Int)
}

/// A control that never cancels and ignores progress.
public struct UncontrolledTransfer: TransferControl {
    public init() {}
    public func check() throws(ObjectStoreError) {}
    public func advance(_ bytes: Int) {}
}

/// Where repositories keep their files: a local folder now, S3 later. Keys never start with
/// `/` and never contain `..` segments; implementations reject such keys.
///
/// All calls are synchronous and thread-safe; they run on the job engine's worker queues.
public protocol ObjectStore: Sendable {
    /// A human-readable location (`/backups` or `s3://bucket/prefix`), without secrets.
    var displayLocation: String { get }

    /// Writes `data` to `key` atomically (readers see the old object or the whole new one).
    /// Durable only after `flush()`.
    func put(_ data: [UInt8], key: String) throws(ObjectStoreError)

    /// Copies the local file at `path` to `key` atomically, streaming in chunks. When
    /// `expectedCRC32C` is given, the CRC32C of the bytes read is checked as they stream and a
    /// mismatch fails with `.checksumMismatch` before the object becomes visible.
    func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, control: TransferControl) throws(ObjectStoreError)

    /// The same, for a file whose MD5 (lower-case hex) the caller already knows: a store that
    /// must declare it (S3's Content-MD5) need not hash the file again.
    func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, knownMD5: String?,
                 control: TransferControl) throws(ObjectStoreError)

    /// Reads a whole (small) object.
    func get(_ key: String) throws(ObjectStoreError) -> [UInt8]

    /// Streams `key` into the local file at `path` (created or replaced atomically), returning
    /// the MD5 (lower-case hex) of the bytes written.
    func getFile(_ key: String, to path: String, control: TransferControl) throws(ObjectStoreError) -> String

    /// Size of `key`, or nil when it does not exist.
    func size(of key: String) throws(ObjectStoreError) -> Int64?

    /// Every object whose key starts with `prefix`, recursively, in key order.
    func list(prefix: String) throws(ObjectStoreError) -> [ObjectInfo]

    /// Deletes the keys; missing keys are not an error.
    func delete(_ keys: [String]) throws(ObjectStoreError)

    /// Makes every object written so far durable. Writes themselves need not be (a backup
    /// copies thousands of files and calls this once, before its commit marker).
    func flush() throws(ObjectStoreError)

    /// Removes what interrupted writes under `prefix` left behind (S3: multipart uploads never
    /// completed, whose parts would otherwise be stored and billed forever).
    func discardIncompleteWrites(prefix: String) throws(ObjectStoreError)
}

extension ObjectStore {
    public func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, knownMD5: String?,
                        control: TransferControl) throws(ObjectStoreError) {
        try putFile(path, key: key, expectedCRC32C: expectedCRC32C, control: control)
    }

    /// Stores whose writes are durable when they return need nothing more.
    public func flush() throws(ObjectStoreError) {}

    /// Stores whose interrupted writes leave nothing behind need nothing more.
    public func discardIncompleteWrites(prefix: String) throws(ObjectStoreError) {}
}
