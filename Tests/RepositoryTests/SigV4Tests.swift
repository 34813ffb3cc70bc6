import Crypto
import Foundation
import Repository
import Testing

/// Every case of the AWS SigV4 test suite and Amazon S3's published examples, from
/// `../shared/testdata/sigv4`.
@Suite struct SigV4Tests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/sigv4").path

    static let suiteCases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".req") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// The generic suite removes `.` and empty path segments; S3 must not.
    static let normalizingCases: Set = ["get-slashes", "get-slash-dot-slash"]

    @Test func theSuiteIsComplete() {
        #expect(Self.suiteCases.count == 22, "\(Self.folder)")
    }

    @Test(arguments: suiteCases)
    func suiteCase(_ name: String) throws {
        let request = try SuiteRequest(text: read(name + ".req"))
        let signer = SigV4Signer(
            credentials: .init(accessKey: "AKIDEXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1", service: "service",
            pathRule: Self.normalizingCases.contains(name) ? .normalized : .s3)
        let signed = signer.sign(method: request.method, path: request.path, query: request.query,
                                 headers: request.headers, payloadHash: sha256(request.body), amzDate: request.amzDate)
        #expect(signed.canonicalRequest == (try read(name + ".creq")))
        #expect(signed.stringToSign == (try read(name + ".sts")))
        #expect(signed.authorization == (try read(name + ".authz")))
    }

    /// S3 keeps `//example//` as it is: the normalised suite answer must not come out.
    @Test(arguments: ["get-slashes", "get-slash-dot-slash"])
    func s3DoesNotNormalizePaths(_ name: String) throws {
        let request = try SuiteRequest(text: read(name + ".req"))
        let signer = SigV4Signer(credentials: .init(accessKey: "AKIDEXAMPLE", secretKey: "x"), region: "us-east-1")
        #expect(signer.encodedPath(request.path) == request.path)
        let signed = signer.sign(method: request.method, path: request.path, query: request.query,
                                 headers: request.headers, payloadHash: sha256(request.body), amzDate: request.amzDate)
        #expect(signed.canonicalRequest != (try read(name + ".creq")))
    }

    @Test func s3PublishedExamples() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/s3-examples.json"))
        let document = try JSONDecoder().decode(S3Examples.self, from: data)
        let signer = SigV4Signer(
            credentials: .init(accessKey: document.access_key_id, secretKey: document.secret_access_key),
            region: document.region, service: document.service)
        var checked = 0
        for example in document.examples where example.authorization != nil {
            let (path, query) = SuiteRequest.split(target: example.request_target)
            let headers = example.headers.map { ($0.key, $0.value) }
            let payloadHash = example.headers.first { $0.key.lowercased() == "x-amz-content-sha256" }?.value ?? sha256(example.body)
            let signed = signer.sign(method: example.method, path: path, query: query, headers: headers,
                                     payloadHash: payloadHash, amzDate: document.amz_date)
            #expect(signed.canonicalRequest == example.canonical_request, "\(example.name)")
            #expect(signed.stringToSign == example.string_to_sign, "\(example.name)")
            #expect(signed.signature == example.signature, "\(example.name)")
            #expect(signed.authorization == example.authorization, "\(example.name)")
            checked += 1
        }
        #expect(checked == 4)
    }

    @Test func encodingForTheWire() {
        #expect(SigV4Signer.uriEncode("a b/c~d=ü") == "a%20b%2Fc~d%3D%C3%BC")
        #expect(SigV4Signer.encodedQuery([("prefix", "repo/snap 1/"), ("list-type", "2"), ("continuation-token", "a+b=")])
            == "continuation-token=a%2Bb%3D&list-type=2&prefix=repo%2Fsnap%201%2F")
        let signer = SigV4Signer(credentials: .init(accessKey: "a", secretKey: "b"), region: "r")
        #expect(signer.encodedPath("/bucket/__ss_x/tablet:1/a=b") == "/bucket/__ss_x/tablet%3A1/a%3Db")
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: 1_440_938_160)) == "20150830T123600Z")
    }

    private func read(_ file: String) throws -> String {
        try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
    }

    private func sha256(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// A `.req` file of the suite: request line, `Name:value` headers (an indented line continues
/// the previous value), an empty line, the body.
private struct SuiteRequest {
    var method: String
    var path: String
    var query: [(String, String)]
    var headers: [(String, String)] = []
    var body = ""

    var amzDate: String { headers.first { $0.0.lowercased() == "x-amz-date" }?.1 ?? "" }

    init(text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst()
        guard let space = requestLine.firstIndex(of: " "), let version = requestLine.range(of: " HTTP/", options: .backwards) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        method = String(requestLine[..<space])
        (path, query) = Self.split(target: String(requestLine[requestLine.index(after: space)..<version.lowerBound]))
        while !lines.isEmpty {
            let line = lines.removeFirst()
            if line.isEmpty {
                body = lines.joined(separator: "\n")
                break
            }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].1 += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
    }

    static func split(target: String) -> (String, [(String, String)]) {
        guard let mark = target.firstIndex(of: "?") else { return (target, []) }
        let query = target[target.index(after: mark)...].split(separator: "&").map { item -> (String, String) in
            guard let equals = item.firstIndex(of: "=") else { return (String(item), "") }
            return (String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
        return (String(target[..<mark]), query)
    }
}

private struct S3Examples: Decodable {
    struct Example: Decodable {
        var name: String
        var method: String
        var request_target: String
        var headers: [String: String]
        var body: String
        var canonical_request: String
        var string_to_sign: String
        var signature: String
        var authorization: String?
    }
    var access_key_id: String
    var secret_access_key: String
    var region: String
    var service: String
    var amz_date: String
    var examples: [Example]
}
