import Engine
import Foundation
import MySQLWire
import SQLSyntax

/// Runs one COM_QUERY: its statements in order, each answered with a result set or an OK,
/// every answer but the last flagged "more results"; the first error ends the run (as MySQL
/// and Doris do).
struct QueryRunner {
    let cluster: Cluster
    let writer: ResultSetWriter
    let multiStatements: Bool

    /// A statement's text, and its parse when the caller already made it.
    struct Piece {
        var text: String
        var parsed: Statement?
    }

    func run(_ sql: String, session: inout Session) -> [[UInt8]] {
        run(Self.statements(of: sql).map { Piece(text: $0) }, session: &session)
    }

    func run(_ statements: [Piece], session: inout Session) -> [[UInt8]] {
        guard !statements.isEmpty else {
            return [ErrPacket(code: 1065, sqlState: "42000", message: "Query was empty").encode()]
        }
        guard statements.count == 1 || multiStatements else {
            // The client did not ask for multi-statements (or turned them off with
            // COM_SET_OPTION): MySQL reads the second statement as a syntax error.
            return [ErrPacket(
                code: 1064, sqlState: "42000",
                message: "You have an error in your SQL syntax: this connection runs one statement per query; multi-statements are off"
            ).encode()]
        }
        var payloads: [[UInt8]] = []
        for (index, statement) in statements.enumerated() {
            let more = index < statements.count - 1
            do {
                let result: ResultSet
                if let parsed = statement.parsed {
                    result = try cluster.execute(parsed, parsedFrom: statement.text, session: &session)
                } else {
                    result = try cluster.execute(statement.text, session: &session)
                }
                let status: ServerStatus = session.autocommit ? .autocommit : []
                if result.hasRows {
                    payloads += writer.resultSet(
                        columns: ColumnDefinitions.of(result), rows: result.rows, status: status, moreResultsFollow: more)
                } else {
                    payloads.append(writer.ok(
                        affectedRows: UInt64(max(0, result.affectedRows)), status: status,
                        info: result.info ?? "", moreResultsFollow: more))
                }
            } catch {
                payloads.append(errPacket(error).encode())
                break
            }
        }
        return payloads
    }

    /// The statements of a query's text, cut by the product's own splitter; text after the
    /// last `;` is a statement too, unless it is only whitespace and comments.
    static func statements(of sql: String) -> [String] {
        // Most queries are one statement without a terminator, quote escape or comment:
        // they need no lexing to be cut (the splitter is a large share of a SELECT 1).
        if !sql.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "-")
            || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "#") }) {
            let text = sql.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? [] : [text]
        }
        let split = ScriptSplitter.split(sql)
        var texts = split.statements.map(\.text)
        if !ScriptSplitter.isBlank(split.remainder) {
            texts.append(split.remainder.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return texts
    }
}
