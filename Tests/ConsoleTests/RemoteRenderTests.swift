import Testing
@testable import Console

/// What a remote dashboard shows that the embedded one does not: the server in the header, a
/// lost connection with its retry countdown over the last picture, and parts it may not read.
@Suite struct RemoteRenderTests {
    private func remote(_ state: ConnectionStatus.State, dataTime: Double? = Fixtures.now - 30,
                        unavailable: [ClusterPart: String] = [:], jobs: [JobRow] = Fixtures.defaultJobs) -> AppState {
        var cluster = Fixtures.cluster(jobs: jobs)
        cluster.dataDirectory = ""
        cluster.connection = ConnectionStatus(endpoint: "ops@fe1.example:9030", server: "Doris 2.1.7", state: state, dataTime: dataTime)
        cluster.unavailable = unavailable
        return Fixtures.state(cluster, width: 120)
    }

    @Test func headerSaysWhereTheDashboardIsConnected() {
        let header = Fixtures.render(remote(.connected)).textLines()[0]
        #expect(header.contains("fe1.example:9030 · Doris 2.1.7"))
        #expect(!header.contains("/tmp/console-demo"))
        #expect(!header.contains("disconnected"))
    }

    @Test func aLostConnectionCountsDownToTheRetryAndDatesTheData() {
        let state = remote(.disconnected(reason: "Lost connection to server during query", retryAt: Fixtures.now + 4))
        let buffer = Fixtures.render(state)
        let header = buffer.textLines()[0]
        #expect(header.contains("disconnected — retrying in 4s · data of 15:29:30"))
        // The last known jobs stay on screen.
        #expect(buffer.textLines().contains { $0.contains("nightly") })
        let column = buffer.column(of: "disconnected", row: 0) ?? 0
        #expect(Array(buffer.styleMask()[0])[column] == Role.danger.maskLetter)

        var later = state
        _ = reduce(&later, .tick(now: Fixtures.now + 5))
        #expect(Fixtures.render(later).textLines()[0].contains("disconnected — reconnecting…"))
    }

    @Test func neverReachedSaysWhyInsteadOfAnEmptyTable() {
        let state = remote(.disconnected(reason: "Can't connect to MySQL server on 'fe1.example:9030' (Connection refused)",
                                         retryAt: Fixtures.now + 2), dataTime: nil, jobs: [])
        let lines = Fixtures.render(state).textLines()
        #expect(lines.contains { $0.contains("Cannot reach ops@fe1.example:9030: Can't connect") })
        #expect(!lines.contains { $0.contains("No backup jobs yet") })
    }

    @Test func aMissingPrivilegeShowsOnItsTab() {
        var state = remote(.connected, unavailable: [.repositories: "SHOW REPOSITORIES needs the ADMIN privilege"])
        Fixtures.press(&state, .character("3"))
        var cluster = state.cluster
        cluster.repositories = []
        cluster.sequence += 1
        _ = reduce(&state, .snapshot(cluster))
        #expect(Fixtures.render(state).textLines().contains { $0.contains("SHOW REPOSITORIES needs the ADMIN privilege") })
    }

    @Test func aServerWithoutBackupSaysSoOnTheJobTabs() {
        let reason = "This server (MariaDB 10.11.19) has no BACKUP / RESTORE"
        var state = remote(.connected, unavailable: [.backups: reason, .restores: reason], jobs: [])
        #expect(Fixtures.render(state).textLines().contains { $0.contains(reason) })
        Fixtures.press(&state, .character("2"))
        #expect(Fixtures.render(state).textLines().contains { $0.contains(reason) })
    }

    @Test func someDatabasesUnreadableIsNotedAboveTheRowsThatAre() {
        let state = remote(.connected, unavailable: [.backups: "No LOAD privilege on: finance"])
        let lines = Fixtures.render(state).textLines()
        #expect(lines[2].contains("No LOAD privilege on: finance"))
        #expect(lines.contains { $0.contains("nightly") })
    }

    @Test func quittingARemoteDashboardNeverAsksTheServersJobsGoOn() {
        var state = remote(.connected)
        #expect(state.activeJobs.count == 1)
        #expect(Fixtures.press(&state, .character("q")) == [.quit])
        var local = Fixtures.state()
        #expect(Fixtures.press(&local, .character("q")).isEmpty)
        #expect(local.modal != nil)
    }

    @Test func focusAsksForTheCatalogOnlyWhenItIsShownOrADialogPicksTables() {
        var state = Fixtures.state()
        #expect(SourceFocus(state) == SourceFocus(tab: .backups, needsCatalog: false))
        Fixtures.press(&state, .character("b"))
        #expect(SourceFocus(state).needsCatalog)
        Fixtures.press(&state, .escape)
        Fixtures.press(&state, .character("5"))
        #expect(SourceFocus(state) == SourceFocus(tab: .catalog, needsCatalog: true))
    }
}
