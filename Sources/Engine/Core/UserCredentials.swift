/// What a MySQL-protocol server needs to check a login: whether the user exists and the
/// password hash the client's scramble must match.
public enum UserCredentials: Sendable, Equatable {
    /// No such user: refuse the login with ERR 1045.
    case unknownUser
    /// The user has no password: only an empty auth response logs in.
    case noPassword
    /// SHA1(SHA1(password)), 20 bytes: `mysql_native_password` checks a scramble against it.
    case nativeHash([UInt8])
    /// The stored password cannot be checked (an older SnapDeck kept it as SHA-256); the
    /// message says what an ADMIN must do, for the server to send the client.
    case needsReset(String)
}

extension Cluster {
    /// The credentials of `user` as the catalog holds them now. Users are identified by name
    /// alone: every user's host is `%`.
    public func credentials(forUser name: String) -> UserCredentials {
        guard let user = catalog.users[name] else { return .unknownUser }
        guard !user.passwordNeedsReset else { return .needsReset(Self.resetMessage(name)) }
        if user.passwordHash.isEmpty { return .noPassword }
        // A catalog only holds hashes SET PASSWORD checked; anything else cannot be verified.
        guard let digest = NativePassword.digest(of: user.passwordHash) else { return .needsReset(Self.resetMessage(name)) }
        return .nativeHash(digest)
    }

    private static func resetMessage(_ name: String) -> String {
        "The password of user '\(name)' was stored by an older SnapDeck in a form MySQL clients cannot log in with. "
            + "An ADMIN must set it again: SET PASSWORD FOR '\(name)'@'%' = PASSWORD('...') "
            + "or ALTER USER '\(name)'@'%' IDENTIFIED BY '...'"
    }
}
