import FuzzSupport
import SQLSyntax
import Testing

@Suite struct DorisReferenceTests {
    @Test(arguments: DorisReferenceCorpus.statements)
    func parses(_ sql: String) {
        #expect(syntaxError(sql) == nil)
    }

    @Test func keepsThePropertiesOfAnHDFSRepository() throws {
        let sql = try #require(DorisReferenceCorpus.statements.first { $0.contains("hdfs_ha_repo") })
        let statement = try Parser.parse(sql)
        guard case .createRepository(let repository) = statement else {
            Issue.record("not a CREATE REPOSITORY: \(statement)")
            return
        }
        #expect(repository.kind == .hdfs)
        #expect(repository.location == "/path/to/repo/")
        #expect(repository.properties.count == 7)
        #expect(repository.properties.first == Property("fs.defaultFS", "hdfs://my_ha"))
    }

    @Test func keepsTheLabelPrefixAsTheDatabase() throws {
        let statement = try Parser.parse(
            "BACKUP SNAPSHOT example_db.exampledb_20241225 TO example_repo ON (example_tbl)")
        #expect(
            statement
                == .backup(
                    BackupRestore(
                        database: "example_db", label: "exampledb_20241225", repository: "example_repo",
                        scope: .only([TableReference(name: "example_tbl")]))))
    }
}
