import SQLSyntax

/// A user and its privileges. `root` is built in and has ADMIN.
public struct UserRecord: Sendable, Codable, Equatable {
    public var name: String
    public var host: String
    /// The password as MySQL's `mysql_native_password` stores it — `*` and 40 upper-case hex
    /// digits of SHA1(SHA1(password)) — or empty for none. Catalogs written before SnapDeck
    /// spoke the MySQL protocol hold SHA-256 hex here (see `passwordNeedsReset`).
    public var passwordHash: String
    /// Set when `passwordHash` is in a form no MySQL client can log in with (the old SHA-256):
    /// an ADMIN must give the user a new password first.
    public var passwordNeedsReset: Bool
    public var globalPrivileges: Set<Privilege>
    public var databasePrivileges: [String: Set<Privilege>]
    public init(
        name: String, host: String = "%", passwordHash: String = "", passwordNeedsReset: Bool = false,
        globalPrivileges: Set<Privilege> = [], databasePrivileges: [String: Set<Privilege>] = [:]
    ) {
        self.name = name
        self.host = host
        self.passwordHash = passwordHash
        self.passwordNeedsReset = passwordNeedsReset
        self.globalPrivileges = globalPrivileges
        self.databasePrivileges = databasePrivileges
    }

    /// Reads a record; one from a catalog that was never migrated to the native hashes (opened
    /// read-only on a full disk) has no `passwordNeedsReset` yet, and gets it from its hash.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        host = try container.decode(String.self, forKey: .host)
        passwordHash = try container.decode(String.self, forKey: .passwordHash)
        passwordNeedsReset = try container.decodeIfPresent(Bool.self, forKey: .passwordNeedsReset)
            ?? Self.isLegacyHash(passwordHash)
        globalPrivileges = try container.decode(Set<Privilege>.self, forKey: .globalPrivileges)
        databasePrivileges = try container.decode([String: Set<Privilege>].self, forKey: .databasePrivileges)
    }

    /// Whether a stored hash is the SHA-256 hex (64 lower-case hex digits) that SnapDeck kept
    /// before it stored MySQL's native hashes.
    public static func isLegacyHash(_ hash: String) -> Bool {
        hash.utf8.count == 64 && hash.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
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
