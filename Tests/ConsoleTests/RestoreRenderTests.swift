import Essentials
import Testing
@testable import Console

@Suite struct RestoreRenderTests {
    static let restores = [
        Fixtures.job(.restore, id: 12001, label: "nightly", database: "retail_copy", state: "DOWNLOADING", bytesDone: 1_000_000,
                     bytesTotal: 6_521_981, filesDone: 60, filesTotal: 396, unfinished: "[11403=10001]",
                     taskErrMsg: "[11403=download failed: backend 10001 is down]"),
        Fixtures.job(.restore, id: 12000, label: "遥测_first", database: "telemetry", state: "FINISHED", bytesDone: 748_422,
                     bytesTotal: 748_422, createdAgo: 300, finishedAgo: 290),
    ]

    @Test func restoresTabAt120x40WithTheRestoreTimeline() {
        var state = Fixtures.state(Fixtures.cluster(jobs: Fixtures.defaultJobs + Self.restores), width: 120, height: 40)
        Fixtures.press(&state, .character("2"))
        #expect(state.restores.order == [12001, 12000])
        Fixtures.press(&state, .enter)
        let buffer = Fixtures.render(state)
        let lines = buffer.textLines()
        expectLines(Array(lines[2...5]), """
             Restores · 2 jobs · 1 running · sort JobId ▼
             JobId▼ DbName    Label                     State         Progress     Unfinished TaskErrMsg          CreateTime Elapsed
              12001 retail_c… nightly 11-26 15:25:31    ● DOWNLOADING █░░░░░░░ 15% 1: 11403   11403=download fai… 15:25:31     2m00s
              12000 telemetry 遥测_first 11-26 15:25:31 ✓ FINISHED    ███████ 100%                                15:25:31       10s
            """)
        let mask = buffer.styleMask()
        #expect(mask[1].hasPrefix("ttttttttttt.TTTTTTTTTTTT."), "the Restores tab is the active one")
        #expect(mask[4].contains("WWWWWWWWWWWWW"), "retrying: TaskErrMsg on a running job")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("RESTORE job 12001 · retail_copy.nightly"))
        #expect(text.contains("Snapshot   nightly   backup_timestamp 2026-11-26-15-25-31"))
        #expect(text.contains("✓ Meta prepared      2026-11-26 15:25:32  +1s"))
        #expect(text.contains("● Download finished  now DOWNLOADING"))
        #expect(text.contains("Progress   15% · 977 KiB of 6.22 MiB · 60/396 files"))
        #expect(text.contains("11403=download failed: backend 10001 is down"))
    }

    @Test func restoresTabAt80x24NamesTheSnapshotOfEachJob() {
        var state = Fixtures.state(Fixtures.cluster(jobs: Self.restores), width: 80, height: 24)
        Fixtures.press(&state, .character("2"))
        let lines = Fixtures.render(state).textLines()
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines.contains { $0.contains("nightly 11-26 15:25:31") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func aTimestampOfAnotherFormIsShownAsItIs() {
        #expect(JobText.shortTimestamp("2026-11-26-15-25-31") == "11-26 15:25:31")
        #expect(JobText.shortTimestamp("latest") == "latest")
        let job = Fixtures.job(.backup, id: 1, label: "weekly")
        #expect(JobText.label(job) == "weekly", "a backup's label is the snapshot itself")
    }

    @Test func cancellingARestoreNamesIt() throws {
        var state = Fixtures.state(Fixtures.cluster(jobs: Self.restores))
        Fixtures.press(&state, .character("2"), .character("c"))
        let confirm = try #require(state.confirm)
        #expect(confirm.sql == "CANCEL RESTORE FROM `retail_copy`")
        #expect(confirm.lines[1] == "The restore stops; tables it was replacing keep their previous data.")
    }
}
