/// One `[name]` section of the connections file. Every field may be left out: flags on the
/// command line fill in or override what is saved.
public struct SavedConnection: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var host: String?
    public var port: Int?
    public var user: String?
    public var password: String?
    public var database: String?

    public init(
        name: String, host: String? = nil, port: Int? = nil, user: String? = nil, password: String? = nil,
        database: String? = nil
    ) {
        self.name = name
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// `name: user@host:port`, never the password.
    public var description: String {
        "\(name): \(user ?? "root")@\(host ?? "?"):\(port ?? Endpoint.defaultPort)"
    }

    /// The keys a section may hold, in the order they are written.
    public static let keys = ["host", "port", "user", "password", "database"]

    /// Whether `name` can be a section name: letters, digits, `-`, `_` and `.`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
    }
}

extension Endpoint {
    /// The port of a Doris FE's MySQL listener, and of `snapdeck serve`.
    public static let defaultPort = 9030
}
