import Foundation
import MySQLWire
import Remote
import TestSupport
import Testing

/// The client against SnapDeck's own server, in this process.
@Suite struct MySQLConnectionTests {
    @Test func rootLogsInWithoutPasswordAndRunsStatements() throws {
        let server = try SnapDeckServerHarness()
        let connection = try server.connect()
        #expect(connection.serverVersion == "5.7.99")
        #expect(connection.connectionId > 0)
        #expect(connection.capabilities.contains(.deprecateEOF), "SnapDeck offers DEPRECATE_EOF")
        #expect(connection.isOpen)
        let one = try connection.query("SELECT 1")
        #expect(one.hasRows && one.columns == ["1"] && one.rows == [["1"]])
        let created = try connection.query("CREATE DATABASE shop")
        #expect(!created.hasRows && created.columns.isEmpty)
        let databases = try connection.query("SHOW DATABASES")
        #expect(databases.columns == ["Database"])
        #expect(databases.rows.contains(["shop"]))
        try connection.ping()
        connection.close()
        connection.close()
        #expect(!connection.isOpen)
        #expect(failure { _ = try connection.query("SELECT 1") } == RemoteError(kind: .lost, code: 2006, message: "MySQL server has gone away"))
    }

    @Test func nullsAndEmptyStringsStayApart() throws {
        let server = try SnapDeckServerHarness()
        let connection = try server.connect()
        let result = try connection.query("SELECT NULL AS a, '' AS b, 'x' AS c")
        #expect(result.columns == ["a", "b", "c"])
        #expect(result.rows == [[nil, "", "x"]])
    }

    @Test func aUserWithAPasswordLogsInAndAWrongPasswordIsRefusedAsByMySQL() throws {
        let server = try SnapDeckServerHarness()
        let root = try server.connect()
        _ = try root.query("CREATE USER 'ops'@'%' IDENTIFIED BY 'pw'")
        let ops = try server.connect(user: "ops", password: "pw")
        #expect(try ops.query("SELECT CURRENT_USER()").rows.first?.first??.hasPrefix("'ops'") == true)
        let refused = failure { _ = try server.connect(user: "ops", password: "wrong-secret") }
        #expect(refused?.kind == .cannotConnect)
        #expect(refused?.code == 1045 && refused?.sqlState == "28000")
        let text = refused?.description ?? ""
        #expect(text.hasPrefix("ERROR 1045 (28000): Access denied for user 'ops'@'") && text.hasSuffix("(using password: YES)"))
        #expect(!text.contains("wrong-secret"))
    }

    @Test func anUnknownDatabaseAtLoginIsTheServers1049() throws {
        let server = try SnapDeckServerHarness()
        let refused = failure { _ = try server.connect(database: "nowhere") }
        #expect(refused == RemoteError(kind: .cannotConnect, code: 1049, sqlState: "42000", message: "Unknown database 'nowhere'"))
        _ = try server.connect().query("CREATE DATABASE shop")
        let inShop = try server.connect(database: "shop")
        #expect(try inShop.query("SELECT DATABASE()").rows == [["shop"]])
    }

    @Test func aServerErrorLeavesTheConnectionUsable() throws {
        let server = try SnapDeckServerHarness()
        let connection = try server.connect()
        let error = failure { _ = try connection.query("SELECT * FROM nowhere.t") }
        #expect(error?.kind == .server)
        #expect(error.map { !$0.needsReconnect } == true)
        #expect(try connection.query("SELECT 2").rows == [["2"]])
        #expect(connection.isOpen)
    }

    @Test func aServerGoingAwayMidSessionIsALostConnection() throws {
        let server = try SnapDeckServerHarness()
        let connection = try server.connect()
        _ = try connection.query("SELECT 1")
        server.stop()
        // Once the socket is seen closed, nothing is sent: 2006, which a caller may retry on a
        // new connection without running the statement twice.
        let deadline = Date().addingTimeInterval(30)
        while connection.isOpen, Date() < deadline { usleep(10_000) }
        #expect(!connection.isOpen)
        let lost = failure { _ = try connection.query("SELECT 1") }
        #expect(lost?.kind == .lost && lost?.code == 2006)
        #expect(failure { _ = try connection.query("SELECT 1") }?.code == 2006)
    }

    @Test func aRefusedPortIs2003() throws {
        let port = try S3TestServer.freePort()
        let refused = failure { _ = try MySQLConnection.connect(to: Endpoint(host: "127.0.0.1", port: port)) }
        #expect(refused == RemoteError(
            kind: .cannotConnect, code: 2003,
            message: "Can't connect to MySQL server on '127.0.0.1:\(port)' (Connection refused)"))
    }
}

/// The `RemoteError` that `body` threw, or nil (another error is recorded as an issue).
func failure(_ body: () throws -> Void) -> RemoteError? {
    do {
        try body()
        return nil
    } catch let error as RemoteError {
        return error
    } catch {
        Issue.record("not a RemoteError: \(error)")
        return nil
    }
}
