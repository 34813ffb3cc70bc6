import CSupport
import Crypto
import Essentials
import Foundation
import NIOCore
import NIOHTTP1

/// An `ObjectStore` in an S3 bucket under a key prefix: key `a/b` is the object `<prefix>/a/b`.
///
/// Small files go up in one PUT with Content-MD5; larger ones as multipart uploads with parts
/// in parallel (see `S3ObjectStore+Transfers.swift`). Downloads stream to disk and resume with
/// a ranged GET when a connection drops. S3 writes are atomic and durable when they return.
public struct S3ObjectStore: ObjectStore {
    let client: S3Client
    public var location: S3Location { client.location }

    public init(location: S3Location, settings: S3Settings = S3Settings()) {
        client = S3Client(location: location, settings: settings)
    }

    public var displayLocation: String { location.displayLocation }

    func describe(_ method: String, _ key: String? = nil) -> String {
        "\(method) \(key.map { "s3://\(location.bucket)/\($0)" } ?? "s3://\(location.bucket)")"
    }

    // MARK: - Checking the connection

    /// Lists at most one key of the repository's prefix: proves the endpoint answers, the
    /// bucket exists and the credentials are accepted. An operator waits on it (CREATE
    /// REPOSITORY), so it tries twice, not `attempts` times: a wrong endpoint fails in well
    /// under a second with its reason.
    public func checkAccess() throws(ObjectStoreError) {
        let prefix = location.keyPrefix
        _ = try client.send(.init(method: .GET, key: nil, query: [("list-type", "2"), ("max-keys", "1"), ("prefix", prefix)]),
                            what: describe("LIST", location.prefix.isEmpty ? nil : location.prefix), attempts: min(2, client.settings.attempts))
    }

    // MARK: - Writing

    public func put(_ data: [UInt8], key: String) throws(ObjectStoreError) {
        try LocalObjectStore.validate(key)
        try putObject(ByteBuffer(bytes: data), objectKey: location.objectKey(key), control: nil)
    }

    /// `contentMD5` (base64) when the caller knows it; otherwise the body is hashed here.
    func putObject(_ body: ByteBuffer, objectKey: String, contentMD5: String? = nil, control: TransferControl?) throws(ObjectStoreError) {
        let md5 = contentMD5 ?? body.withUnsafeReadableBytes { S3Client.base64MD5($0) }
        _ = try client.send(.init(method: .PUT, key: objectKey, headers: [("Content-MD5", md5)], body: .init(body)),
                            what: describe("PUT", objectKey), control: control)
    }

    public func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, control: TransferControl) throws(ObjectStoreError) {
        try putFile(path, key: key, expectedCRC32C: expectedCRC32C, knownMD5: nil, control: control)
    }

    /// Files up to the multipart threshold go up in one PUT. Small ones are read into memory;
    /// larger ones are checked in a first, read-only pass (CRC32C, and MD5 unless the caller
    /// knows it: backups take it from the catalog) and then streamed from the page cache, so
    /// a damaged source never reaches the bucket and no file is held in memory.
    public func putFile(_ path: String, key: String, expectedCRC32C: UInt32?, knownMD5: String?,
                        control: TransferControl) throws(ObjectStoreError) {
        try LocalObjectStore.validate(key)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileIO.error("cannot open \(path)", errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileIO.error("cannot stat \(path)", errno) }
        let size = Int(st.st_size)
        let objectKey = location.objectKey(key)
        if size > client.settings.multipartThreshold {
            try uploadMultipart(fd: fd, size: size, path: path, objectKey: objectKey, expectedCRC32C: expectedCRC32C, control: control)
            return
        }
        try control.check()
        var knownContentMD5: String?
        if let knownMD5 {
            guard let base64 = Self.base64(hexMD5: knownMD5) else { throw ObjectStoreError(.io, "invalid MD5 '\(knownMD5)' for \(path)") }
            knownContentMD5 = base64
        }
        if size <= FileStreamer.chunkSize {
            let body = try Self.read(fd: fd, offset: 0, count: size, path: path)
            let crc = Self.crc32c(body)
            if let expected = expectedCRC32C, expected != crc { throw FileIO.checksumMismatch(path, expected: expected, actual: crc) }
            try putObject(body, objectKey: objectKey, contentMD5: knownContentMD5, control: control)
            control.advance(size)
            return
        }
        let (crc, md5) = try Self.checksums(fd: fd, size: size, path: path, md5: knownContentMD5 == nil, control: control)
        if let expected = expectedCRC32C, expected != crc { throw FileIO.checksumMismatch(path, expected: expected, actual: crc) }
        guard let contentMD5 = md5 ?? knownContentMD5 else { throw ObjectStoreError(.io, "no MD5 for \(path)") }
        _ = try client.send(.init(method: .PUT, key: objectKey, headers: [("Content-MD5", contentMD5)],
                                  body: .file(fd: fd, size: size, path: path, control: control)),
                            what: describe("PUT", objectKey), control: control)
    }

    /// CRC32C of the whole file, and its MD5 (base64, for Content-MD5) when asked.
    static func checksums(fd: Int32, size: Int, path: String, md5: Bool, control: TransferControl)
        throws(ObjectStoreError) -> (UInt32, String?) {
        var crc: UInt32 = 0
        var hash = md5 ? Insecure.MD5() : nil
        var offset = 0
        while offset < size {
            try control.check()
            let chunk = try read(fd: fd, offset: offset, count: min(4 << 20, size - offset), path: path)
            crc = crc32c(chunk, continuing: crc)
            if hash != nil { chunk.withUnsafeReadableBytes { hash!.update(bufferPointer: $0) } }
            offset += chunk.readableBytes
        }
        return (crc, hash.map { Data($0.finalize()).base64EncodedString() })
    }

    static func base64(hexMD5 hex: String) -> String? {
        guard hex.count == 32 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return Data(bytes).base64EncodedString()
    }

    /// `count` bytes of the file from `offset`.
    static func read(fd: Int32, offset: Int, count: Int, path: String) throws(ObjectStoreError) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        var failure: Int32 = 0
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { raw -> Int in
            let done = POSIXFile.readFull(fd, raw.baseAddress!, count, offset: offset)
            if done < 0 { failure = errno }
            return max(0, done)
        }
        guard failure == 0, buffer.readableBytes == count else {
            throw FileIO.error("cannot read \(path)", failure == 0 ? EIO : failure)
        }
        return buffer
    }

    /// The CRC32C `crc` continued over the buffer's bytes.
    static func crc32c(_ buffer: ByteBuffer, continuing crc: UInt32 = 0) -> UInt32 {
        buffer.withUnsafeReadableBytes { snapdeck_crc32c(crc, $0.baseAddress, $0.count) }
    }

    // MARK: - Reading

    public func get(_ key: String) throws(ObjectStoreError) -> [UInt8] {
        try LocalObjectStore.validate(key)
        let objectKey = location.objectKey(key)
        let response = try client.send(.init(method: .GET, key: objectKey), what: describe("GET", objectKey))
        return Array(response.body.readableBytesView)
    }

    public func size(of key: String) throws(ObjectStoreError) -> Int64? {
        try LocalObjectStore.validate(key)
        let objectKey = location.objectKey(key)
        let response = try client.send(.init(method: .HEAD, key: objectKey), what: describe("HEAD", objectKey), accept: [404])
        guard response.status != 404 else { return nil }
        return response.headers.first(name: "content-length").flatMap { Int64($0) } ?? 0
    }

    public func list(prefix: String) throws(ObjectStoreError) -> [ObjectInfo] {
        if !prefix.isEmpty { try LocalObjectStore.validate(prefix, allowTrailingSlash: true) }
        let base = location.keyPrefix
        var found: [ObjectInfo] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("max-keys", String(client.settings.listPageSize)), ("prefix", base + prefix)]
            if let token { query.append(("continuation-token", token)) }
            let page = try client.send(.init(method: .GET, key: nil, query: query), what: describe("LIST", base + prefix))
            let text = page.text
            for entry in S3XML.elements("Contents", in: text) {
                guard let key = S3XML.text("Key", in: entry), key.hasPrefix(base) else { continue }
                found.append(ObjectInfo(key: String(key.dropFirst(base.count)), size: Int64(S3XML.text("Size", in: entry) ?? "") ?? 0))
            }
            token = S3XML.text("IsTruncated", in: text) == "true" ? S3XML.text("NextContinuationToken", in: text) : nil
        } while token != nil
        return found.sorted { $0.key < $1.key }
    }

    // MARK: - Deleting

    /// Batches of up to 1,000 keys per DeleteObjects request; one DELETE per key where the
    /// server does not offer batches.
    public func delete(_ keys: [String]) throws(ObjectStoreError) {
        for key in keys { try LocalObjectStore.validate(key) }
        var start = 0
        while start < keys.count {
            let batch = keys[start..<min(start + 1000, keys.count)].map { location.objectKey($0) }
            start += batch.count
            let xml = "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>"
                + batch.map { "<Object><Key>\(S3XML.escape($0))</Key></Object>" }.joined() + "</Delete>"
            let body = ByteBuffer(string: xml)
            let hash = S3Client.sha256Hex(xml)
            let response = try client.send(
                .init(method: .POST, key: nil, query: [("delete", "")],
                      headers: [("Content-MD5", S3Client.base64MD5(Array(xml.utf8))), ("Content-Type", "application/xml")],
                      body: .init(body), payloadHash: hash),
                what: describe("DELETE", batch.first), accept: [400, 405, 501])
            if response.status != 200 {
                for key in batch {
                    _ = try client.send(.init(method: .DELETE, key: key), what: describe("DELETE", key), accept: [404])
                }
                continue
            }
            if let problem = S3XML.elements("Error", in: response.text).first {
                let key = S3XML.text("Key", in: problem) ?? "?"
                let code = S3XML.text("Code", in: problem) ?? "error"
                throw ObjectStoreError(.io, "\(describe("DELETE", key)): \(code) \(S3XML.text("Message", in: problem) ?? "")")
            }
        }
    }
}

extension S3ObjectStore {
    /// Creates the bucket (an existing one owned by the same account is fine). SnapDeck never
    /// creates buckets for repositories; test servers and demo setups start empty.
    public func createBucket() throws(ObjectStoreError) {
        let response = try client.send(.init(method: .PUT, key: nil), what: describe("CREATE BUCKET"), accept: [409])
        if response.status == 409, S3XML.text("Code", in: response.text) != "BucketAlreadyOwnedByYou" {
            throw client.failure(response, what: describe("CREATE BUCKET"))
        }
    }
}
