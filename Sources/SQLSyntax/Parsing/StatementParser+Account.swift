/// Users and privileges, frontend configuration, HELP.
extension StatementParser {
    /// `'user'[@'host']`; either part may be a bare or backquoted identifier, the host defaults
    /// to `%` (any host), as in MySQL.
    private mutating func userIdentity() throws(SyntaxError) -> (user: String, host: String) {
        let user = try userOrHostName()
        let host = acceptSymbol("@") ? try userOrHostName() : "%"
        return (user, host)
    }

    private mutating func userOrHostName() throws(SyntaxError) -> String {
        if case .string(let text) = current.kind {
            advance()
            return text
        }
        return try identifier()
    }

    /// `CREATE USER [IF NOT EXISTS] user [IDENTIFIED BY [PASSWORD] 'pw']`
    mutating func createUser() throws(SyntaxError) -> Statement {
        try expect("USER")
        let ifNotExists = acceptIfNotExists()
        let (user, host) = try userIdentity()
        let password = at("IDENTIFIED") ? try identifiedBy() : nil
        return .createUser(user: user, host: host, password: password, ifNotExists: ifNotExists)
    }

    /// `ALTER USER [IF EXISTS] user IDENTIFIED BY [PASSWORD] 'pw'`
    mutating func alterUser() throws(SyntaxError) -> Statement {
        try expect("ALTER", "USER")
        let ifExists = acceptIfExists()
        let (user, host) = try userIdentity()
        return .alterUser(user: user, host: host, password: try identifiedBy(), ifExists: ifExists)
    }

    /// `SET PASSWORD [FOR user] = {PASSWORD('pw') | 'hash'}`, Doris's two forms: a bare string
    /// is the hash MySQL stores (`*` and 40 hex digits), not a password in clear.
    mutating func setPassword() throws(SyntaxError) -> Statement {
        try expect("PASSWORD")
        var identity: (user: String, host: String)?
        if accept("FOR") { identity = try userIdentity() }
        try expectSymbol("=")
        let password: PasswordSpec
        if at("PASSWORD"), peek().isSymbol("(") {
            advance()
            advance()
            password = .plain(try stringLiteral())
            try expectSymbol(")")
        } else {
            password = .hashed(try stringLiteral())
        }
        return .setPassword(user: identity?.user, host: identity?.host, password: password)
    }

    /// `IDENTIFIED BY 'pw'` (in clear) or `IDENTIFIED BY PASSWORD 'hash'` (already hashed).
    private mutating func identifiedBy() throws(SyntaxError) -> PasswordSpec {
        try expect("IDENTIFIED", "BY")
        if accept("PASSWORD") { return .hashed(try stringLiteral()) }
        return .plain(try stringLiteral())
    }

    /// `DROP USER [IF EXISTS] user`
    mutating func dropUser() throws(SyntaxError) -> Statement {
        try expect("USER")
        let ifExists = acceptIfExists()
        let (user, host) = try userIdentity()
        return .dropUser(user: user, host: host, ifExists: ifExists)
    }

    /// `GRANT privs ON target TO user` / `REVOKE privs ON target FROM user`
    mutating func grantOrRevoke() throws(SyntaxError) -> Statement {
        let isGrant = at("GRANT")
        advance()
        let privileges = try commaSeparated { parser throws(SyntaxError) in try parser.privilege() }
        try expect("ON")
        let target = try grantTarget()
        try expect(isGrant ? "TO" : "FROM")
        let (user, host) = try userIdentity()
        return isGrant
            ? .grant(privileges: privileges, target: target, user: user, host: host)
            : .revoke(privileges: privileges, target: target, user: user, host: host)
    }

    private mutating func privilege() throws(SyntaxError) -> Privilege {
        guard let privilege = Privilege(rawValue: current.keyword ?? "") else { throw unexpected }
        advance()
        return privilege
    }

    /// `*.*.*` or `*.*` (global), `d.*` or `internal.d.*` (one database). SnapDeck has only the
    /// internal catalog, and no table-level privileges.
    private mutating func grantTarget() throws(SyntaxError) -> GrantTarget {
        let hasCatalog = peek().isSymbol(".") && peek(3).isSymbol(".")
        if hasCatalog {
            let anyCatalog = current.isSymbol("*")
            guard anyCatalog || current.isKeyword("INTERNAL") else { throw unexpected }
            advance()
            try expectSymbol(".")
            // `*.d.*` names a database in every catalog, which means nothing here.
            if anyCatalog, !current.isSymbol("*") { throw unexpected }
        }
        if acceptSymbol("*") {
            try expectSymbol(".")
            try expectSymbol("*")
            return .global
        }
        let database = try identifier()
        try expectSymbol(".")
        try expectSymbol("*")
        return .database(database)
    }

    /// `SHOW GRANTS [FOR user]` or `SHOW ALL GRANTS` (every user: `user` nil).
    mutating func showGrants() throws(SyntaxError) -> Statement {
        if accept("ALL") {
            try expect("GRANTS")
            return .showGrants(user: nil, host: nil)
        }
        try expect("GRANTS")
        guard accept("FOR") else { return .showGrants(user: nil, host: nil) }
        let (user, host) = try userIdentity()
        return .showGrants(user: user, host: host)
    }

    /// `ADMIN SET [ALL] FRONTEND[S] CONFIG ("k" = "v", ...)`
    mutating func adminSetConfig() throws(SyntaxError) -> Statement {
        try expect("SET")
        if accept("ALL") {
            try expect("FRONTENDS")
        } else {
            try expect("FRONTEND")
        }
        try expect("CONFIG")
        return .adminSetConfig(try propertyList())
    }

    /// `ADMIN SHOW FRONTEND CONFIG [LIKE 'p']`
    mutating func adminShowConfig() throws(SyntaxError) -> Statement {
        try expect("SHOW", "FRONTEND", "CONFIG")
        return .adminShowConfig(like: try optionalLike())
    }

    /// `HELP topic words` (the rest of the statement, trimmed) or `HELP 'topic'`; a bare `HELP`
    /// has the empty topic.
    mutating func help() throws(SyntaxError) -> Statement {
        try expect("HELP")
        if case .string(let topic) = current.kind, peek().isTerminator || peek().kind == .end {
            advance()
            return .help(topic: topic)
        }
        let start = min(current.start, statementEnd)
        skipToStatementEnd()
        let words = String(String.UnicodeScalarView(source[start..<max(start, statementEnd)]))
        return .help(topic: words)
    }
}
