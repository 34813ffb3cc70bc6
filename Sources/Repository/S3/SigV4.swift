import Crypto
import Essentials
import Foundation

/// AWS Signature Version 4 (header authorization).
///
/// Inputs are *unencoded*: the path as a plain string (`/bucket/a b`), query items as plain
/// pairs. The signer encodes them the one way SigV4 wants, and `encodedPath` / `encodedQuery`
/// return exactly those strings so the request on the wire matches what was signed (S3
/// servers sign the query as sent, without re-encoding it).
public struct SigV4Signer: Sendable {
    public struct Credentials: Sendable {
        public var accessKey: String
        public var secretKey: String
        public var sessionToken: String?
        public init(accessKey: String, secretKey: String, sessionToken: String? = nil) {
            self.accessKey = accessKey
            self.secretKey = secretKey
            self.sessionToken = sessionToken
        }
    }

    /// S3 signs the path as it is; other services first remove `.` segments and empty segments.
    public enum PathRule: Sendable {
        case s3
        case normalized
    }

    public var credentials: Credentials
    public var region: String
    public var service: String
    public var pathRule: PathRule

    public init(credentials: Credentials, region: String, service: String = "s3", pathRule: PathRule = .s3) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.pathRule = pathRule
    }

    /// Hash of an empty payload, and the marker for a payload that is not hashed (the body is
    /// protected by Content-MD5 instead: hashing every byte with SHA-256 would cost more than
    /// the transfer on a fast link).
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    public struct Signed: Sendable, Equatable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var authorization: String
    }

    /// Signs a request. `headers` must hold every header to sign (Host and X-Amz-Date
    /// included); `amzDate` is `yyyyMMdd'T'HHmmss'Z'`.
    public func sign(
        method: String, path: String, query: [(String, String)], headers: [(String, String)],
        payloadHash: String, amzDate: String
    ) -> Signed {
        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(headers)
        let canonicalRequest = [
            method, encodedPath(path), Self.encodedQuery(query), canonicalHeaders, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        let dateStamp = String(amzDate.prefix(8))
        let scope = "\(dateStamp)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope, Hex.lowercase(SHA256.hash(data: Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let key = signingKey(dateStamp: dateStamp)
        let signature = Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKey)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signed(canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
                      authorization: authorization)
    }

    func signingKey(dateStamp: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + credentials.secretKey).utf8))
        for part in [dateStamp, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// The path as it goes on the wire and into the canonical request.
    public func encodedPath(_ path: String) -> String {
        let plain = pathRule == .normalized ? Self.normalize(path) : path
        let encoded = plain.split(separator: "/", omittingEmptySubsequences: false)
            .map { Self.uriEncode(String($0)) }
            .joined(separator: "/")
        return encoded.isEmpty ? "/" : encoded
    }

    /// The query as it goes on the wire and into the canonical request: encoded, sorted.
    public static func encodedQuery(_ query: [(String, String)]) -> String {
        let encoded: [(key: String, value: String)] = query.map { (uriEncode($0.0), uriEncode($0.1)) }
        let sorted = encoded.sorted { a, b in a.key == b.key ? a.value < b.value : a.key < b.key }
        return sorted.map { pair in pair.key + "=" + pair.value }.joined(separator: "&")
    }

    /// Lower-cased names in order; repeated headers joined by commas; values trimmed, inner
    /// runs of spaces collapsed, folded lines joined by commas.
    static func canonicalHeaders(_ headers: [(String, String)]) -> (String, String) {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false).map { collapseSpaces(String($0)) }
            merged[name.lowercased(), default: []].append(lines.joined(separator: ","))
        }
        let names = merged.keys.sorted()
        let text = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        return (text, names.joined(separator: ";"))
    }

    static func collapseSpaces(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    /// RFC 3986 unreserved characters stay; every other byte of the UTF-8 form is `%XX`.
    public static func uriEncode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Removes empty and `.` segments and resolves `..`, keeping a trailing slash.
    static func normalize(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        let trailing = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return "/" + segments.joined(separator: "/") + trailing
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String {
        let time = LocalTime(epoch: date.timeIntervalSince1970, utcOffset: 0)
        return time.compactDate + "T" + time.compactClock + "Z"
    }
}
