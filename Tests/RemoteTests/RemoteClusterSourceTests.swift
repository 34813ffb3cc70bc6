import Console
import Dispatch
import Remote
import Synchronization
import Testing

/// The remote source against a scripted server: what it sends, how little, and what it shows
/// when the server refuses, breaks or lacks a part.
@Suite struct RemoteClusterSourceTests {
    static let backupColumns = ["JobId", "SnapshotName", "DbName", "State", "BackupObjs", "CreateTime", "SnapshotFinishedTime",
                                "UploadFinishedTime", "FinishedTime", "UnfinishedTasks", "Progress", "TaskErrMsg", "Status", "Timeout",
                                "Type", "BaseSnapshot", "UploadedBytes", "TotalBytes", "FilesDone", "FilesTotal", "BytesDone", "BytesTotal", "Throughput", "ETA"]

    static func backup(_ id: Int, _ label: String, _ db: String, _ state: String) -> [String?] {
        [String(id), label, db, state, "[`\(db)`]", "2026-12-03 10:00:00", nil, nil, state == "FINISHED" ? "2026-12-03 10:01:00" : nil,
         "", "", "", "[OK]", "86400", "INCREMENTAL", "weekly", "300", "1100", "3", "10", "300", "1000", "1.0 KiB/s", "1s"]
    }

    final class Clock: Sendable {
        let time = Mutex(1_800_000_000.0)
        var now: Double { time.withLock { $0 } }
        func advance(_ seconds: Double) { time.withLock { $0 += seconds } }
    }

    private func cluster(running: Bool = false) -> FakeServer {
        let server = FakeServer()
        server.answer("SHOW DATABASES", FakeServer.table(["Database"], [["information_schema"], ["retail"], ["telemetry"]]))
        server.answer("SHOW FULL BACKUP FROM `retail`", FakeServer.table(Self.backupColumns, [
            Self.backup(11, "nightly", "retail", "FINISHED")] + (running ? [Self.backup(12, "hourly", "retail", "UPLOADING")] : [])))
        server.answer("SHOW REPOSITORIES", FakeServer.table(["RepoId", "RepoName", "CreateTime", "IsReadOnly", "Location", "Broker", "Type", "ErrMsg"],
                                                            [["1", "demo_repo", "2026-12-03 09:00:00", "false", "/srv/repo", "-", "LOCAL", nil]]))
        server.answer("SHOW BACKENDS", FakeServer.table(["BackendId", "Alive"], [["10001", "true"], ["10002", "false"]]))
        return server
    }

    private func read(_ source: RemoteClusterSource) -> ClusterSnapshot {
        Self.read(source)
    }

    /// One read, waited for; an empty picture when the source failed.
    static func read(_ source: RemoteClusterSource) -> ClusterSnapshot {
        let box = Mutex<ClusterSnapshot?>(nil)
        let done = DispatchSemaphore(value: 0)
        source.read { result in
            if case .success(let snapshot) = result { box.withLock { $0 = snapshot } }
            done.signal()
        }
        done.wait()
        return box.withLock { $0 } ?? ClusterSnapshot()
    }

    private func source(_ server: FakeServer, _ clock: Clock) -> RemoteClusterSource {
        RemoteClusterSource(endpoint: Endpoint(host: "fe1", port: 9030, user: "ops"), utcOffset: 0,
                            clock: { clock.now }, connector: server.connector)
    }

    @Test func aFullReadFillsEveryTabFromShowStatements() {
        let server = cluster()
        let picture = read(source(server, Clock()))
        #expect(picture.connection?.server == "SnapDeck 0.1.0")
        #expect(picture.connection?.isConnected == true)
        #expect(picture.jobs.map(\.label) == ["nightly"])
        #expect(picture.jobs.first?.bytesTotal == 1000)
        #expect(picture.jobs.first?.cell("Type") == "INCREMENTAL" && picture.jobs.first?.cell("BaseSnapshot") == "weekly")
        #expect(picture.repositories.map(\.name) == ["demo_repo"])
        #expect((picture.backendsUp, picture.backendsTotal) == (1, 2))
        #expect(picture.catalog.map(\.name) == ["retail", "telemetry"])
        #expect(server.sent.contains("SHOW FULL RESTORE FROM `telemetry`"))
        #expect(!server.sent.contains { $0.contains("information_schema") })
    }

    @Test func whileAJobRunsOnlyItsDatabaseIsReadAgain() {
        let server = cluster(running: true)
        let clock = Clock()
        let source = source(server, clock)
        _ = read(source)
        let before = server.sent.count
        clock.advance(1)
        let picture = read(source)
        #expect(Array(server.sent[before...]) == ["SHOW FULL BACKUP FROM `retail`"])
        #expect(picture.jobs.map(\.label).sorted() == ["hourly", "nightly"])
    }

    @Test func anIdleDashboardSendsAtMostOneStatementASecond() {
        let pacer = PollPacer()
        for statements in [3, 12, 40, 400] {
            let delay = pacer.delay(afterFullReadOf: statements, duration: 0.05, jobsRunning: false)
            #expect(Double(statements) / delay <= 1)
        }
        // A slow server is read less often, never back to back.
        #expect(pacer.delay(afterFullReadOf: 5, duration: 30, jobsRunning: true) == 30)
        #expect(pacer.delay(afterFullReadOf: 5, duration: 0.1, jobsRunning: true) == 1)
    }

    @Test func aServerThatRefusesIsRetriedWithGrowingWaitsAndReadsNeverBlock() {
        let server = cluster()
        server.state.withLock { $0.refusing = true }
        let clock = Clock()
        let source = source(server, clock)
        let first = read(source)
        guard case .disconnected(let reason, let retryAt)? = first.connection?.state else {
            Issue.record("expected a disconnected picture")
            return
        }
        #expect(reason.contains("Connection refused"))
        #expect(retryAt > clock.now)
        #expect(first.connection?.dataTime == nil)
        // Before the retry is due no connection is attempted.
        _ = read(source)
        #expect(server.sent.isEmpty)
        server.state.withLock { $0.refusing = false }
        clock.advance(60)
        let back = read(source)
        #expect(back.connection?.isConnected == true)
        #expect(back.jobs.map(\.label) == ["nightly"])
    }

    @Test func aConnectionLostMidReadKeepsTheLastPictureMarkedStale() {
        let server = cluster()
        let clock = Clock()
        let source = source(server, clock)
        let good = read(source)
        server.state.withLock { $0.breakAfter = 2 }
        clock.advance(30)
        let stale = read(source)
        #expect(stale.jobs == good.jobs)
        #expect(stale.repositories == good.repositories)
        #expect(stale.connection?.dataTime == good.connection?.dataTime)
        #expect(stale.connection?.isConnected == false)
    }

    @Test func aMissingPrivilegeIsNamedOnItsPartAndTheRestIsRead() {
        let server = cluster()
        server.fail("SHOW REPOSITORIES", code: 1227,
                    message: "Access denied; you need (at least one of) the (ADMIN) privilege(s) for this operation")
        let picture = read(source(server, Clock()))
        #expect(picture.isAdmin == false)
        #expect(picture.unavailable[.repositories]?.contains("ADMIN") == true)
        #expect(picture.jobs.map(\.label) == ["nightly"])
    }

    @Test func showGrantsTellsWhetherTheUserIsAnAdmin() {
        let columns = ["UserIdentity", "Password", "GlobalPrivs", "DatabasePrivs"]
        let clerk = cluster()
        clerk.answer("SHOW GRANTS", FakeServer.table(columns, [["'clerk'@'%'", "Yes", nil, "internal.retail: LOAD_PRIV"]]))
        #expect(read(source(clerk, Clock())).isAdmin == false)
        let root = cluster()
        root.answer("SHOW GRANTS", FakeServer.table(columns, [["'root'@'%'", "No", "internal.*.*: ADMIN_PRIV", nil]]))
        #expect(read(source(root, Clock())).isAdmin == true)
        let doris = cluster()
        doris.answer("SHOW GRANTS", FakeServer.table(["UserIdentity", "Roles", "GlobalPrivs"], [["'ops'@'%'", "admin", "Admin_priv"]]))
        #expect(read(source(doris, Clock())).isAdmin == true)
    }

    @Test func anUnexpectedTableIsNamedOnItsTab() {
        let server = cluster()
        server.answer("SHOW FULL BACKUP FROM `retail`", FakeServer.table(["JobId", "Label"], [["1", "x"]]))
        let picture = read(source(server, Clock()))
        #expect(picture.unavailable[.backups]?.contains("`State`") == true, "\(picture.unavailable)")
        #expect(picture.repositories.map(\.name) == ["demo_repo"])
    }

    @Test func mariaDBIsToldApartAndAskedNoBackupStatements() {
        let server = cluster()
        server.state.withLock {
            $0.versionComment = "mariadb.org binary distribution"
            $0.handshakeVersion = "5.5.5-10.11.19-MariaDB-0+deb12u1"
        }
        let picture = read(source(server, Clock()))
        #expect(picture.connection?.server.hasPrefix("MariaDB") == true)
        #expect(picture.unavailable[.backups]?.contains("no BACKUP / RESTORE") == true)
        #expect(!server.sent.contains { $0.hasPrefix("SHOW BACKUP") || $0.hasPrefix("SHOW FULL") })
    }

    @Test func statementsRunOnTheirOwnConnection() {
        let server = cluster()
        let source = source(server, Clock())
        _ = read(source)
        server.answer("CANCEL BACKUP", RemoteResult())
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<SQLResult?>(nil)
        source.run("CANCEL BACKUP FROM retail") { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        #expect(outcome.withLock { $0 }?.succeeded == true)
        #expect(server.state.withLock { $0.connections } == 2)
    }
}

/// The source pointed at a Doris FE, fed the result sets Doris gives (recorded fixtures): the
/// same binary shows that FE's jobs, repositories and backends.
@Suite struct RemoteClusterSourceOnDorisTests {
    @Test func aDorisFrontEndsJobsShowAsDorisGivesThem() throws {
        let server = FakeServer()
        server.state.withLock {
            $0.versionComment = "Doris version doris-2.1.7-rc03-443e87e203"
            $0.handshakeVersion = "5.7.99"
        }
        server.answer("SHOW DATABASES", FakeServer.table(["Database"], [["__internal_schema"], ["example_db"], ["information_schema"], ["mysql"]]))
        server.answer("SHOW BACKUP FROM `example_db`", try ShowFixture.load("doris-2.1-show-backup.tsv"))
        server.answer("SHOW RESTORE FROM `example_db`", try ShowFixture.load("doris-2.1-show-restore.tsv"))
        server.answer("SHOW REPOSITORIES", try ShowFixture.load("doris-2.1-show-repositories.tsv"))
        server.answer("SHOW BACKENDS", try ShowFixture.load("doris-2.1-show-backends.tsv"))
        // Doris's jobs() knows insert and mv jobs, not backup schedules.
        server.fail("SELECT * FROM jobs", code: 1105, message: "errCode = 2, detailMessage = Invalid job type: backup")
        let clock = RemoteClusterSourceTests.Clock()
        let source = RemoteClusterSource(endpoint: Endpoint(host: "doris-fe", port: 9030, user: "root"), utcOffset: 8 * 3600,
                                         clock: { clock.now }, connector: server.connector)
        let done = DispatchSemaphore(value: 0)
        let box = Mutex<ClusterSnapshot?>(nil)
        source.read { result in
            if case .success(let picture) = result { box.withLock { $0 = picture } }
            done.signal()
        }
        done.wait()
        let picture = try #require(box.withLock { $0 })
        #expect(picture.connection?.server == "Doris 2.1.7")
        // Doris has no FULL form: SnapDeck asks exactly what a Doris operator would.
        #expect(server.sent.contains("SHOW BACKUP FROM `example_db`"))
        #expect(!server.sent.contains { $0.hasPrefix("SHOW FULL") })
        #expect(picture.catalog.map(\.name) == ["example_db"])
        let backups = picture.jobs.filter { $0.kind == .backup }
        let restores = picture.jobs.filter { $0.kind == .restore }
        #expect(!backups.isEmpty && !restores.isEmpty)
        #expect(backups.allSatisfy { $0.database == "example_db" && !$0.state.isEmpty })
        // Every column Doris gave stays for the detail pane, in Doris's order.
        #expect(backups.first?.cells.map(\.column).count == 14)
        #expect(restores.first.map { $0.cells.count >= 17 } == true)
        #expect(!picture.repositories.isEmpty)
        #expect(picture.backendsTotal > 0)
        #expect(Array(picture.unavailable.keys) == [.schedules], "\(picture.unavailable)")
        #expect(picture.unavailable[.schedules]?.hasSuffix("Invalid job type: backup") == true)
    }
}
