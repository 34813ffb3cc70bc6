import Foundation
import Testing

/// `snapdeck sql -e` takes the next argument as SQL whatever it starts with: a script that
/// opens with a `--` comment was a usage error (exit 2) because it looked like an option.
@Suite(.serialized) struct ExecuteOptionTests {
    @Test func scriptsThatStartWithACommentRun() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let create = try SnapDeckProcess.run(["sql", "--data", dir, "-e", "-- a new database\nCREATE DATABASE d"])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stdout.contains("Query OK"))
        let show = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "--execute", "--\nSHOW DATABASES;"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout == "Database\nd\n")
        // What follows the value is still read as options.
        let vertical = try SnapDeckProcess.run(["sql", "-e", "-- x\nSHOW DATABASES", "--data", dir, "--format", "vertical"])
        #expect(vertical.status == 0, "\(vertical.stderr)")
        #expect(vertical.stdout.hasPrefix("*************************** 1. row ***************************\nDatabase: d\n"))
    }

    /// `--force` is not a comment (`--` needs a space after it), so it is a syntax error; the
    /// runner used to skip it as blank and report success.
    @Test func aValueThatLooksLikeAnOptionIsSQL() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try SnapDeckProcess.run(["sql", "--data", dir, "-e", "--force"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("ERROR 1064 (42000): You have an error in your SQL syntax"), "\(result.stderr)")
    }
}
