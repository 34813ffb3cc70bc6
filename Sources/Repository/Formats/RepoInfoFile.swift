/// The `__repo_info` file at the top of a repository folder (reference §2.3):
/// `{"name":"<repo>","create_time":"yyyy-MM-dd HH:mm:ss"}`, stored without a checksum suffix.
public struct RepoInfoFile: Codable, Equatable, Sendable {
    /// The repository's name; must equal the name the repository is created with.
    public var name: String
    /// Creation time as `yyyy-MM-dd HH:mm:ss`, kept as text exactly as read.
    public var createTime: String

    public init(name: String, createTime: String) {
        self.name = name
        self.createTime = createTime
    }

    enum CodingKeys: String, CodingKey {
        case name
        case createTime = "create_time"
    }

    /// Compact JSON, `name` first.
    public func encode() -> [UInt8] {
        let json = JSONValue.object([("name", .string(name)), ("create_time", .string(createTime))])
        return Array(json.compactText().utf8)
    }

    /// Parses the file; unknown keys are ignored, `name` and `create_time` must be strings.
    public static func decode(_ bytes: [UInt8]) throws -> RepoInfoFile {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw SnapshotFormatError("invalid __repo_info: \(error)")
        }
        guard case .object = json else { throw SnapshotFormatError("invalid __repo_info: not a JSON object") }
        guard case let .string(name)? = json["name"] else {
            throw SnapshotFormatError("invalid __repo_info: missing string \"name\"")
        }
        guard case let .string(createTime)? = json["create_time"] else {
            throw SnapshotFormatError("invalid __repo_info: missing string \"create_time\"")
        }
        return RepoInfoFile(name: name, createTime: createTime)
    }
}
