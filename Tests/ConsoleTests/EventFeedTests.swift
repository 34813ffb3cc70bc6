import Console
import Testing

@Suite struct EventFeedTests {
    private func snapshot(_ jobs: JobRow...) -> ClusterSnapshot { ClusterSnapshot(jobs: jobs) }

    @Test func transitionsAndNewErrorsBecomeEventsNewestFirst() {
        var feed = EventFeed()
        let old = JobRow(kind: .backup, jobId: 1, label: "old", database: "shop", state: "FINISHED")
        var running = JobRow(kind: .backup, jobId: 2, label: "nightly", database: "shop", state: "UPLOADING")
        var first = feed.stamp(snapshot(old, running), now: "t1")
        // History is not news; a running job is.
        #expect(first.sequence == 1 && first.events.map(\.text) == ["BACKUP shop.nightly (job 2) → UPLOADING"])

        running.taskErrMsg = "[11=disk full]"
        first = feed.stamp(snapshot(old, running), now: "t2")
        #expect(first.sequence == 2 && first.events.first?.level == .warning && first.events.first?.text.hasSuffix("[11=disk full]") == true)
        // The same error again is not repeated.
        #expect(feed.stamp(snapshot(old, running), now: "t3").events.count == 2)

        running.state = "CANCELLED"
        running.status = "[CANCELLED, msg: user cancelled]"
        let last = feed.stamp(snapshot(old, running), now: "t4")
        #expect(last.events.first == EventRow(time: "t4", level: .error, text: "BACKUP shop.nightly (job 2) → CANCELLED [CANCELLED, msg: user cancelled]"))
        // A restore with the same id is another job.
        let restore = JobRow(kind: .restore, jobId: 2, label: "nightly", database: "shop", state: "DOWNLOADING")
        #expect(feed.stamp(snapshot(old, running, restore), now: "t5").events.first?.text == "RESTORE shop.nightly (job 2) → DOWNLOADING")
    }

    @Test func reportsOfTheSourceItselfJoinTheFeed() {
        var feed = EventFeed()
        feed.report("Cannot read the cluster: gone", level: .error, now: "t1")
        #expect(feed.stamp(ClusterSnapshot(), now: "t2").events == [EventRow(time: "t1", level: .error, text: "Cannot read the cluster: gone")])
    }
}
