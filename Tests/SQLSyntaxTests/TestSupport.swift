import FuzzSupport
import SQLSyntax
import Testing

/// One statement text and the AST it must parse to.
struct ParseCase: Sendable, CustomTestStringConvertible {
    let sql: String
    let expected: Statement

    init(_ sql: String, _ expected: Statement) {
        self.sql = sql
        self.expected = expected
    }

    var testDescription: String { sql }
}

/// The outcome of a parse as a comparable value.
func parseResult(_ sql: String) -> Result<Statement, SyntaxError> {
    do throws(SyntaxError) {
        return .success(try Parser.parse(sql))
    } catch {
        return .failure(error)
    }
}

/// The syntax error a statement must produce, or nil if it parsed.
func syntaxError(_ sql: String) -> SyntaxError? {
    if case .failure(let error) = parseResult(sql) { return error }
    return nil
}

/// Every valid statement used by the unit tests; the fuzz test mutates them.
enum ValidCorpus {
    static var statements: [String] {
        DatabaseCases.all.map(\.sql) + CreateTableCases.all.map(\.sql)
            + AlterTableCases.all.map(\.sql) + QueryCases.all.map(\.sql) + SelectExpressionCases.all.map(\.sql)
            + AccountCases.all.map(\.sql) + SessionCases.all.map(\.sql) + ClientCorpus.statements + BackupCases.all.map(\.sql)
            + JobCases.all.map(\.sql) + ScheduleCases.all.map(\.sql) + DorisReferenceCorpus.statements
    }
}
