import AsyncHTTPClient
import CSupport
import Crypto
import Essentials
import Foundation
import NIOCore
import NIOHTTP1

extension S3ObjectStore {
    // MARK: - Multipart upload

    /// Reads the file part by part (checking its CRC32C in order as it goes), uploads up to
    /// `partConcurrency` parts at once, and completes the upload only when every part is in and
    /// the checksum matched: until then the object does not exist. Any failure or a cancel
    /// aborts the upload, so no parts are left behind.
    func uploadMultipart(fd: Int32, size: Int, path: String, objectKey: String, expectedCRC32C: UInt32?,
                         control: TransferControl) throws(ObjectStoreError) {
        let created = try client.send(.init(method: .POST, key: objectKey, query: [("uploads", "")]),
                                      what: describe("CREATE MULTIPART", objectKey), control: control)
        guard let uploadId = S3XML.text("UploadId", in: created.text), !uploadId.isEmpty else {
            throw ObjectStoreError(.io, "\(describe("CREATE MULTIPART", objectKey)): the answer has no UploadId")
        }
        do throws(ObjectStoreError) {
            let etags = try uploadParts(fd: fd, size: size, path: path, objectKey: objectKey, uploadId: uploadId,
                                        expectedCRC32C: expectedCRC32C, control: control)
            let xml = "<CompleteMultipartUpload>" + etags.enumerated().map {
                "<Part><PartNumber>\($0.offset + 1)</PartNumber><ETag>\(S3XML.escape($0.element))</ETag></Part>"
            }.joined() + "</CompleteMultipartUpload>"
            let hash = S3Client.sha256Hex(xml)
            let done = try client.send(
                .init(method: .POST, key: objectKey, query: [("uploadId", uploadId)], body: .init(ByteBuffer(string: xml)), payloadHash: hash),
                what: describe("COMPLETE MULTIPART", objectKey), control: control)
            // S3 may answer 200 and still report a failure in the body.
            if S3XML.text("Code", in: done.text) != nil {
                throw client.failure(done, what: describe("COMPLETE MULTIPART", objectKey))
            }
        } catch {
            // Best effort: the upload's own failure is what the caller must hear about, and a
            // part left behind is found and aborted by discardIncompleteWrites later.
            try? abortUpload(objectKey: objectKey, uploadId: uploadId)
            throw error
        }
    }

    private func uploadParts(fd: Int32, size: Int, path: String, objectKey: String, uploadId: String,
                             expectedCRC32C: UInt32?, control: TransferControl) throws(ObjectStoreError) -> [String] {
        let partSize = max(client.settings.partSize, 1)
        let count = (size + partSize - 1) / partSize
        let results = PartResults(count: count)
        let slots = DispatchSemaphore(value: max(client.settings.partConcurrency, 1))
        let group = DispatchGroup()
        var crc: UInt32 = 0
        var stop: ObjectStoreError?
        for index in 0..<count {
            slots.wait()
            if let failure = results.firstFailure { stop = failure; slots.signal(); break }
            do throws(ObjectStoreError) {
                try control.check()
                let offset = index * partSize
                let body = try Self.read(fd: fd, offset: offset, count: min(partSize, size - offset), path: path)
                crc = Self.crc32c(body, continuing: crc)
                group.enter()
                let client = client
                let what = describe("UPLOAD PART \(index + 1)/\(count)", objectKey)
                DispatchQueue.global().async {
                    defer { slots.signal(); group.leave() }
                    let md5 = body.withUnsafeReadableBytes { S3Client.base64MD5($0) }
                    do throws(ObjectStoreError) {
                        let response = try client.send(
                            .init(method: .PUT, key: objectKey, query: [("partNumber", String(index + 1)), ("uploadId", uploadId)],
                                  headers: [("Content-MD5", md5)], body: .init(body)),
                            what: what, control: control)
                        results.set(index, .success(response.headers.first(name: "etag") ?? ""))
                        control.advance(body.readableBytes)
                    } catch {
                        results.set(index, .failure(error))
                    }
                }
            } catch {
                stop = error
                slots.signal()
                break
            }
        }
        group.wait()
        if let failure = stop ?? results.firstFailure { throw failure }
        if let expected = expectedCRC32C, expected != crc {
            throw FileIO.checksumMismatch(path, expected: expected, actual: crc)
        }
        return results.etags
    }

    func abortUpload(objectKey: String, uploadId: String) throws(ObjectStoreError) {
        _ = try client.send(.init(method: .DELETE, key: objectKey, query: [("uploadId", uploadId)]),
                            what: describe("ABORT MULTIPART", objectKey), accept: [404])
    }

    /// Multipart uploads begun under `prefix` and neither completed nor aborted.
    public func incompleteUploads(prefix: String) throws(ObjectStoreError) -> [(key: String, uploadId: String)] {
        let base = location.keyPrefix
        let response = try client.send(.init(method: .GET, key: nil, query: [("uploads", ""), ("prefix", base + prefix)]),
                                       what: describe("LIST MULTIPART", base + prefix))
        return S3XML.elements("Upload", in: response.text).compactMap { upload in
            guard let key = S3XML.text("Key", in: upload), let id = S3XML.text("UploadId", in: upload) else { return nil }
            return (String(key.dropFirst(key.hasPrefix(base) ? base.count : 0)), id)
        }
    }

    public func discardIncompleteWrites(prefix: String) throws(ObjectStoreError) {
        let base = location.keyPrefix
        for upload in try incompleteUploads(prefix: prefix) {
            try abortUpload(objectKey: base + upload.key, uploadId: upload.uploadId)
        }
    }

    // MARK: - Streamed download

    /// Streams the object into `<path>.part`, hashing as it goes, and renames it over `path`.
    /// A dropped connection resumes where it stopped with a ranged GET.
    public func getFile(_ key: String, to path: String, control: TransferControl) throws(ObjectStoreError) -> String {
        try LocalObjectStore.validate(key)
        let objectKey = location.objectKey(key)
        let (fd, part) = try FileIO.createPart(for: path)
        let sink = DownloadSink(fd: fd, control: control)
        let retry = RetryPolicy.s3Request(attempts: client.settings.attempts)
        var attempt = 0
        do throws(ObjectStoreError) {
            while true {
                attempt += 1
                try control.check()
                let headers = sink.written > 0 ? [("Range", "bytes=\(sink.written)-")] : []
                do throws(ObjectStoreError) {
                    try stream(objectKey: objectKey, headers: headers, into: sink)
                    break
                } catch {
                    // Only a broken transfer is worth another try; S3's own answers are final.
                    guard error.kind == .io, sink.httpStatus == nil || sink.httpStatus! >= 500,
                          retry.allowsRetry(after: attempt) else { throw error }
                    retry.pause(after: attempt)
                }
            }
        } catch {
            FileIO.abandon(fd, part)
            throw error
        }
        try FileIO.commit(fd, part: part, final: path)
        return Hex.lowercase(sink.md5.finalize())
    }

    private func stream(objectKey: String, headers: [(String, String)], into sink: DownloadSink) throws(ObjectStoreError) {
        let what = describe("GET", objectKey)
        let request: HTTPClient.Request
        do {
            request = try client.prepare(.init(method: .GET, key: objectKey, headers: headers))
        } catch {
            throw ObjectStoreError(.io, "\(what): \(error)")
        }
        sink.begin(resuming: !headers.isEmpty)
        let task = S3Client.http.execute(request: request, delegate: sink,
                                         deadline: .now() + .seconds(client.settings.requestTimeoutSeconds * 10))
        do {
            _ = try task.futureResult.wait()
        } catch let error as ObjectStoreError {
            _ = sink.drain()
            throw error
        } catch {
            if let failure = sink.drain() { throw failure }
            if let status = sink.httpStatus, !(200..<300).contains(status) {
                throw client.failure(.init(status: status, headers: [:], body: ByteBuffer(bytes: sink.errorBody)), what: what)
            }
            throw ObjectStoreError(.io, "\(what): transfer failed (\(S3Client.describe(error)))")
        }
        if let status = sink.httpStatus, !(200..<300).contains(status) {
            throw client.failure(.init(status: status, headers: [:], body: ByteBuffer(bytes: sink.errorBody)), what: what)
        }
    }
}

/// Results of parallel part uploads, by part index.
private final class PartResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<String, ObjectStoreError>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<String, ObjectStoreError>) {
        lock.withLock { results[index] = result }
    }

    var firstFailure: ObjectStoreError? {
        lock.withLock {
            for case .failure(let error)? in results { return error }
            return nil
        }
    }

    var etags: [String] {
        lock.withLock { results.map { if case .success(let tag)? = $0 { tag } else { "" } } }
    }
}

/// Receives a GET's body on NIO's event loop and hands each chunk to a serial queue that
/// writes, hashes and reports it; reading pauses while more than `readAhead` bytes wait, so
/// memory stays bounded whatever the object's size.
private final class DownloadSink: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = Void

    let fd: Int32
    let control: TransferControl
    let queue = DispatchQueue(label: "snapdeck.s3.download")
    var md5 = Insecure.MD5()
    var written = 0
    var httpStatus: UInt?
    var errorBody: [UInt8] = []

    init(fd: Int32, control: TransferControl) {
        self.fd = fd
        self.control = control
    }

    /// Before each attempt: a fresh download (not a resumed one) starts the file and hash over.
    func begin(resuming: Bool) {
        httpStatus = nil
        errorBody = []
        lock.withLock {
            failure = nil
            backlog = 0
            batch = []
            batchBytes = 0
            paused = nil
        }
        if !resuming { restart() }
    }

    private func restart() {
        md5 = Insecure.MD5()
        written = 0
        ftruncate(fd, 0)
        lseek(fd, 0, SEEK_SET)
    }

    func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        httpStatus = head.status.code
        // A server that ignores Range sends the whole object again.
        if head.status == .ok, written > 0 { queue.sync { restart() } }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    /// Up to this many received bytes may wait for the disk before reading pauses: enough to
    /// keep the connection streaming while chunks are written and hashed.
    static let readAhead = 4 << 20
    /// Received chunks (NIO reads at most 64 KiB at a time) go to the queue in batches of
    /// this size: one hand-off per MiB instead of one per chunk.
    static let batchSize = 1 << 20
    private let lock = NSLock()
    private var backlog = 0
    private var batch: [ByteBuffer] = []
    private var batchBytes = 0
    private var paused: EventLoopPromise<Void>?
    private var failure: ObjectStoreError?

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        guard let status = httpStatus, (200..<300).contains(status) else {
            errorBody += buffer.readableBytesView
            return task.eventLoop.makeSucceededVoidFuture()
        }
        var full: [ByteBuffer] = []
        let next: EventLoopFuture<Void> = lock.withLock {
            if let failure { return task.eventLoop.makeFailedFuture(failure) }
            backlog += buffer.readableBytes
            batch.append(buffer)
            batchBytes += buffer.readableBytes
            if batchBytes >= Self.batchSize {
                full = batch
                batch = []
                batchBytes = 0
            }
            if backlog <= Self.readAhead { return task.eventLoop.makeSucceededVoidFuture() }
            let promise = task.eventLoop.makePromise(of: Void.self)
            paused = promise
            return promise.futureResult
        }
        if !full.isEmpty { hand(full) }
        return next
    }

    /// Writes and hashes `buffers` on the queue, then lets reading go on if it was paused.
    private func hand(_ buffers: [ByteBuffer]) {
        queue.async { [self] in
            var problem: ObjectStoreError?
            if lock.withLock({ failure }) == nil {
                do throws(ObjectStoreError) {
                    for buffer in buffers { try store(buffer) }
                } catch {
                    problem = error
                }
            }
            let size = buffers.reduce(0) { $0 + $1.readableBytes }
            let (resume, outcome): (EventLoopPromise<Void>?, ObjectStoreError?) = lock.withLock {
                backlog -= size
                if let problem, failure == nil { failure = problem }
                guard let waiting = paused, backlog <= Self.readAhead || failure != nil else { return (nil, nil) }
                paused = nil
                return (waiting, failure)
            }
            if let outcome { resume?.fail(outcome) } else { resume?.succeed(()) }
        }
    }

    private func store(_ buffer: ByteBuffer) throws(ObjectStoreError) {
        try control.check()
        let e = buffer.withUnsafeReadableBytes { raw -> Int32 in
            let e = POSIXFile.writeAll(fd, raw.baseAddress, raw.count)
            if e == 0 { md5.update(bufferPointer: raw) }
            return e
        }
        if e != 0 { throw FileIO.error("cannot write the downloaded file", e) }
        written += buffer.readableBytes
        control.advance(buffer.readableBytes)
    }

    /// Waits until every received chunk is on disk; the first failure among them, if any.
    func drain() -> ObjectStoreError? {
        queue.sync {}
        return lock.withLock { failure }
    }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws {
        let rest: [ByteBuffer] = lock.withLock {
            defer { batch = []; batchBytes = 0 }
            return batch
        }
        if !rest.isEmpty { hand(rest) }
        if let failure = drain() { throw failure }
    }
}
