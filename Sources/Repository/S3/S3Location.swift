import Foundation

/// Where an S3 repository lives and how to reach it: endpoint, bucket, key prefix, addressing
/// style, credentials. Built from a repository's location and properties by the engine.
public struct S3Location: Sendable {
    public var scheme: String
    public var host: String
    public var port: Int?
    public var region: String
    public var bucket: String
    /// Key prefix inside the bucket, without leading or trailing `/` (may be empty).
    public var prefix: String
    /// `http://host/bucket/key` when true, `http://bucket.host/key` otherwise.
    public var pathStyle: Bool
    public var credentials: SigV4Signer.Credentials

    public init(endpoint: String, region: String, bucket: String, prefix: String, pathStyle: Bool,
                credentials: SigV4Signer.Credentials) throws(ObjectStoreError) {
        var rest = endpoint.trimmingCharacters(in: .whitespaces)
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = String(rest[range.upperBound...])
        } else {
            // A bare host: plain HTTP for a local or private test server, HTTPS otherwise.
            scheme = Self.looksLocal(rest) ? "http" : "https"
        }
        guard scheme == "http" || scheme == "https" else {
            throw ObjectStoreError(.io, "S3 endpoint must be http:// or https://, got '\(endpoint)'")
        }
        while rest.hasSuffix("/") { rest.removeLast() }
        guard !rest.isEmpty, !rest.contains("/") else {
            throw ObjectStoreError(.io, "S3 endpoint must be a host with an optional port, got '\(endpoint)'")
        }
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else {
                throw ObjectStoreError(.io, "S3 endpoint has an invalid port: '\(endpoint)'")
            }
            port = number
            host = String(rest[..<colon])
        } else {
            port = nil
            host = rest
        }
        guard Self.isValidBucket(bucket) else {
            throw ObjectStoreError(.io, "invalid S3 bucket name '\(bucket)': 3 to 63 lower-case letters, digits, '.' or '-'")
        }
        self.region = region
        self.bucket = bucket
        self.prefix = prefix.split(separator: "/").joined(separator: "/")
        // A bucket cannot be a sub-domain of an IP address or of `localhost`.
        self.pathStyle = pathStyle || Self.looksLocal(host)
        self.credentials = credentials
    }

    /// Splits `s3://bucket/prefix` into its bucket and prefix.
    public static func parse(_ location: String) -> (bucket: String, prefix: String)? {
        guard location.lowercased().hasPrefix("s3://") else { return nil }
        let rest = location.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        guard !bucket.isEmpty else { return nil }
        return (String(bucket), String(rest.dropFirst(bucket.count)))
    }

    public var displayLocation: String { prefix.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(prefix)" }

    /// The endpoint as typed back to an operator (no credentials).
    public var endpointDescription: String { "\(scheme)://\(hostHeader(forBucket: false))" }

    /// The object key for a store-relative key.
    func objectKey(_ key: String) -> String { keyPrefix + key }

    /// What every object key of the store starts with: the prefix and a `/`, or nothing.
    var keyPrefix: String { prefix.isEmpty ? "" : prefix + "/" }

    /// The unencoded request path for an object key (nil: the bucket itself).
    func path(objectKey: String?) -> String {
        let object = objectKey.map { "/" + $0 } ?? "/"
        return pathStyle ? "/" + bucket + (objectKey == nil ? "" : object) : object
    }

    func hostHeader(forBucket: Bool = true) -> String {
        let name = forBucket && !pathStyle ? "\(bucket).\(host)" : host
        guard let port, port != (scheme == "https" ? 443 : 80) else { return name }
        return "\(name):\(port)"
    }

    static func looksLocal(_ host: String) -> Bool {
        let name = host.split(separator: ":").first.map(String.init) ?? host
        if name == "localhost" || name.hasPrefix("[") { return true }
        let parts = name.split(separator: ".")
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }

    static func isValidBucket(_ name: String) -> Bool {
        (3...63).contains(name.count) && name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" }
            && name.first.map { $0.isLetter || $0.isNumber } == true && name.allSatisfy(\.isASCII)
    }
}

/// Tunables of the S3 client. Defaults suit a fast link; tests lower the thresholds.
public struct S3Settings: Sendable {
    /// Files larger than this go up as multipart uploads; smaller ones in one streamed PUT,
    /// which costs the server less (no parts to assemble). rclone's default cutoff.
    public var multipartThreshold: Int = 200 << 20
    public var partSize: Int = 8 << 20
    /// Parts of one file in flight at once.
    public var partConcurrency: Int = 4
    /// Keys per ListObjectsV2 page.
    public var listPageSize: Int = 1000
    /// Tries per request on a 5xx, a 429 or a network failure before giving up.
    public var attempts: Int = 4
    public var requestTimeoutSeconds: Int64 = 120

    public init() {}
}
