import Foundation
@testable import Repository
import NIOCore
import Testing
import TestSupport

/// Addressing, error texts and retries of the S3 client, without a real S3 server.
@Suite struct S3ClientTests {
    let credentials = SigV4Signer.Credentials(accessKey: "AKIDEXAMPLE", secretKey: "secret", sessionToken: "tok")

    @Test func virtualHostedAndPathStyleAddresses() throws {
        let aws = try S3Location(endpoint: "s3.eu-central-1.amazonaws.com", region: "eu-central-1", bucket: "backups",
                                 prefix: "/prod/", pathStyle: false, credentials: credentials)
        let request = try S3Client(location: aws, settings: S3Settings()).prepare(.init(method: .GET, key: aws.objectKey("a b/c")))
        #expect(request.url.absoluteString == "https://backups.s3.eu-central-1.amazonaws.com/prod/a%20b/c")
        #expect(request.headers.first(name: "host") == "backups.s3.eu-central-1.amazonaws.com")
        #expect(request.headers.first(name: "x-amz-security-token") == "tok")
        #expect(request.headers.first(name: "authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") == true)
        #expect(aws.displayLocation == "s3://backups/prod")

        let minio = try S3Location(endpoint: "http://minio.internal:9000", region: "us-east-1", bucket: "backups",
                                   prefix: "", pathStyle: true, credentials: credentials)
        let listing = try S3Client(location: minio, settings: S3Settings())
            .prepare(.init(method: .GET, key: nil, query: [("prefix", "x/"), ("list-type", "2")]))
        #expect(listing.url.absoluteString == "http://minio.internal:9000/backups?list-type=2&prefix=x%2F")
        #expect(listing.headers.first(name: "host") == "minio.internal:9000")

        // A bucket cannot be a sub-domain of an IP address: path style whatever was asked.
        let ip = try S3Location(endpoint: "127.0.0.1:9000", region: "r", bucket: "b-1", prefix: "p", pathStyle: false,
                                credentials: credentials)
        #expect(ip.pathStyle && ip.scheme == "http")
        #expect(try S3Client(location: ip, settings: S3Settings()).prepare(.init(method: .HEAD, key: "p/k")).url.absoluteString
            == "http://127.0.0.1:9000/b-1/p/k")
    }

    @Test func badEndpointsAndBucketsAreRefused() {
        #expect(throws: ObjectStoreError.self) {
            try S3Location(endpoint: "ftp://host", region: "r", bucket: "bucket", prefix: "", pathStyle: true, credentials: credentials)
        }
        #expect(throws: ObjectStoreError.self) {
            try S3Location(endpoint: "http://host:99999", region: "r", bucket: "bucket", prefix: "", pathStyle: true, credentials: credentials)
        }
        #expect(throws: ObjectStoreError.self) {
            try S3Location(endpoint: "http://host", region: "r", bucket: "Upper_Case", prefix: "", pathStyle: true, credentials: credentials)
        }
        #expect(S3Location.parse("s3://bucket/a/b")! == ("bucket", "/a/b"))
        #expect(S3Location.parse("s3:///nobucket") == nil && S3Location.parse("/local") == nil)
    }

    @Test func s3ErrorsSayWhatToDo() throws {
        let location = try S3Location(endpoint: "http://127.0.0.1:9", region: "r", bucket: "bkt", prefix: "", pathStyle: true,
                                      credentials: credentials)
        let client = S3Client(location: location, settings: S3Settings())
        func failure(_ status: UInt, _ code: String) -> ObjectStoreError {
            client.failure(.init(status: status, headers: [:], body: ByteBuffer(string: "<Error><Code>\(code)</Code><Message>m</Message></Error>")),
                           what: "PUT s3://bkt/k")
        }
        #expect(failure(403, "RequestTimeTooSkewed").message
            == "PUT s3://bkt/k: HTTP 403 RequestTimeTooSkewed: this machine's clock differs from the server's by more than 15 minutes")
        #expect(failure(403, "InvalidAccessKeyId").message == "PUT s3://bkt/k: HTTP 403 InvalidAccessKeyId: the server does not know this access key")
        #expect(failure(403, "AccessDenied").kind == .accessDenied)
        #expect(failure(404, "NoSuchBucket").message == "PUT s3://bkt/k: HTTP 404 NoSuchBucket: bucket 'bkt' does not exist at http://127.0.0.1:9")
        #expect(failure(404, "NoSuchKey").kind == .notFound)
        #expect(failure(500, "InternalError").message == "PUT s3://bkt/k: HTTP 500 InternalError: m")
    }

    @Test(arguments: [503, 429])
    func throttlingAndServerErrorsAreRetried(status: Int) throws {
        let (server, counter, port) = try flakyServer(failures: 2, status: status)
        defer { server.signal(SIGKILL) }
        let store = try flakyStore(port: port, attempts: 3)
        try store.put([1, 2, 3], key: "k")
        #expect(try String(contentsOfFile: counter, encoding: .utf8) == "3")
    }

    @Test func retriesEndWithTheServersAnswer() throws {
        let (server, counter, port) = try flakyServer(failures: 5, status: 503)
        defer { server.signal(SIGKILL) }
        let store = try flakyStore(port: port, attempts: 2)
        let error = try #require(throws: ObjectStoreError.self) { try store.put([1], key: "k") }
        #expect(error.message == "PUT s3://bkt/k: HTTP 503 SlowDown: Please reduce your request rate.")
        #expect(try String(contentsOfFile: counter, encoding: .utf8) == "2")
    }

    /// CREATE REPOSITORY waits on the access check: it gives up after two tries, whatever the
    /// jobs' attempt count, so a wrong endpoint answers the operator at once.
    @Test func theAccessCheckTriesTwice() throws {
        let (server, counter, port) = try flakyServer(failures: 10, status: 503)
        defer { server.signal(SIGKILL) }
        let store = try flakyStore(port: port, attempts: 6)
        #expect(throws: ObjectStoreError.self) { try store.checkAccess() }
        #expect(try String(contentsOfFile: counter, encoding: .utf8) == "2")
    }

    /// A store on the fault server that tries each request `attempts` times.
    private func flakyStore(port: Int, attempts: Int) throws -> S3ObjectStore {
        var settings = S3Settings()
        settings.attempts = attempts
        return S3ObjectStore(location: try S3Location(endpoint: "http://127.0.0.1:\(port)", region: "r", bucket: "bkt",
                                                      prefix: "", pathStyle: true, credentials: credentials),
                             settings: settings)
    }

    private func flakyServer(failures: Int, status: Int) throws -> (ChildProcess, String, Int) {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TestSupport/Scripts/flaky_http.py").path
        let counter = NSTemporaryDirectory() + "snapdeck-flaky-\(UUID().uuidString)"
        let port = try S3TestServer.freePort()
        let server = try ChildProcess("/usr/bin/env", ["python3", script, String(port), String(failures), String(status), counter])
        let deadline = Date().addingTimeInterval(20)
        while !S3TestServer.accepts(port), Date() < deadline { usleep(20_000) }
        return (server, counter, port)
    }
}
