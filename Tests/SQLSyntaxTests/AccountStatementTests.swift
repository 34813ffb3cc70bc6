import SQLSyntax
import Testing

enum AccountCases {
    static let all: [ParseCase] = [
        ParseCase(
            "CREATE USER 'jack'@'%' IDENTIFIED BY '123456'",
            .createUser(user: "jack", host: "%", password: .plain("123456"), ifNotExists: false)),
        ParseCase(
            "CREATE USER IF NOT EXISTS jack@localhost",
            .createUser(user: "jack", host: "localhost", password: nil, ifNotExists: true)),
        ParseCase(
            "CREATE USER \"ops\"", .createUser(user: "ops", host: "%", password: nil, ifNotExists: false)),
        ParseCase(
            "create user `运维` identified by 'p@ss'",
            .createUser(user: "运维", host: "%", password: .plain("p@ss"), ifNotExists: false)),
        ParseCase(
            "CREATE USER 'u'@'192.168.%'",
            .createUser(user: "u", host: "192.168.%", password: nil, ifNotExists: false)),
        ParseCase("DROP USER 'jack'", .dropUser(user: "jack", host: "%", ifExists: false)),
        ParseCase("DROP USER IF EXISTS 'jack'@'h'", .dropUser(user: "jack", host: "h", ifExists: true)),
        ParseCase(
            "GRANT ADMIN_PRIV ON *.*.* TO 'u'",
            .grant(privileges: [.admin], target: .global, user: "u", host: "%")),
        ParseCase(
            "GRANT admin_priv ON *.* TO 'u'@'%'",
            .grant(privileges: [.admin], target: .global, user: "u", host: "%")),
        ParseCase(
            "GRANT LOAD_PRIV, Select_Priv ON example_db.* TO u@'h'",
            .grant(privileges: [.load, .select], target: .database("example_db"), user: "u", host: "h")),
        ParseCase(
            "GRANT LOAD_PRIV ON internal.example_db.* TO 'u'",
            .grant(privileges: [.load], target: .database("example_db"), user: "u", host: "%")),
        ParseCase(
            "GRANT SELECT_PRIV ON internal.*.* TO 'u'",
            .grant(privileges: [.select], target: .global, user: "u", host: "%")),
        ParseCase(
            "GRANT SELECT_PRIV ON `my db`.* TO 'u'",
            .grant(privileges: [.select], target: .database("my db"), user: "u", host: "%")),
        ParseCase(
            "REVOKE LOAD_PRIV ON d.* FROM 'u'@'%'",
            .revoke(privileges: [.load], target: .database("d"), user: "u", host: "%")),
        ParseCase(
            "REVOKE ADMIN_PRIV, LOAD_PRIV ON *.*.* FROM u",
            .revoke(privileges: [.admin, .load], target: .global, user: "u", host: "%")),
        ParseCase("SHOW GRANTS", .showGrants(user: nil, host: nil)),
        ParseCase("SHOW ALL GRANTS", .showGrants(user: nil, host: nil)),
        ParseCase("SHOW GRANTS FOR 'u'@'h'", .showGrants(user: "u", host: "h")),
        ParseCase("SHOW GRANTS FOR u", .showGrants(user: "u", host: "%")),
        ParseCase(
            "ADMIN SET FRONTEND CONFIG (\"max_backup_restore_job_num_per_db\" = \"20\")",
            .adminSetConfig([Property("max_backup_restore_job_num_per_db", "20")])),
        ParseCase(
            "ADMIN SET ALL FRONTENDS CONFIG ('a' = 'b', \"c\" = 5, fault = true)",
            .adminSetConfig([Property("a", "b"), Property("c", "5"), Property("fault", "true")])),
        ParseCase("ADMIN SHOW FRONTEND CONFIG", .adminShowConfig(like: nil)),
        ParseCase("admin show frontend config like '%backup%'", .adminShowConfig(like: "%backup%")),
        ParseCase("HELP create table", .help(topic: "create table")),
        ParseCase("HELP   SHOW   BACKUP  ;", .help(topic: "SHOW   BACKUP")),
        ParseCase("HELP 'create repository'", .help(topic: "create repository")),
        ParseCase("help contents\\G", .help(topic: "contents")),
        ParseCase("HELP", .help(topic: "")),
        ParseCase("HELP select -- what is this\n", .help(topic: "select")),
    ]
}

@Suite struct AccountStatementTests {
    @Test(arguments: AccountCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    @Test(arguments: [
        "CREATE USER", "CREATE USER 'u'@", "CREATE USER 'u' IDENTIFIED 'pw'",
        "CREATE USER 'u' IDENTIFIED BY pw", "DROP USER", "GRANT ON *.* TO u",
        "GRANT ALTER_PRIV ON *.* TO u", "GRANT ALL ON *.* TO u", "GRANT LOAD_PRIV ON d TO u",
        "GRANT LOAD_PRIV ON d.t TO u", "GRANT LOAD_PRIV ON *.d.* TO u",
        "GRANT LOAD_PRIV ON hive.d.* TO u", "GRANT LOAD_PRIV ON d.* u", "GRANT LOAD_PRIV ON d.* FROM u",
        "REVOKE LOAD_PRIV ON d.* TO u", "SHOW GRANTS FOR", "SHOW ALL", "ADMIN SET FRONTEND CONFIG",
        "ADMIN SET FRONTEND CONFIG ()", "ADMIN SET ALL FRONTEND CONFIG ('a'='b')",
        "ADMIN SHOW CONFIG", "ADMIN", "HELP 'unterminated",
    ])
    func rejects(_ sql: String) {
        #expect(syntaxError(sql) != nil)
    }
}
