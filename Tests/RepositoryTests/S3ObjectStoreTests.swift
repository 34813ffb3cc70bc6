import CSupport
import Crypto
import Foundation
import Repository
import Testing
import TestSupport

/// The S3 store against a real, signature-checking S3 server (nanio) on 127.0.0.1.
@Suite struct S3ObjectStoreTests {
    static func smallParts() -> S3Settings {
        var settings = S3Settings()
        settings.multipartThreshold = 1 << 20
        settings.partSize = 256 << 10
        settings.listPageSize = 7
        settings.attempts = 2
        return settings
    }

    @Test func roundTripWithAwkwardKeys() throws {
        let server = try S3TestServer()
        let store = try server.store(prefix: "backups/prod", settings: Self.smallParts())
        try store.checkAccess()
        let keys = ["__palo_repository_r/__repo_info", "a/tablet:1/x=y,z.dat", "a/b c/ü+.dat"]
        for (i, key) in keys.enumerated() { try store.put(Array("object \(i)".utf8), key: key) }
        for (i, key) in keys.enumerated() {
            #expect(try store.get(key) == Array("object \(i)".utf8))
            #expect(try store.size(of: key) == Int64("object \(i)".utf8.count))
        }
        #expect(try store.size(of: "a/missing") == nil)
        #expect(try store.list(prefix: "a/").map(\.key) == keys.dropFirst().sorted())
        // Objects live under the prefix in the bucket.
        #expect(FileManager.default.fileExists(atPath: server.dataDirectory + "/snapdeck/backups/prod/__palo_repository_r/__repo_info"))
        try store.delete(keys + ["a/never-written"])
        #expect(try store.list(prefix: "").isEmpty)
        #expect(throws: ObjectStoreError.self) { try store.get(keys[0]) }
    }

    /// The test server is killed with SIGKILL to simulate an outage. A kill can land between
    /// nanio creating its staging files and renaming them; a restarted server must then
    /// behave as S3 does after a crash: the interrupted writes are gone and the keys work.
    @Test func aServerRestartedAfterAKillServesKeysWhoseWritesTheKillCutShort() throws {
        let server = try S3TestServer()
        let store = try server.store(prefix: "p", settings: Self.smallParts())
        try store.put(Array("one".utf8), key: "t/1.hdr")
        let bucket = server.dataDirectory + "/snapdeck"
        server.stop()
        // What a kill in the middle of two PUTs leaves: a staged object and a staged sidecar.
        try Data("half".utf8).write(to: URL(fileURLWithPath: bucket + "/p/t/.tmp.0123456789abcdef"))
        try FileManager.default.createDirectory(atPath: bucket + "/.nanio-meta/p/t", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: bucket + "/.nanio-meta/p/t/2.hdr.json.tmp"))
        try server.start()
        try store.put(Array("two".utf8), key: "t/2.hdr")
        #expect(try store.get("t/2.hdr") == Array("two".utf8))
        #expect(try store.list(prefix: "t/").map(\.key) == ["t/1.hdr", "t/2.hdr"])
    }

    @Test func aFileOverTheThresholdGoesUpInPartsAndComesBackWhole() throws {
        let server = try S3TestServer()
        let store = try server.store(prefix: "p", settings: Self.smallParts())
        let (path, bytes) = try Self.file(size: 3 << 20 | 12345)
        defer { unlink(path) }
        let control = ByteCountingControl()
        try store.putFile(path, key: "big.dat", expectedCRC32C: crc32c(bytes), control: control)
        #expect(control.bytes == bytes.count)
        #expect(try store.size(of: "big.dat") == Int64(bytes.count))
        #expect(try store.incompleteUploads(prefix: "").isEmpty)
        let target = path + ".back"
        defer { unlink(target) }
        let md5 = try store.getFile("big.dat", to: target, control: UncontrolledTransfer())
        #expect(md5 == Insecure.MD5.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(bytes))
        // The object on the server is the file, byte for byte.
        #expect(try Data(contentsOf: URL(fileURLWithPath: server.dataDirectory + "/snapdeck/p/big.dat")) == Data(bytes))
    }

    /// Under the multipart threshold a file goes in one streamed PUT whose Content-MD5 the
    /// server checks: a known MD5 that is wrong is refused, and nothing is stored.
    @Test func aStreamedPutCarriesTheKnownMD5AndTheServerChecksIt() throws {
        let server = try S3TestServer()
        let store = try server.store(prefix: "p")
        let (path, bytes) = try Self.file(size: 3 << 20 | 777)
        defer { unlink(path) }
        let md5 = Insecure.MD5.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let control = ByteCountingControl()
        try store.putFile(path, key: "one.dat", expectedCRC32C: crc32c(bytes), knownMD5: md5, control: control)
        #expect(control.bytes == bytes.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: server.dataDirectory + "/snapdeck/p/one.dat")) == Data(bytes))
        try store.putFile(path, key: "computed.dat", expectedCRC32C: nil, control: UncontrolledTransfer())
        #expect(try store.size(of: "computed.dat") == Int64(bytes.count))
        let wrong = String(md5.reversed())
        let error = try #require(throws: ObjectStoreError.self) {
            try store.putFile(path, key: "wrong.dat", expectedCRC32C: crc32c(bytes), knownMD5: wrong, control: UncontrolledTransfer())
        }
        #expect(error.message.contains("PUT s3://snapdeck/p/wrong.dat: HTTP 400"), "\(error.message)")
        #expect(try store.size(of: "wrong.dat") == nil)
        let damaged = try #require(throws: ObjectStoreError.self) {
            try store.putFile(path, key: "damaged.dat", expectedCRC32C: crc32c(bytes) ^ 1, knownMD5: md5, control: UncontrolledTransfer())
        }
        #expect(damaged.kind == .checksumMismatch)
        #expect(try store.size(of: "damaged.dat") == nil)
    }

    @Test func aChecksumMismatchLeavesNoObjectAndNoParts() throws {
        let server = try S3TestServer()
        let store = try server.store(prefix: "p", settings: Self.smallParts())
        for size in [100_000, 2 << 20] {
            let (path, bytes) = try Self.file(size: size)
            defer { unlink(path) }
            #expect(throws: ObjectStoreError.self) {
                try store.putFile(path, key: "bad.dat", expectedCRC32C: crc32c(bytes) ^ 1, control: UncontrolledTransfer())
            }
            #expect(try store.size(of: "bad.dat") == nil)
            #expect(try store.incompleteUploads(prefix: "").isEmpty)
        }
    }

    @Test func listingsLongerThanOnePageAreFollowed() throws {
        let server = try S3TestServer()
        let store = try server.store(prefix: "deep/er", settings: Self.smallParts())
        let keys = (0..<25).map { String(format: "snap/%03d.dat", $0) }
        for key in keys { try store.put([1, 2, 3], key: key) }
        try store.put([9], key: "snapshot-other")
        let listed = try store.list(prefix: "snap/")
        #expect(listed.map(\.key) == keys)
        #expect(listed.allSatisfy { $0.size == 3 })
        #expect(try store.list(prefix: "").count == 26)
    }

    @Test func aWrongSecretIsAClearAccessDeniedThatNamesNoSecret() throws {
        let server = try S3TestServer()
        let wrong = "not-the-secret-at-all"
        let store = S3ObjectStore(location: try server.location(prefix: "p", secretKey: wrong))
        let error = try #require(throws: ObjectStoreError.self) { try store.checkAccess() }
        #expect(error.kind == .accessDenied)
        #expect(error.message.contains("403 SignatureDoesNotMatch: the secret key does not match the access key"), "\(error.message)")
        #expect(!error.message.contains(wrong) && !error.message.contains(server.secretKey))
    }

    @Test func aMissingBucketAndAnAbsentServerAreNamed() throws {
        let server = try S3TestServer()
        let missing = try server.store(bucket: "no-such-bucket", prefix: "p")
        let notFound = try #require(throws: ObjectStoreError.self) { try missing.checkAccess() }
        #expect(notFound.kind == .notFound)
        #expect(notFound.message.contains("bucket 'no-such-bucket' does not exist at \(server.endpoint)"), "\(notFound.message)")

        let store = try server.store(prefix: "p", settings: Self.smallParts())
        server.stop()
        let down = try #require(throws: ObjectStoreError.self) { try store.put([1], key: "k") }
        #expect(down.message.contains("cannot reach the S3 endpoint \(server.endpoint)"), "\(down.message)")
        try server.start()
        try store.put([1], key: "k")
        #expect(try store.get("k") == [1])
    }

    @Test func cancellingAMultipartUploadLeavesNoParts() throws {
        let server = try S3TestServer()
        var settings = Self.smallParts()
        settings.partConcurrency = 2
        let store = try server.store(prefix: "p", settings: settings)
        let (path, bytes) = try Self.file(size: 4 << 20)
        defer { unlink(path) }
        let control = ByteCountingControl(cancelAfterBytes: 600 << 10)
        let error = try #require(throws: ObjectStoreError.self) {
            try store.putFile(path, key: "cancelled.dat", expectedCRC32C: crc32c(bytes), control: control)
        }
        #expect(error.kind == .cancelled)
        #expect(control.bytes < bytes.count)
        #expect(try store.size(of: "cancelled.dat") == nil)
        #expect(try store.incompleteUploads(prefix: "").isEmpty)
        // And the server's own upload area holds nothing either.
        let uploads = server.dataDirectory + "/.nanio/multipart"
        #expect(((try? FileManager.default.subpathsOfDirectory(atPath: uploads)) ?? []).filter { !$0.hasSuffix("/") }.allSatisfy {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: uploads + "/" + $0, isDirectory: &isDirectory)
            return isDirectory.boolValue
        })
    }

    static func file(size: Int) throws -> (String, [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = NSTemporaryDirectory() + "snapdeck-s3-\(UUID().uuidString).dat"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }
}

/// Counts transferred bytes; cancels once `cancelAfterBytes` have gone.
final class ByteCountingControl: TransferControl, @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let limit: Int?

    init(cancelAfterBytes: Int? = nil) { limit = cancelAfterBytes }

    var bytes: Int { lock.withLock { done } }

    func check() throws(ObjectStoreError) {
        if let limit, bytes >= limit { throw ObjectStoreError(.cancelled, "cancelled") }
    }

    func advance(_ bytes: Int) { lock.withLock { done += bytes } }
}

func crc32c(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBytes { snapdeck_crc32c(0, $0.baseAddress, $0.count) }
}
