/// Repositories, BACKUP and RESTORE.
extension StatementParser {
    /// `CREATE [READ ONLY] REPOSITORY r WITH LOCAL|S3|HDFS|BROKER [name] ON LOCATION "loc"
    /// [PROPERTIES (...)]`
    mutating func createRepository() throws(SyntaxError) -> Statement {
        let readOnly = accept(sequence: ["READ", "ONLY"])
        try expect("REPOSITORY")
        let name = try identifier()
        try expect("WITH")
        let storage = try expectOne(of: ["LOCAL", "S3", "HDFS", "BROKER"])
        // Doris's grammar allows a name after every storage type; only a broker's name means
        // anything (for S3 and HDFS it defaults to the type name).
        let storageName = at("ON") ? nil : try identifier()
        try expect("ON", "LOCATION")
        let location = try stringLiteral()
        let kind: CreateRepository.Kind
        switch storage {
        case "LOCAL": kind = .local
        case "S3": kind = .s3
        case "HDFS": kind = .hdfs
        default: kind = .broker(name: storageName)
        }
        return .createRepository(
            CreateRepository(
                name: name, readOnly: readOnly, kind: kind, location: location,
                properties: try optionalProperties()))
    }

    /// `BACKUP SNAPSHOT [db.]label TO repo [ON|EXCLUDE (refs)] [PROPERTIES (...)]` and
    /// `RESTORE SNAPSHOT [db.]label FROM repo [ON|EXCLUDE (refs)] [PROPERTIES (...)]`
    mutating func backupOrRestore() throws(SyntaxError) -> Statement {
        let isBackup = at("BACKUP")
        advance()
        try expect("SNAPSHOT")
        let (database, label) = try qualifiedName()
        try expect(isBackup ? "TO" : "FROM")
        var job = BackupRestore(database: database, label: label, repository: try identifier())
        if accept("ON") {
            job.scope = .only(try tableReferences())
        } else if accept("EXCLUDE") {
            job.scope = .exclude(try tableReferences())
        }
        job.properties = try optionalProperties()
        return isBackup ? .backup(job) : .restore(job)
    }

    private mutating func tableReferences() throws(SyntaxError) -> [TableReference] {
        try parenthesized { parser throws(SyntaxError) in try parser.tableReference() }
    }

    /// `[db.]t [PARTITION (p, ...) | PARTITION p | PARTITIONS (p, ...)] [[AS] alias]`
    private mutating func tableReference() throws(SyntaxError) -> TableReference {
        let (database, name) = try qualifiedName()
        var reference = TableReference(database: database, name: name)
        // Doris parses TEMPORARY PARTITION only to reject it; the AST has no place for it.
        if at("TEMPORARY") { throw unexpected }
        if at("PARTITION") || at("PARTITIONS") { reference.partitions = try partitionNames() }
        if accept("AS") {
            reference.alias = try identifier()
        } else if atIdentifier {
            reference.alias = try identifier()
        }
        return reference
    }
}
