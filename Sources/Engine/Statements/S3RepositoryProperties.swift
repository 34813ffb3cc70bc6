import Catalog
import Repository

/// The S3 settings of a repository's PROPERTIES, in either of Doris's spellings
/// (`AWS_ENDPOINT` or `s3.endpoint`, ...), validated with Doris's messages.
struct S3RepositoryProperties {
    var endpoint: String
    var region: String
    var accessKey: String
    var secretKey: String
    var sessionToken: String?
    var pathStyle: Bool

    /// Each setting and its two names; the first is what Doris's error names.
    static let names: [(setting: String, aliases: [String])] = [
        ("AWS_ENDPOINT", ["aws_endpoint", "s3.endpoint"]),
        ("AWS_REGION", ["aws_region", "s3.region"]),
        ("AWS_ACCESS_KEY", ["aws_access_key", "s3.access_key"]),
        ("AWS_SECRET_KEY", ["aws_secret_key", "s3.secret_key"]),
        ("AWS_TOKEN", ["aws_token", "s3.session_token"]),
        ("use_path_style", ["use_path_style", "s3.use_path_style"]),
    ]

    /// Doris accepts these and SnapDeck has no use for them (connection pool sizes and
    /// timeouts of Doris's own S3 client).
    static let ignored: Set = [
        "aws_max_connections", "aws_request_timeout_ms", "aws_connection_timeout_ms",
        "s3.connection.maximum", "s3.connection.request.timeout", "s3.connection.timeout", "provider",
    ]

    init(_ properties: [PropertyEntry]) throws(SQLError) {
        var values: [String: String] = [:]
        for entry in properties {
            let key = entry.key.lowercased()
            if let setting = Self.names.first(where: { $0.aliases.contains(key) })?.setting {
                values[setting] = entry.value.trimmingCharacters(in: .whitespaces)
            } else if !Self.ignored.contains(key) {
                throw SQLError.general("Failed to create repository: unknown S3 property '\(entry.key)'; SnapDeck reads "
                    + Self.names.map { $0.aliases.joined(separator: " / ") }.joined(separator: ", "))
            }
        }
        func required(_ setting: String) throws(SQLError) -> String {
            guard let value = values[setting], !value.isEmpty else { throw SQLError.general("\(setting) not found.") }
            return value
        }
        region = try required("AWS_REGION")
        endpoint = try required("AWS_ENDPOINT")
        accessKey = try required("AWS_ACCESS_KEY")
        secretKey = try required("AWS_SECRET_KEY")
        sessionToken = values["AWS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        switch values["use_path_style"]?.lowercased() {
        case nil, "false": pathStyle = false
        case "true": pathStyle = true
        case let other?: throw SQLError.general("Failed to create repository: use_path_style must be true or false, got '\(other)'")
        }
    }

    func location(_ repositoryLocation: String) throws(SQLError) -> S3Location {
        guard let (bucket, prefix) = S3Location.parse(repositoryLocation) else {
            throw SQLError.general("Failed to create repository: an S3 location is s3://bucket/prefix, got '\(repositoryLocation)'")
        }
        do {
            return try S3Location(endpoint: endpoint, region: region, bucket: bucket, prefix: prefix, pathStyle: pathStyle,
                                  credentials: .init(accessKey: accessKey, secretKey: secretKey, sessionToken: sessionToken))
        } catch {
            throw SQLError.general("Failed to create repository: \(error.message)")
        }
    }
}
