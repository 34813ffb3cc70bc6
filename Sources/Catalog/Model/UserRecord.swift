import SQLSyntax

/// A user and its privileges. `root` is built in and has ADMIN.
public struct UserRecord: Sendable, Codable, Equatable {
    public var name: String
    public var host: String
    /// SHA-256 hex of the password, or empty for none.
    public var passwordHash: String
    public var globalPrivileges: Set<Privilege>
    public var databasePrivileges: [String: Set<Privilege>]
    public init(
        name: String, host: String = "%", passwordHash: String = "",
        globalPrivileges: Set<Privilege> = [], databasePrivileges: [String: Set<Privilege>] = [:]
    ) {
        self.name = name
        self.host = host
        self.passwordHash = passwordHash
        self.globalPrivileges = globalPrivileges
        self.databasePrivileges = databasePrivileges
    }

    public var isAdmin: Bool { globalPrivileges.contains(.admin) }

    /// Whether the user holds `privilege` on `database` (ADMIN implies everything, a global
    /// grant covers every database).
    public func has(_ privilege: Privilege, on database: String) -> Bool {
        isAdmin || globalPrivileges.contains(privilege)
            || databasePrivileges[database]?.contains(privilege) == true
    }

    /// Whether the user may see the database at all.
    public func canSee(database: String) -> Bool {
        isAdmin || !globalPrivileges.isEmpty || !(databasePrivileges[database]?.isEmpty ?? true)
    }
}
