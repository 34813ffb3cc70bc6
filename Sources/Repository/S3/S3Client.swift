import AsyncHTTPClient
import Crypto
import Essentials
import Foundation
import NIOCore
import NIOHTTP1

/// Signed S3 requests with retries, and S3's errors turned into operator-readable ones.
///
/// The calls block the calling thread (the job engine's worker queues) on NIO futures; they
/// never run on, or wait for, Swift concurrency's cooperative pool.
struct S3Client: Sendable {
    let location: S3Location
    let settings: S3Settings
    let signer: SigV4Signer

    /// One HTTP client for the process: connections to an endpoint are pooled and kept alive
    /// across files, which is what makes thousands of small objects affordable.
    static let http: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(60))
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        // The pool would otherwise retry a refused connection until the connect timeout, so
        // every attempt at a dead endpoint cost 5 s (22.6 s for a CREATE REPOSITORY). `send`
        // retries with its own backoff and reports the reason.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    init(location: S3Location, settings: S3Settings) {
        self.location = location
        self.settings = settings
        signer = SigV4Signer(credentials: location.credentials, region: location.region)
    }

    struct Request {
        var method: HTTPMethod
        /// Object key inside the bucket (prefix included); nil addresses the bucket.
        var key: String?
        var query: [(String, String)] = []
        var headers: [(String, String)] = []
        var body: Body?
        /// SHA-256 of the body for small bodies; large ones go unsigned, guarded by Content-MD5.
        var payloadHash: String?
    }

    /// What a request sends: bytes in memory, or a file streamed from disk in chunks (read
    /// again from the start if the request is retried).
    enum Body {
        case bytes(ByteBuffer)
        case file(fd: Int32, size: Int, path: String, control: TransferControl)

        init(_ buffer: ByteBuffer) { self = .bytes(buffer) }
    }

    struct Response {
        var status: UInt
        var headers: HTTPHeaders
        var body: ByteBuffer
        var text: Substring { Substring(String(buffer: body)) }
    }

    /// The request as it goes on the wire, signed now.
    func prepare(_ request: Request) throws -> HTTPClient.Request {
        let path = location.path(objectKey: request.key)
        let payloadHash = request.payloadHash
            ?? (request.body == nil ? SigV4Signer.emptyPayloadHash : SigV4Signer.unsignedPayload)
        let amzDate = SigV4Signer.amzDate(Date())
        var headers = request.headers + [
            ("Host", location.hostHeader()), ("X-Amz-Date", amzDate), ("X-Amz-Content-Sha256", payloadHash),
        ]
        if let token = location.credentials.sessionToken, !token.isEmpty { headers.append(("X-Amz-Security-Token", token)) }
        let signed = signer.sign(method: request.method.rawValue, path: path, query: request.query, headers: headers,
                                 payloadHash: payloadHash, amzDate: amzDate)
        headers.append(("Authorization", signed.authorization))
        let query = SigV4Signer.encodedQuery(request.query)
        let url = "\(location.scheme)://\(location.hostHeader())\(signer.encodedPath(path))" + (query.isEmpty ? "" : "?" + query)
        return try HTTPClient.Request(url: url, method: request.method, headers: HTTPHeaders(headers),
                                      body: request.body.map(Self.httpBody))
    }

    /// Sends `request`, retrying 5xx, 429 and network failures with backoff. `what` names the
    /// operation in errors (`PUT s3://bucket/key`). Non-2xx answers other than `accept` throw.
    func send(_ request: Request, what: String, accept: Set<UInt> = [], control: TransferControl? = nil,
              attempts: Int? = nil) throws(ObjectStoreError) -> Response {
        let retry = RetryPolicy.s3Request(attempts: attempts ?? settings.attempts)
        var attempt = 0
        while true {
            attempt += 1
            try control?.check()
            let outcome: Result<HTTPClient.Response, Error>
            do {
                let prepared = try prepare(request)
                let deadline = NIODeadline.now() + .seconds(settings.requestTimeoutSeconds)
                outcome = .success(try Self.http.execute(request: prepared, deadline: deadline).wait())
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let response):
                let status = response.status.code
                let result = Response(status: status, headers: response.headers, body: response.body ?? ByteBuffer())
                if (200..<300).contains(status) || accept.contains(status) { return result }
                if (status >= 500 || status == 429), retry.allowsRetry(after: attempt) {
                    retry.pause(after: attempt)
                    continue
                }
                throw failure(result, what: what)
            case .failure(let error):
                if retry.allowsRetry(after: attempt) {
                    retry.pause(after: attempt)
                    continue
                }
                throw ObjectStoreError(.io, "\(what): cannot reach the S3 endpoint \(location.endpointDescription) (\(Self.describe(error)))")
            }
        }
    }

    static func httpBody(_ body: Body) -> HTTPClient.Body {
        switch body {
        case .bytes(let buffer):
            return .byteBuffer(buffer)
        case .file(let fd, let size, let path, let control):
            return .stream(contentLength: Int64(size)) { writer in
                FileStreamer(fd: fd, size: size, path: path, control: control, writer: writer).start()
            }
        }
    }

    /// An S3 error answer as an `ObjectStoreError` that says what to do about it.
    func failure(_ response: Response, what: String) -> ObjectStoreError {
        let code = S3XML.text("Code", in: response.text) ?? ""
        let serverMessage = S3XML.text("Message", in: response.text) ?? ""
        let status = response.status
        let head = "\(what): HTTP \(status)" + (code.isEmpty ? "" : " \(code)")
        switch (status, code) {
        case (_, "SignatureDoesNotMatch"):
            return ObjectStoreError(.accessDenied, "\(head): the secret key does not match the access key")
        case (_, "InvalidAccessKeyId"):
            return ObjectStoreError(.accessDenied, "\(head): the server does not know this access key")
        case (_, "RequestTimeTooSkewed"):
            return ObjectStoreError(.accessDenied, "\(head): this machine's clock differs from the server's by more than 15 minutes")
        case (_, "ExpiredToken"), (_, "InvalidToken"):
            return ObjectStoreError(.accessDenied, "\(head): the session token has expired or is invalid")
        case (403, _):
            return ObjectStoreError(.accessDenied, "\(head): access denied (the key may lack permission on bucket '\(location.bucket)')")
        case (_, "NoSuchBucket"):
            return ObjectStoreError(.notFound, "\(head): bucket '\(location.bucket)' does not exist at \(location.endpointDescription)")
        case (404, _):
            return ObjectStoreError(.notFound, "\(head): no such object")
        default:
            return ObjectStoreError(.io, serverMessage.isEmpty ? head : "\(head): \(serverMessage)")
        }
    }

    /// A network failure in a few plain words (NIO's own texts nest errno descriptions).
    static func describe(_ error: Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connection timed out"
            case .readTimeout: return "no answer in time"
            case .deadlineExceeded: return "the request took too long"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: return "\(error)"
            }
        }
        let text = "\(error)"
        for (needle, words) in [("Connection refused", "connection refused"), ("Connection reset", "connection reset by the server"),
                                ("No route to host", "no route to host"), ("Network is unreachable", "network unreachable")]
        where text.contains(needle) {
            return words
        }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    /// For small bodies (XML requests), signed in full.
    static func sha256Hex(_ text: String) -> String {
        Hex.lowercase(SHA256.hash(data: Array(text.utf8)))
    }

    static func base64MD5<D: ContiguousBytes>(_ bytes: D) -> String {
        Data(bytes.withUnsafeBytes { Insecure.MD5.hash(data: $0) }).base64EncodedString()
    }
}
