import Foundation
import MySQLWire
import Remote
import TestSupport
import Testing

/// The client against a real MariaDB server: its handshake, native-password login and errors.
/// One server for all the checks, since starting one takes seconds.
@Suite struct MariaDBClientTests {
    @Test func logsInRunsQueriesAndReportsErrorsLikeTheMysqlClient() throws {
        let mariadb = try MariaDBServer()
        let endpoint = Endpoint(host: "127.0.0.1", port: mariadb.port, user: mariadb.user, password: mariadb.password)
        let connection = try MySQLConnection.connect(to: endpoint)
        #expect(connection.serverVersion.contains("MariaDB"))
        #expect(try connection.query("SELECT 1").rows == [["1"]])
        #expect(try connection.query("SELECT NULL, ''").rows == [[nil, ""]])
        let databases = try connection.query("SHOW DATABASES")
        #expect(databases.columns == ["Database"])
        #expect(databases.rows.contains(["information_schema"]))

        let syntax = failure { _ = try connection.query("SELEC 1") }
        #expect(syntax?.kind == .server && syntax?.code == 1064 && syntax?.sqlState == "42000")
        #expect(try connection.query("SELECT 2").rows == [["2"]], "the connection survives the error")
        let backup = failure { _ = try connection.query("SHOW BACKUP") }
        #expect(backup?.kind == .server, "MariaDB has no BACKUP/RESTORE")
        try connection.ping()
        connection.close()

        var wrong = endpoint
        wrong.password = "not-the-password"
        let refused = failure { _ = try MySQLConnection.connect(to: wrong) }
        #expect(refused?.kind == .cannotConnect && refused?.code == 1045 && refused?.sqlState == "28000")
        // The host part is how MariaDB names 127.0.0.1 (`localhost` when it resolves).
        #expect(refused?.message.hasPrefix("Access denied for user 'snap'@'") == true)
        #expect(refused?.message.hasSuffix("(using password: YES)") == true)

        var elsewhere = endpoint
        elsewhere.database = "nowhere"
        let unknown = failure { _ = try MySQLConnection.connect(to: elsewhere) }
        #expect(unknown?.code == 1049 || unknown?.code == 1044, "\(String(describing: unknown))")
    }
}
