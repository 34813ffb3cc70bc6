import Remote
import Testing

@Suite struct RemoteTypesTests {
    @Test func endpointDescriptionNeverShowsThePassword() {
        let endpoint = Endpoint(host: "fe1", port: 9030, user: "ops", password: "hunter2")
        #expect(endpoint.description == "ops@fe1:9030")
        #expect(!String(describing: endpoint).contains("hunter2"))
    }

    @Test func columnsAreFoundIgnoringCase() {
        let result = RemoteResult(columns: ["JobId", "DbName"], rows: [["1", "shop"]], hasRows: true)
        #expect(result.columnIndex("dbname") == 1)
        #expect(result.columnIndex("Missing") == nil)
    }

    @Test func errorsReadLikeTheMysqlClients() {
        let error = RemoteError(kind: .server, code: 1045, sqlState: "28000", message: "Access denied")
        #expect(error.description == "ERROR 1045 (28000): Access denied")
        #expect(!error.needsReconnect)
        #expect(RemoteError(kind: .lost, code: 2013, message: "Lost connection").needsReconnect)
    }
}
