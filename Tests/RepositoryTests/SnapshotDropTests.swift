import Foundation
import Repository
import Testing
import TestSupport

@Suite struct SnapshotDropTests {
    /// `base` (full), `inc` on top of it reading all of `base`'s files, and `other` (full).
    private func chain() throws -> (LifecycleFixture, base: SnapshotInfoFile, inc: SnapshotInfoFile) {
        let f = LifecycleFixture()
        let base = try f.snapshot("base")
        let inc = try f.snapshot("inc", own: 1, reads: LifecycleFixture.reads(of: base), base: "base")
        try f.snapshot("other")
        return (f, base, inc)
    }

    @Test func thePlanKeepsTheFilesListedSnapshotsReadAndDeletesTheRest() throws {
        let (f, base, _) = try chain()
        let inventory = try f.inventory()
        #expect(inventory.listedLabels == ["base", "inc", "other"])
        #expect(inventory.dependents(of: "base") == ["inc"])
        #expect(inventory.dependents(of: "inc").isEmpty)
        let plan = try #require(SnapshotDropPlan(label: "base", in: inventory))
        #expect(plan.infoKeys.count == 1 && plan.infoKeys[0].contains("/__ss_base/__info_"))
        #expect(Set(plan.kept) == Set(base.fileKeys(in: f.paths)))
        #expect(plan.deletions.count == 1 && plan.deletions[0].contains("/__ss_base/__meta."))
        #expect(plan.keptFor == ["inc"])
        #expect(!plan.removesMarker)
        // Nobody reads `inc`: all of it goes, marker included.
        let incPlan = try #require(SnapshotDropPlan(label: "inc", in: inventory))
        #expect(incPlan.kept.isEmpty && incPlan.removesMarker)
        #expect(Set(incPlan.infoKeys + incPlan.deletions) == Set(f.folder("inc")))
        #expect(SnapshotDropPlan(label: "nope", in: inventory) == nil)
    }

    @Test func aBaseIsRefusedNamingItsDependents() throws {
        let (f, _, _) = try chain()
        try f.snapshot("inc2", own: 1, reads: LifecycleFixture.reads(of: try f.inventory().folders["base"]!.infos.values.first!), base: "base")
        let dropper = SnapshotDropper(store: f.store, repositoryName: "r")
        let before = f.store.keys
        #expect(throws: SnapshotDropError(
            "Snapshot base is the base of incremental snapshots inc, inc2 in repository r: drop those first, or DROP SNAPSHOT base ON r FORCE to keep only the files they need")
        ) { try dropper.drop(label: "base") }
        #expect(f.store.keys == before)
        #expect(throws: SnapshotDropError("Snapshot nope does not exist in repository r")) { try dropper.drop(label: "nope") }
        #expect(throws: SnapshotDropError("Snapshot inc is used by a running backup or restore job; cancel it first")) {
            try dropper.drop(label: "inc", labelsInUse: ["inc"])
        }
        // A snapshot in use protects the folders it reads, FORCE or not.
        #expect(throws: SnapshotDropError("Snapshot base is used by a running backup or restore job; cancel it first")) {
            try dropper.drop(label: "base", force: true, labelsInUse: ["inc"])
        }
    }

    /// The step hook (fault injection holds drops there) runs after each step, with the folder
    /// in the state the step names: marked and whole, then without `__info`, then holding only
    /// the files listed snapshots read.
    @Test func theStepHookRunsAfterEachStepOfEachFolder() throws {
        let (f, base, _) = try chain()
        let marker = f.paths.dropMarker(label: "base")
        let whole = Set(f.folder("base") + [marker])
        let expected: [SnapshotDropStep: Set<String>] = [
            .marker: whole,
            .infos: whole.filter { !$0.contains("/__info_") },
            .files: Set(base.fileKeys(in: f.paths) + [marker]),
        ]
        let seen = StepLog()
        let dropper = SnapshotDropper(store: f.store, repositoryName: "r") { step, label in
            seen.append("\(label) \(step.rawValue)")
            #expect(Set(f.folder(label)) == expected[step], "after \(step)")
        }
        _ = try dropper.drop(label: "base", force: true)
        #expect(seen.entries == ["base marker", "base infos", "base files"])
    }

    @Test func forceKeepsWhatDependentsReadUntilTheLastOfThemGoes() throws {
        let (f, base, inc) = try chain()
        let dropper = SnapshotDropper(store: f.store, repositoryName: "r")
        let forced = try dropper.drop(label: "base", force: true)
        #expect(forced.kept == base.fileKeys(in: f.paths).count && forced.keptFor == ["inc"])
        let browser = SnapshotBrowser(store: f.store, repositoryName: "r")
        #expect(try browser.labels() == ["inc", "other"])
        #expect(Set(f.folder("base")) == Set(base.fileKeys(in: f.paths) + [f.paths.dropMarker(label: "base")]))
        #expect(try f.unsoundSnapshots().isEmpty)
        #expect(try browser.info(label: "inc", timestamp: "2026-01-01-00-00-00") == inc)
        // Dropping `other` leaves the kept files alone: `inc` still reads them.
        #expect(try dropper.drop(label: "other").finished.isEmpty)
        #expect(f.folder("base").count == base.fileKeys(in: f.paths).count + 1)
        // Dropping `inc` collects them.
        let last = try dropper.drop(label: "inc")
        #expect(last.finished.map(\.label) == ["base"])
        #expect(f.store.keys.filter { $0.contains("__ss_") }.isEmpty, "\(f.store.keys)")
    }

    /// C reads files of A (its physical holder) and of B: FORCE-dropping B keeps only what C
    /// reads from B, and A is still a base of C.
    @Test func holdersAreAlwaysThePhysicalFolder() throws {
        let f = LifecycleFixture()
        let a = try f.snapshot("a")
        let b = try f.snapshot("b", own: 1, reads: LifecycleFixture.reads(of: a), base: "a")
        try f.snapshot("c", own: 1, reads: LifecycleFixture.reads(of: b), base: "b")
        let inventory = try f.inventory()
        #expect(inventory.folders["c"]?.labelsNeeded == ["a", "b"])
        #expect(inventory.dependents(of: "a") == ["b", "c"])
        let dropper = SnapshotDropper(store: f.store, repositoryName: "r")
        let forced = try dropper.drop(label: "b", force: true)
        #expect(forced.kept == 2 && forced.keptFor == ["c"])
        #expect(throws: SnapshotDropError(
            "Snapshot a is the base of incremental snapshots c in repository r: drop those first, or DROP SNAPSHOT a ON r FORCE to keep only the files they need")
        ) { try dropper.drop(label: "a") }
        #expect(try f.unsoundSnapshots().isEmpty)
        #expect(try dropper.drop(label: "c").finished.map(\.label) == ["b"])
        _ = try dropper.drop(label: "a")
        #expect(f.store.keys.isEmpty)
    }

    @Test func anUnreadableInfoStopsDropsThatCouldHarmIt() throws {
        let (f, _, _) = try chain()
        let infoKey = try #require(f.folder("other").first { $0.contains("__info_") })
        try f.store.put(Array("not json".utf8), key: infoKey)
        let dropper = SnapshotDropper(store: f.store, repositoryName: "r")
        let error = #expect(throws: SnapshotDropError.self) { try dropper.drop(label: "inc") }
        #expect(error?.message.hasPrefix("Cannot tell which files snapshot other reads, so nothing is dropped (its info cannot be read: md5sum does not equal") == true)
        // The unreadable snapshot itself can go.
        _ = try dropper.drop(label: "other")
        _ = try dropper.drop(label: "inc")
    }

    @Test func oneTimestampOfSeveralGoesAlone() throws {
        let f = LifecycleFixture()
        try f.snapshot("twice", timestamp: "2026-01-01-00-00-00")
        try f.snapshot("twice", timestamp: "2026-01-02-00-00-00")
        let dropper = SnapshotDropper(store: f.store, repositoryName: "r")
        #expect(throws: SnapshotDropError("Snapshot twice has no timestamp 2026-01-03-00-00-00 in repository r")) {
            try dropper.drop(label: "twice", timestamp: "2026-01-03-00-00-00")
        }
        #expect(try dropper.drop(label: "twice", timestamp: "2026-01-01-00-00-00").removed == 1)
        #expect(SnapshotBrowser(store: f.store, repositoryName: "r").summary(label: "twice").timestamps == ["2026-01-02-00-00-00"])
        _ = try dropper.drop(label: "twice", timestamp: "2026-01-02-00-00-00")
        #expect(f.store.keys.isEmpty)
    }

    /// A process killed after any number of changes of a drop: no listed snapshot misses a
    /// file, the dropped one is listed whole or not at all (DROPPING, unusable, while its
    /// `__info` is still there), and the next drop of it leaves what an uninterrupted one does.
    @Test(arguments: [("base", true), ("inc", false)])
    func aDropKilledAtAnyStepIsSoundAndFinishable(label: String, force: Bool) throws {
        let reference = try chain().0
        _ = try SnapshotDropper(store: reference.store, repositoryName: "r").drop(label: label, force: force)
        let finalKeys = reference.store.keys
        var step = 0
        while true {
            let f = try chain().0
            let crashing = CrashingStore(inner: f.store, changesLeft: step)
            let outcome = Result { () throws(SnapshotDropError) in
                try SnapshotDropper(store: crashing, repositoryName: "r").drop(label: label, force: force)
            }
            if case .success = outcome {
                #expect(f.store.keys == finalKeys)
                break
            }
            #expect(crashing.died)
            #expect(try f.unsoundSnapshots().isEmpty, "step \(step)")
            let summary = SnapshotBrowser(store: f.store, repositoryName: "r").summary(label: label)
            let listed = try SnapshotBrowser(store: f.store, repositoryName: "r").labels().contains(label)
            #expect(step == 0 ? summary.status == "OK" : (summary.status == "DROPPING" || !listed), "step \(step): \(summary)")
            _ = try SnapshotDropper(store: f.store, repositoryName: "r").drop(label: label, force: force)
            #expect(f.store.keys == finalKeys, "step \(step)")
            step += 1
        }
        #expect(step >= 3)
    }

    /// The same, finished by whatever drop comes next (or the retention sweep's clean-up)
    /// instead of a retry of the same statement.
    @Test func anInterruptedDropIsFinishedByTheNextDropOfAnotherSnapshot() throws {
        let (f, _, _) = try chain()
        let crashing = CrashingStore(inner: f.store, changesLeft: 3)
        #expect(throws: SnapshotDropError.self) { try SnapshotDropper(store: crashing, repositoryName: "r").drop(label: "inc") }
        #expect(!f.folder("inc").isEmpty)
        let dropper = SnapshotDropper(store: f.store, repositoryName: "r")
        #expect(try dropper.drop(label: "other").finished.map(\.label) == ["inc"])
        #expect(f.folder("inc").isEmpty)
        let crashing2 = CrashingStore(inner: f.store, changesLeft: 2)
        #expect(throws: SnapshotDropError.self) { try SnapshotDropper(store: crashing2, repositoryName: "r").drop(label: "base") }
        #expect(try dropper.finishMarkedFolders().finished.map(\.label) == ["base"])
        #expect(f.store.keys.isEmpty)
    }
}

/// What a step hook saw, in order (the hook is `@Sendable`).
private final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []
    func append(_ entry: String) { lock.withLock { seen.append(entry) } }
    var entries: [String] { lock.withLock { seen } }
}
