import Console
import Remote
import Testing

/// The remote source reads schedules with jobs() in every full read, and says why when the
/// server cannot list them.
@Suite struct RemoteScheduleTests {
    private func server() -> FakeServer {
        let server = FakeServer()
        server.answer("SHOW DATABASES", FakeServer.table(["Database"], [["retail"]]))
        server.answer("SHOW REPOSITORIES", FakeServer.table(["RepoId", "RepoName", "Location"], [["1", "demo_repo", "/srv/repo"]]))
        server.answer("SHOW BACKENDS", FakeServer.table(["BackendId", "Alive"], [["10001", "true"]]))
        return server
    }

    private func read(_ server: FakeServer) -> ClusterSnapshot {
        let source = RemoteClusterSource(endpoint: Endpoint(host: "fe1", port: 9030, user: "ops"), utcOffset: 0,
                                         clock: { 1_800_000_000 }, connector: server.connector)
        defer { source.close() }
        return RemoteClusterSourceTests.read(source)
    }

    @Test func aFullReadListsSchedulesThroughJobs() {
        let server = server()
        server.answer(#"SELECT * FROM jobs("type"="backup")"#, FakeServer.table(
            ["Id", "Name", "Status", "RecurringStrategy", "ExecuteSql", "LastRunTime", "LastResult", "NextRunTime"],
            [["7", "nightly", "RUNNING", "EVERY 1 DAY STARTS 2026-12-03 02:00:00", "BACKUP SNAPSHOT retail.nightly_{ts} TO demo_repo",
              nil, nil, "2026-12-04 02:00:00"]]))
        let picture = read(server)
        #expect(server.sent.contains(#"SELECT * FROM jobs("type"="backup")"#))
        #expect(picture.schedules.map(\.name) == ["nightly"])
        #expect(picture.schedules.first?.nextRunTime == "2026-12-04 02:00:00")
        #expect(picture.unavailable[.schedules] == nil)
    }

    @Test func aServerWithoutJobsNamesWhyOnTheTab() {
        let server = server()
        server.state.withLock { $0.versionComment = "Doris version doris-2.0.3-rc06" }
        server.fail("SELECT * FROM jobs", code: 1105, message: "errCode = 2, detailMessage = Unknown table function 'jobs'")
        let picture = read(server)
        #expect(picture.schedules.isEmpty)
        let reason = picture.unavailable[.schedules] ?? ""
        #expect(reason.contains(#"cannot list backup schedules with SELECT * FROM jobs("type"="backup")"#))
        #expect(reason.contains("Unknown table function 'jobs'"))
        #expect(picture.repositories.map(\.name) == ["demo_repo"], "the other tabs are still read")
    }
}
