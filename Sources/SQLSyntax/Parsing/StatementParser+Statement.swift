/// Dispatch on the leading keywords of a statement.
extension StatementParser {
    mutating func statement() throws(SyntaxError) -> Statement {
        guard let keyword = current.keyword else { throw unexpected }
        switch keyword {
        case "CREATE": return try createStatement()
        case "DROP": return try dropStatement()
        case "SHOW": return try showStatement()
        case "ALTER": return peek().isKeyword("USER") ? try alterUser() : try alterTable()
        case "SET": return try setStatement()
        case "USE":
            advance()
            return .use(database: try identifier())
        case "TRUNCATE": return try truncateTable()
        case "DESC", "DESCRIBE":
            advance()
            return .describe(try tableName())
        case "INSERT": return try insert()
        case "LOAD": return try loadData()
        case "SELECT": return try select()
        case "WITH": throw unsupported("WITH (a common table expression)")
        case "CHECKSUM": return try checksumTable()
        case "GRANT": return try grantOrRevoke()
        case "REVOKE": return try grantOrRevoke()
        case "ADMIN": return try adminStatement()
        case "HELP": return try help()
        case "BACKUP": return try backupOrRestore()
        case "RESTORE": return try backupOrRestore()
        case "CANCEL": return try cancelJob()
        case "PAUSE", "RESUME", "EXECUTE": return try jobStatusChange()
        default: throw unexpected
        }
    }

    private mutating func createStatement() throws(SyntaxError) -> Statement {
        advance()
        if at("DATABASE") || at("SCHEMA") { return try createDatabase() }
        if at("TABLE") { return try createTable() }
        if at("USER") { return try createUser() }
        if at("READ") || at("REPOSITORY") { return try createRepository() }
        if at("JOB") { return try createJob() }
        throw unexpected
    }

    private mutating func dropStatement() throws(SyntaxError) -> Statement {
        advance()
        if at("DATABASE") || at("SCHEMA") { return try dropDatabase() }
        if at("TABLE") { return try dropTable() }
        if at("USER") { return try dropUser() }
        if accept("REPOSITORY") { return .dropRepository(name: try identifier()) }
        if at("SNAPSHOT") { return try dropSnapshot() }
        if at("JOB") { return try dropJob() }
        throw unexpected
    }

    private mutating func showStatement() throws(SyntaxError) -> Statement {
        advance()
        guard let keyword = current.keyword else { throw unexpected }
        switch keyword {
        case "DATABASES", "SCHEMAS":
            advance()
            return .showDatabases(like: try optionalLike())
        case "TABLES":
            advance()
            let database = try optionalDatabaseClause()
            return .showTables(database: database, like: try optionalLike())
        case "CREATE": return try showCreate()
        case "PARTITIONS":
            advance()
            try expect("FROM")
            return .showPartitions(try tableName())
        case "TABLET", "TABLETS":
            advance()
            try expect("FROM")
            return .showTablets(try tableName())
        case "BACKENDS":
            advance()
            return .showBackends
        case "GRANTS", "ALL": return try showGrants()
        case "REPOSITORIES":
            advance()
            return .showRepositories
        case "BROKER":
            advance()
            return .showBroker
        case "SNAPSHOT": return try showSnapshot()
        case "FULL", "BRIEF", "BACKUP", "RESTORE": return try showJobs()
        case "VARIABLES", "GLOBAL", "SESSION", "LOCAL": return try showVariables()
        default: throw unexpected
        }
    }

    private mutating func showCreate() throws(SyntaxError) -> Statement {
        advance()
        if accept("TABLE") { return .showCreateTable(try tableName()) }
        try expect("REPOSITORY", "FOR")
        return .showCreateRepository(name: try identifier())
    }

    private mutating func adminStatement() throws(SyntaxError) -> Statement {
        advance()
        if at("SET") { return try adminSetConfig() }
        if at("SHOW") { return try adminShowConfig() }
        if at("CHECK") { return try adminCheckSnapshot() }
        throw unexpected
    }
}
