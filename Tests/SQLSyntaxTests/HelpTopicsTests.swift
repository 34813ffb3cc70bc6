import SQLSyntax
import Testing

@Suite struct HelpTopicsTests {
    static let families = [
        "CREATE DATABASE", "DROP DATABASE", "USE", "SHOW DATABASES", "SHOW TABLES", "CREATE TABLE",
        "ALTER TABLE", "DROP TABLE", "TRUNCATE TABLE", "SHOW CREATE TABLE", "DESCRIBE",
        "SHOW PARTITIONS", "SHOW TABLETS", "SHOW BACKENDS", "INSERT", "LOAD DATA", "SELECT",
        "CHECKSUM TABLE", "CREATE USER", "DROP USER", "GRANT", "REVOKE", "SHOW GRANTS",
        "SET", "SHOW VARIABLES", "SET PASSWORD", "ALTER USER", "ADMIN SET FRONTEND CONFIG",
        "ADMIN SHOW FRONTEND CONFIG", "HELP", "CREATE REPOSITORY",
        "DROP REPOSITORY", "SHOW REPOSITORIES", "SHOW CREATE REPOSITORY", "BACKUP", "RESTORE",
        "SHOW BACKUP", "SHOW RESTORE", "SHOW SNAPSHOT", "CANCEL BACKUP", "CANCEL RESTORE",
        "SHOW BROKER", "DROP SNAPSHOT", "ADMIN CHECK SNAPSHOT", "CREATE JOB", "PAUSE JOB", "RESUME JOB",
        "DROP JOB", "EXECUTE JOB", "JOBS",
    ]

    @Test func everyStatementFamilyHasATopic() {
        #expect(Set(HelpTopics.topics) == Set(Self.families + ["CONTENTS"]))
        #expect(HelpTopics.topics.count == Self.families.count + 1)
    }

    @Test(arguments: families)
    func topicTextHasSyntaxDescriptionAndAParsableExample(topic: String) throws {
        let text = try #require(HelpTopics.text(for: topic))
        #expect(text.hasPrefix("Name: '\(topic)'\n"))
        #expect(text.contains("Syntax:\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let examplesLine = try #require(lines.firstIndex(of: "Examples:"))
        // The description is the paragraph just before "Examples:", wrapped for a terminal.
        let description = lines[..<(examplesLine - 1)].reversed().prefix { !$0.isEmpty }
        #expect(!description.isEmpty)
        #expect(description.allSatisfy { $0.count <= 80 })
        let example = lines[(examplesLine + 1)...].joined(separator: "\n")
        let (statements, remainder) = ScriptSplitter.split(example)
        #expect(!statements.isEmpty)
        #expect(remainder.allSatisfy { $0.isWhitespace })
        for statement in statements {
            #expect(syntaxError(statement.text) == nil, "example of \(topic): \(statement.text)")
        }
    }

    @Test func lookupIsTolerant() {
        let createTable = HelpTopics.text(for: "CREATE TABLE")
        #expect(createTable != nil)
        #expect(HelpTopics.text(for: "create table") == createTable)
        #expect(HelpTopics.text(for: "  Create    TABLE ;") == createTable)
        #expect(HelpTopics.text(for: "'create table'") == createTable)
        #expect(HelpTopics.text(for: "\"create\ttable\"") == createTable)
        #expect(HelpTopics.text(for: "desc") == HelpTopics.text(for: "DESCRIBE"))
        #expect(HelpTopics.text(for: "show tablet") == HelpTopics.text(for: "SHOW TABLETS"))
        #expect(HelpTopics.text(for: "backup snapshot") == HelpTopics.text(for: "BACKUP"))
        #expect(HelpTopics.text(for: "show brief restore") == HelpTopics.text(for: "SHOW RESTORE"))
        #expect(HelpTopics.text(for: "tasks()") == HelpTopics.text(for: "JOBS"))
    }

    @Test func unknownTopicsHaveNoText() {
        #expect(HelpTopics.text(for: "nonsense") == nil)
        #expect(HelpTopics.text(for: "create") == nil)
        #expect(HelpTopics.text(for: "create table t") == nil)
    }

    @Test func contentsListsEveryTopic() throws {
        let contents = try #require(HelpTopics.text(for: "contents"))
        #expect(HelpTopics.text(for: "") == contents)
        #expect(HelpTopics.text(for: "CONTENTS;") == contents)
        for topic in Self.families {
            #expect(contents.contains("\n   \(topic)\n"))
        }
    }

    @Test func helpStatementTopicsResolve() throws {
        for sql in ["HELP create table", "help 'show snapshot'", "HELP", "HELP  admin  check snapshot"] {
            guard case .help(let topic) = try Parser.parse(sql) else {
                Issue.record("not HELP: \(sql)")
                continue
            }
            #expect(HelpTopics.text(for: topic) != nil, "\(sql)")
        }
    }
}
