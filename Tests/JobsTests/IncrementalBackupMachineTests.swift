import Catalog
import Foundation
@testable import Jobs
import Repository
import Testing
import TestSupport

/// An incremental backup in the state machine: which files it finds in its base, what it
/// uploads and counts, and what happens when the base cannot be read.
@Suite struct IncrementalBackupMachineTests {
    /// A finished full backup `base` of `orders` (2 tablets) and `items` (1 tablet), and the
    /// reference an incremental backup would name.
    private func fullBase(_ h: SchedulerHarness) throws -> SnapshotProvenance.Reference {
        try h.host.makeTable("orders", buckets: 2)
        try h.host.makeTable("items", buckets: 1)
        let base = try h.submitBackup("base", tables: ["items", "orders"])
        #expect(h.waitUntil { h.backupState("base") == .finished })
        return SnapshotProvenance.Reference(label: "base", timestamp: base.snapshotTimestamp)
    }

    private func submitIncremental(
        _ h: SchedulerHarness, _ label: String, on base: SnapshotProvenance.Reference, tables: [String] = ["items", "orders"]
    ) throws -> BackupJobRecord {
        try h.submitBackup(label, tables: tables) { record in
            record.provenance = SnapshotProvenance(kind: .incremental, base: base)
            record.requestedBase = base.label
        }
    }

    /// Submits `inc` on `base` and waits until it is held in UPLOADING (`release` lets it go).
    private func submitIncrementalHeldInUploading(_ h: SchedulerHarness, on base: SnapshotProvenance.Reference) throws {
        h.host.jobSettings.faultPauseAtState = "UPLOADING"
        _ = try submitIncremental(h, "inc", on: base)
        #expect(h.waitUntil { h.backupState("inc") == .uploading })
    }

    private func release(_ h: SchedulerHarness) {
        h.host.jobSettings.faultPauseAtState = nil
        h.onQueue { h.scheduler.backups.jobs.values.forEach { h.scheduler.backups.step($0) } }
    }

    private func info(_ h: SchedulerHarness, _ label: String, _ timestamp: String) throws -> SnapshotInfoFile {
        try SnapshotBrowser(store: h.host.repositoryStore, repositoryName: h.host.repository.name).info(label: label, timestamp: timestamp)
    }

    @Test func unchangedTabletsAreFoundInTheBaseAndNotUploadedAgain() throws {
        let h = try SchedulerHarness()
        let base = try fullBase(h)
        let record = try submitIncremental(h, "inc", on: base)
        #expect(h.waitUntil { h.backupState("inc") == .finished })
        let written = try info(h, "inc", record.snapshotTimestamp)
        let provenance = try #require(written.provenance)
        #expect(provenance.kind == .incremental && provenance.base == base)
        // Every file of every tablet (3 headers, 3 segments) lives in the base's folder.
        let located = provenance.fileLocations.values.flatMap { $0 }
        #expect(located.count == 6 && located.allSatisfy { $0.value == "base" })
        #expect(provenance.uploadedBytes == 0 && provenance.totalBytes > 0)
        let own = h.host.repositoryStore.keys.filter { $0.contains("/__ss_inc/") }
        #expect(own.filter { $0.contains("/__ss_content/") }.isEmpty, "\(own)")
        // backup_objects still lists every file, and each resolves to a key that exists.
        let keys = Set(h.host.repositoryStore.keys)
        #expect(written.fileKeys(in: RepositoryPaths(repositoryName: h.host.repository.name)).allSatisfy { keys.contains($0) })
        #expect(h.backup("inc")?.cells(full: false).suffix(4) == ["INCREMENTAL", "base", "0", String(provenance.totalBytes)])
    }

    @Test func aTabletTheBaseDoesNotHaveIsUploadedAndCountedAsUploaded() throws {
        let h = try SchedulerHarness()
        try h.host.makeTable("orders", buckets: 2)
        try h.host.makeTable("items", buckets: 1)
        let base = try h.submitBackup("base", tables: ["orders"])
        #expect(h.waitUntil { h.backupState("base") == .finished })
        let record = try submitIncremental(h, "inc", on: SnapshotProvenance.Reference(label: "base", timestamp: base.snapshotTimestamp))
        #expect(h.waitUntil { h.backupState("inc") == .finished })
        let provenance = try #require(try info(h, "inc", record.snapshotTimestamp).provenance)
        let store = h.host.repositoryStore
        let uploaded = try store.keys.filter { $0.contains("/__ss_inc/__ss_content/") }
        // Only the tablet of items: its header and its segment.
        #expect(uploaded.count == 2, "\(uploaded)")
        let uploadedBytes = try uploaded.reduce(Int64(0)) { $0 + Int64(try store.get($1).count) }
        #expect(provenance.uploadedBytes == uploadedBytes)
        #expect(provenance.totalBytes > provenance.uploadedBytes)
        #expect(provenance.fileLocations.count == 2)
    }

    @Test func aChainStaysFlatEachFileNamesTheFolderThatHoldsIt() throws {
        let h = try SchedulerHarness()
        let base = try fullBase(h)
        let first = try submitIncremental(h, "inc1", on: base)
        #expect(h.waitUntil { h.backupState("inc1") == .finished })
        let second = try submitIncremental(h, "inc2", on: SnapshotProvenance.Reference(label: "inc1", timestamp: first.snapshotTimestamp))
        #expect(h.waitUntil { h.backupState("inc2") == .finished })
        let provenance = try #require(try info(h, "inc2", second.snapshotTimestamp).provenance)
        #expect(provenance.base?.label == "inc1")
        #expect(provenance.labelsNeeded == ["base"], "inc1 holds none of the files, so inc2 must point past it")
    }

    @Test func aBaseThatCannotBeReadIsARetriedErrorNeverAFullUpload() throws {
        let h = try SchedulerHarness()
        let base = try fullBase(h)
        h.host.repositoryStore.fail(.get, with: ObjectStoreError(.io, "connection reset"))
        _ = try submitIncremental(h, "inc", on: base)
        #expect(h.waitUntil { h.backup("inc")?.record.status.message.contains("cannot read base snapshot base") == true })
        #expect(h.backupState("inc") == .uploadSnapshot)
        #expect(!h.host.repositoryStore.keys.contains { $0.contains("/__ss_inc/") })
        h.host.repositoryStore.stopFailing(.get)
        #expect(h.waitUntil(advancing: 60) { h.backupState("inc") == .finished })
        #expect(h.backup("inc")?.record.provenance?.uploadedBytes == 0)
    }

    @Test func aRunningIncrementalBackupHoldsItsBase() throws {
        let h = try SchedulerHarness()
        let base = try fullBase(h)
        try submitIncrementalHeldInUploading(h, on: base)
        #expect(h.scheduler.labelsInUse(repository: h.host.repository.id) == ["inc", "base"])
        release(h)
        #expect(h.waitUntil(advancing: 1) { h.backupState("inc") == .finished })
        #expect(h.scheduler.labelsInUse(repository: h.host.repository.id).isEmpty)
    }

    @Test func ownKeysLeaveOutWhatTheBaseHolds() throws {
        let h = try SchedulerHarness()
        let base = try fullBase(h)
        let record = try submitIncremental(h, "inc", on: base)
        #expect(h.waitUntil { h.backupState("inc") == .finished })
        let finished = try #require(h.backup("inc")?.record)
        let own = try BackupArtifacts(record: finished).ownKeys(repositoryName: h.host.repository.name)
        // Only `__meta`: every tablet file lives in the base's folder.
        #expect(own.count == 1 && own.first?.contains("/__ss_inc/__meta.") == true, "\(own)")
        #expect(record.label == "inc")
    }
    /// A file the base's `__info` lists but its folder lacks (damaged by hand, or dropped by
    /// another cluster) is uploaded, not pointed to.
    @Test func aFileMissingFromTheBaseFolderIsUploadedInstead() throws {
        let h = try SchedulerHarness()
        let base = try fullBase(h)
        let store = h.host.repositoryStore
        let segment = try #require(store.keys.first { $0.contains("/__ss_base/__ss_content/") && !$0.contains(".hdr.") })
        try store.delete([segment])
        let record = try submitIncremental(h, "inc", on: base)
        #expect(h.waitUntil { h.backupState("inc") == .finished })
        let written = try info(h, "inc", record.snapshotTimestamp)
        let keys = Set(store.keys)
        #expect(written.fileKeys(in: RepositoryPaths(repositoryName: h.host.repository.name)).allSatisfy { keys.contains($0) })
        let name = String(segment.split(separator: "/").last!)
        #expect(store.keys.contains { $0.contains("/__ss_inc/__ss_content/") && $0.hasSuffix("/" + name) })
        #expect(try #require(written.provenance).uploadedBytes > 0)
    }

    /// The base loses a file while the job uploads: the job never commits a snapshot that
    /// points to it, and says why.
    @Test func aBaseFileDeletedWhileTheJobRunsStopsItsCommit() throws {
        let h = try SchedulerHarness()
        let base = try fullBase(h)
        try submitIncrementalHeldInUploading(h, on: base)
        let store = h.host.repositoryStore
        let header = try #require(store.keys.first { $0.contains("/__ss_base/__ss_content/") && $0.contains(".hdr.") })
        try store.delete([header])
        release(h)
        #expect(h.waitUntil(advancing: 1) { h.backupState("inc") == .cancelled })
        #expect(h.backup("inc")?.record.status.message.contains("are no longer in repository") == true)
        #expect(!store.keys.contains { $0.contains("/__ss_inc/__info_") })
    }
}
