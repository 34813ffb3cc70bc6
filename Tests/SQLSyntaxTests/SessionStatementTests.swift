import FuzzSupport
import SQLSyntax
import Testing

/// What MySQL clients send right after connecting, and the password statements.
enum SessionCases {
    static func item(_ expression: SelectExpression, _ name: String) -> ValueSelect.Item {
        ValueSelect.Item(expression, name: name)
    }

    static func variable(_ name: String, _ scope: VariableScope = .session) -> SelectExpression {
        .variable(name: name, scope: scope)
    }

    static let all: [ParseCase] = [
        ParseCase(ClientCorpus.connectorJOpening, .selectValues(ValueSelect(items: ClientCorpus.connectorJVariables.map { item(variable($0), $0) }))),
        ParseCase("SELECT @@version_comment LIMIT 1",
                  .selectValues(ValueSelect(items: [item(variable("version_comment"), "@@version_comment")], limit: 1))),
        ParseCase("select @@version_comment limit 1",
                  .selectValues(ValueSelect(items: [item(variable("version_comment"), "@@version_comment")], limit: 1))),
        ParseCase("SELECT @@VERSION_comment /* asked */ LIMIT 1;",
                  .selectValues(ValueSelect(items: [item(variable("VERSION_comment"), "@@VERSION_comment")], limit: 1))),
        ParseCase("SELECT @@global.wait_timeout, @@local.wait_timeout, @@SESSION.sql_mode",
                  .selectValues(ValueSelect(items: [
                      item(variable("wait_timeout", .global), "@@global.wait_timeout"),
                      item(variable("wait_timeout"), "@@local.wait_timeout"),
                      item(variable("sql_mode"), "@@SESSION.sql_mode"),
                  ]))),
        ParseCase("SELECT 1", .selectValues(ValueSelect(items: [item(.literal(.number("1")), "1")]))),
        ParseCase("SELECT 1 FROM DUAL LIMIT 0", .selectValues(ValueSelect(items: [item(.literal(.number("1")), "1")], limit: 0))),
        ParseCase("SELECT -2, 1.50 x, 'text', NULL, TRUE AS t, 'a' AS 'b'",
                  .selectValues(ValueSelect(items: [
                      item(.literal(.number("-2")), "-2"), item(.literal(.number("1.50")), "x"),
                      item(.literal(.string("text")), "text"), item(.literal(.null), "NULL"),
                      item(.literal(.boolean(true)), "t"), item(.literal(.string("a")), "b"),
                  ]))),
        ParseCase("SELECT DATABASE()", .selectValues(ValueSelect(items: [item(.function("DATABASE"), "DATABASE()")]))),
        ParseCase("select database()", .selectValues(ValueSelect(items: [item(.function("DATABASE"), "database()")]))),
        ParseCase("SELECT SCHEMA(), USER(), CURRENT_USER(), CURRENT_USER, VERSION(), CONNECTION_ID() AS id",
                  .selectValues(ValueSelect(items: [
                      item(.function("SCHEMA"), "SCHEMA()"), item(.function("USER"), "USER()"),
                      item(.function("CURRENT_USER"), "CURRENT_USER()"), item(.function("CURRENT_USER"), "CURRENT_USER"),
                      item(.function("VERSION"), "VERSION()"), item(.function("CONNECTION_ID"), "id"),
                  ]))),
        ParseCase("SELECT NOW()", .selectValues(ValueSelect(items: [item(.function("NOW"), "NOW()")]))),
        ParseCase("SELECT 1 LIMIT 2, 1", .selectValues(ValueSelect(items: [item(.literal(.number("1")), "1")], limit: 1, offset: 2))),
        ParseCase("SET NAMES utf8mb4", .setNames(charset: "utf8mb4", collation: nil)),
        ParseCase("SET NAMES 'utf8mb4' COLLATE 'utf8mb4_general_ci'", .setNames(charset: "utf8mb4", collation: "utf8mb4_general_ci")),
        ParseCase("set names DEFAULT collate DEFAULT", .setNames(charset: nil, collation: nil)),
        ParseCase("SET autocommit=1", .setVariables([VariableAssignment("autocommit", .literal(.number("1")))])),
        ParseCase("SET AUTOCOMMIT = 0", .setVariables([VariableAssignment("AUTOCOMMIT", .literal(.number("0")))])),
        ParseCase("SET @@session.autocommit = OFF", .setVariables([VariableAssignment("autocommit", .word("OFF"))])),
        ParseCase("SET character_set_results = NULL", .setVariables([VariableAssignment("character_set_results", .literal(.null))])),
        ParseCase("SET sql_mode = 'STRICT_TRANS_TABLES'",
                  .setVariables([VariableAssignment("sql_mode", .literal(.string("STRICT_TRANS_TABLES")))])),
        ParseCase("SET SESSION wait_timeout = 600, GLOBAL sql_mode = '', LOCAL time_zone := '+08:00'",
                  .setVariables([
                      VariableAssignment("wait_timeout", .literal(.number("600"))),
                      VariableAssignment("sql_mode", scope: .global, .literal(.string(""))),
                      VariableAssignment("time_zone", .literal(.string("+08:00"))),
                  ])),
        ParseCase("SET @@global.max_allowed_packet = 1024, @@wait_timeout = DEFAULT",
                  .setVariables([
                      VariableAssignment("max_allowed_packet", scope: .global, .literal(.number("1024"))),
                      VariableAssignment("wait_timeout", .default),
                  ])),
        ParseCase("SET GLOBAL interactive_timeout = -1", .setVariables([VariableAssignment("interactive_timeout", scope: .global, .literal(.number("-1")))])),
        ParseCase("SHOW VARIABLES", .showVariables(scope: .session, filter: [])),
        ParseCase("SHOW GLOBAL VARIABLES LIKE 'wait%'",
                  .showVariables(scope: .global, filter: [.like(column: "Variable_name", pattern: "wait%", negated: false)])),
        ParseCase("show local variables where Variable_name = 'sql_mode'",
                  .showVariables(scope: .session, filter: [.compare(column: "Variable_name", op: .equal, value: .string("sql_mode"))])),
        ParseCase("SHOW SESSION VARIABLES", .showVariables(scope: .session, filter: [])),
        ParseCase("CREATE USER u IDENTIFIED BY PASSWORD '*14E65567ABDB5135D0CFD9A70B3032C179A49EE7'",
                  .createUser(user: "u", host: "%", password: .hashed("*14E65567ABDB5135D0CFD9A70B3032C179A49EE7"), ifNotExists: false)),
        ParseCase("ALTER USER 'u'@'%' IDENTIFIED BY 'pw'", .alterUser(user: "u", host: "%", password: .plain("pw"), ifExists: false)),
        ParseCase("alter user if exists u@h identified by password ''", .alterUser(user: "u", host: "h", password: .hashed(""), ifExists: true)),
        ParseCase("SET PASSWORD = PASSWORD('pw')", .setPassword(user: nil, host: nil, password: .plain("pw"))),
        ParseCase("SET PASSWORD FOR 'u'@'h' = PASSWORD('pw')", .setPassword(user: "u", host: "h", password: .plain("pw"))),
        ParseCase("set password for u = '*14E65567ABDB5135D0CFD9A70B3032C179A49EE7'",
                  .setPassword(user: "u", host: "%", password: .hashed("*14E65567ABDB5135D0CFD9A70B3032C179A49EE7"))),
    ]
}

@Suite struct SessionStatementTests {
    @Test(arguments: SessionCases.all)
    func parses(_ testCase: ParseCase) throws {
        #expect(try Parser.parse(testCase.sql) == testCase.expected)
    }

    /// A FROM that names a table (anything but DUAL) keeps the SELECT a table query.
    @Test func selectsFromATableStayTableQueries() throws {
        #expect(try Parser.parse("SELECT COUNT(*) FROM t LIMIT 1") == .select(Select(items: [.countStar], table: TableName(name: "t"), limit: 1)))
        #expect(try Parser.parse("SELECT a FROM dual_table") == .select(Select(items: [.column("a")], table: TableName(name: "dual_table"))))
        #expect(try Parser.parse("SELECT @@x FROM t") == .select(Select(items: [.expression(.variable(name: "x", scope: .session), alias: nil)], table: TableName(name: "t"))))
    }

    @Test(arguments: [
        ("SELECT 1 +", ""), ("SELECT NOW(1", ""), ("SELECT @x", "@x"), ("SELECT @ @x", "@ @x"),
        ("SELECT @@ x", "@@ x"), ("SELECT foo bar baz", "baz"), ("SELECT 1,", ""), ("SELECT 1 FROM DUAL WHERE 1", "WHERE 1"),
        ("SELECT @@global .x", ".x"), ("SELECT 1 LIMIT", ""), ("SET @x = 1", "@x = 1"), ("SET NAMES", ""),
        ("SET x", ""), ("SET x =", ""), ("SET x : = 1", ": = 1"), ("SET x = (1)", "(1)"),
        ("SET PASSWORD PASSWORD('x')", "PASSWORD('x')"), ("SET PASSWORD = PASSWORD(x)", "x)"), ("SET PASSWORD = x", "x"),
        ("SHOW VARIABLE", "VARIABLE"), ("SHOW GLOBAL", ""), ("ALTER USER u", ""), ("ALTER USER u IDENTIFIED BY pw", "pw"),
        ("CREATE USER u IDENTIFIED BY PASSWORD", ""),
    ])
    func rejects(_ sql: String, near: String) {
        #expect(syntaxError(sql)?.near == near, "\(sql)")
    }
}
