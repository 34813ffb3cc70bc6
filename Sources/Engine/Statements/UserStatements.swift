import Catalog
import Essentials
import Foundation
import SQLSyntax

/// CREATE/ALTER/DROP USER, SET PASSWORD, GRANT, REVOKE and SHOW GRANTS.
struct UserStatements: StatementFamily {
    let services: ClusterServices

    func createUser(_ name: String, password: PasswordSpec?, ifNotExists: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        guard NameRules.problem(with: name) == nil, !name.contains("'"), !name.contains("@") else {
            throw SQLError.general("Invalid user name '\(NameRules.printable(name))'")
        }
        if c.catalog.users[name] != nil {
            if ifNotExists { return ResultSet() }
            throw SQLError(code: 1396, sqlState: "HY000", "Operation CREATE USER failed for '\(name)'@'%'")
        }
        let hash = try password.map { spec throws(SQLError) in try NativePassword.stored(spec) } ?? ""
        try write { tx in try tx.save(UserRecord(name: name, passwordHash: hash)) }
        return ResultSet()
    }

    /// `ALTER USER u IDENTIFIED BY ...` and `SET PASSWORD [FOR u] = ...`: anyone may change
    /// their own password, only an ADMIN someone else's. A new password clears the mark the
    /// move to native hashes left on an old one.
    /// `alter` picks the error for an unknown user: ALTER USER's or SET PASSWORD's, as MySQL.
    func changePassword(of name: String, to password: PasswordSpec, ifExists: Bool, alter: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        if name != c.user.name { try c.requireAdmin() }
        guard var user = c.catalog.users[name] else {
            if ifExists { return ResultSet() }
            if alter { throw SQLError(code: 1396, sqlState: "HY000", "Operation ALTER USER failed for '\(name)'@'%'") }
            throw SQLError(code: 1133, sqlState: "42000", "Can't find any matching row in the user table: '\(name)'@'%'")
        }
        user.passwordHash = try NativePassword.stored(password)
        user.passwordNeedsReset = false
        try write { tx in try tx.save(user) }
        logger.info("password of user \(name) changed by \(c.user.name)")
        return ResultSet()
    }

    func dropUser(_ name: String, ifExists: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        guard name != "root" else { throw SQLError.general("Can not drop user root") }
        guard c.catalog.users[name] != nil else {
            if ifExists { return ResultSet() }
            throw SQLError(code: 1396, sqlState: "HY000", "Operation DROP USER failed for '\(name)'@'%'")
        }
        try write { tx in try tx.deleteUser(name) }
        return ResultSet()
    }

    func changeGrants(_ privileges: [Privilege], _ target: GrantTarget, user name: String, grant: Bool, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        try c.requireAdmin()
        guard var user = c.catalog.users[name] else {
            throw SQLError(code: 1133, sqlState: "42000", "Can't find any matching row in the user table: '\(name)'@'%'")
        }
        guard name != "root" || grant else { throw SQLError.general("Can not revoke privileges of user root") }
        switch target {
        case .global:
            if grant { user.globalPrivileges.formUnion(privileges) } else { user.globalPrivileges.subtract(privileges) }
        case .database(let db):
            if privileges.contains(.admin) { throw SQLError.general("ADMIN_PRIV can only be granted on *.*.*") }
            guard c.catalog.database(named: db) != nil || !grant else { throw SQLError.unknownDatabase(db) }
            var set = user.databasePrivileges[db] ?? []
            if grant { set.formUnion(privileges) } else { set.subtract(privileges) }
            user.databasePrivileges[db] = set.isEmpty ? nil : set
        }
        try write { tx in try tx.save(user) }
        return ResultSet()
    }

    func showGrants(user name: String?, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let target = name ?? c.user.name
        if target != c.user.name { try c.requireAdmin() }
        guard let user = c.catalog.users[target] else {
            throw SQLError(code: 1141, sqlState: "42000", "There is no such grant defined for user '\(target)' on host '%'")
        }
        func list(_ set: Set<Privilege>) -> String { set.map(\.rawValue).sorted().joined(separator: ",") }
        let global = user.globalPrivileges.isEmpty ? nil : "internal.*.*: " + list(user.globalPrivileges)
        let databases = user.databasePrivileges.keys.sorted().map { "internal.\($0): " + list(user.databasePrivileges[$0]!) }
        return ResultSet(
            columns: ["UserIdentity", "Password", "GlobalPrivs", "DatabasePrivs"],
            rows: [["'\(user.name)'@'\(user.host)'", user.passwordHash.isEmpty ? "No" : "Yes", global,
                    databases.isEmpty ? nil : databases.joined(separator: "; ")]])
    }
}
