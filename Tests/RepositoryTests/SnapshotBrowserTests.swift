import Foundation
import Repository
import Testing

@Suite struct SnapshotBrowserTests {
    var fixtureBrowser: SnapshotBrowser {
        SnapshotBrowser(store: LocalObjectStore(root: Fixtures.dorisRepo), repositoryName: Fixtures.repoName)
    }

    @Test func labels() throws {
        #expect(try fixtureBrowser.labels() == ["broken", "leftover", "snap1"])
        // Another repository's name sharing the prefix sees nothing.
        #expect(try SnapshotBrowser(store: LocalObjectStore(root: Fixtures.dorisRepo), repositoryName: "doris").labels() == [])
        #expect(try SnapshotBrowser(store: LocalObjectStore(root: "/nonexistent-root"), repositoryName: "r").labels() == [])
    }

    @Test func summaries() throws {
        let b = fixtureBrowser
        #expect(b.summary(label: "snap1") == .init(label: "snap1", timestamps: ["2022-04-08-15-52-29"], status: "OK"))
        #expect(b.summary(label: "broken") == .init(label: "broken", timestamps: [], status: "ERROR: No info file found"))
        // LocalObjectStore hides `.part` files, so the interrupted info upload is not seen.
        #expect(b.summary(label: "leftover") == .init(label: "leftover", timestamps: [], status: "ERROR: No info file found"))
        #expect(b.summary(label: "no_such_label").status == "ERROR: No info file found")
        #expect(try b.summaries().map(\.label) == ["broken", "leftover", "snap1"])
        #expect(try b.summaries().map(\.status) == ["ERROR: No info file found", "ERROR: No info file found", "OK"])
    }

    @Test func invalidInfoNamesOnAStoreThatShowsPartFiles() throws {
        let store = try MemoryStore(loading: Fixtures.dorisRepo)
        let b = SnapshotBrowser(store: store, repositoryName: Fixtures.repoName)
        #expect(b.summary(label: "leftover") == .init(
            label: "leftover", timestamps: ["Invalid: __info_2018-04-18-20-11-00.part"], status: "OK"))
        // A later successful run of the same label: both are listed, sorted.
        let info = Array("{}".utf8)
        try store.put(info, key: "__palo_repository_doris_repo/__ss_leftover/__info_2018-04-18-20-15-00.99914b932bd37a50b983c5e7c90ae93b")
        #expect(b.summary(label: "leftover").timestamps == ["2018-04-18-20-15-00", "Invalid: __info_2018-04-18-20-11-00.part"])
        // An info file nested deeper is not the label's.
        try store.put(info, key: "__palo_repository_doris_repo/__ss_broken/__info_x/__info_2020-01-01-00-00-00.99914b932bd37a50b983c5e7c90ae93b")
        #expect(b.summary(label: "broken").status == "ERROR: No info file found")
    }

    @Test func listingFailureIsReportedInTheRow() throws {
        let store = MemoryStore()
        store.failListing = ObjectStoreError(.io, "connection reset")
        let b = SnapshotBrowser(store: store, repositoryName: "r")
        #expect(b.summary(label: "x") == .init(label: "x", timestamps: [], status: "ERROR: Failed to get info: connection reset"))
        #expect(throws: ObjectStoreError.self) { try b.labels() }
    }

    @Test func infoDownloadsVerifiesAndDecodes() throws {
        let info = try fixtureBrowser.info(label: "snap1", timestamp: "2022-04-08-15-52-29")
        #expect(info == (try SnapshotInfoFile.decode(Fixtures.bytes(Fixtures.snap1Info))))
        #expect(info.name == "snap1")
        #expect(info.brief().contains(#""name": "example_tbl""#))
    }

    @Test func infoLookupErrors() throws {
        let b = fixtureBrowser
        var e = #expect(throws: ObjectStoreError.self) { try b.info(label: "broken", timestamp: "2022-04-08-15-52-29") }
        #expect(e?.kind == .notFound)
        #expect(e?.message == "Expected one file with path: __palo_repository_doris_repo/__ss_broken/__info_2022-04-08-15-52-29. get: 0")
        // A prefix of the real timestamp globs the file but is not its name.
        e = #expect(throws: ObjectStoreError.self) { try b.info(label: "snap1", timestamp: "2022-04-08-15-52-2") }
        #expect(e?.kind == .notFound)
        #expect(e?.message == "File does not exist: __palo_repository_doris_repo/__ss_snap1/__info_2022-04-08-15-52-2")

        let memory = SnapshotBrowser(store: try MemoryStore(loading: Fixtures.dorisRepo), repositoryName: Fixtures.repoName)
        e = #expect(throws: ObjectStoreError.self) { try memory.info(label: "leftover", timestamp: "2018-04-18-20-11-00") }
        #expect(e?.kind == .io)
        #expect(e?.message.hasPrefix("file name should contain checksum: ") == true)
    }

    @Test func infoWithAlteredContentIsAChecksumMismatch() throws {
        let copy = try Fixtures.copy()
        defer { copy.remove() }
        let path = "\(copy.path)/\(Fixtures.snap1Info)"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[10] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let b = SnapshotBrowser(store: LocalObjectStore(root: copy.path), repositoryName: Fixtures.repoName)
        let e = #expect(throws: ObjectStoreError.self) { try b.info(label: "snap1", timestamp: "2022-04-08-15-52-29") }
        #expect(e?.kind == .checksumMismatch)
        #expect(e?.message.hasPrefix("md5sum does not equal. local: ") == true)
        // The message names the damaged file.
        #expect(e?.message.hasSuffix(", remote: 32220ff5e631d3051be26722469398eb, file: \(Fixtures.snap1Info)") == true, "\(e?.message ?? "")")
        // The summary only lists names, so it is still OK.
        #expect(b.summary(label: "snap1").status == "OK")
    }

    @Test func infoThatDoesNotDecodeIsAnIOError() throws {
        let store = MemoryStore()
        let garbage = Array("not json".utf8)
        let md5 = ChecksumName.md5(of: garbage)
        try store.put(garbage, key: "__palo_repository_r/__ss_l/__info_2020-01-01-00-00-00.\(md5)")
        let b = SnapshotBrowser(store: store, repositoryName: "r")
        let e = #expect(throws: ObjectStoreError.self) { try b.info(label: "l", timestamp: "2020-01-01-00-00-00") }
        #expect(e?.kind == .io)
        #expect(e?.message.hasPrefix("Failed to read info from file __palo_repository_r/__ss_l/__info_2020-01-01-00-00-00.") == true)
        #expect(e?.message.contains("invalid job info") == true)
    }

    @Test func metaFile() throws {
        let b = fixtureBrowser
        #expect(try b.metaFile(label: "snap1") == "__palo_repository_doris_repo/__ss_snap1/__meta.10898e347165a1e28c88b6a3a013973a")
        #expect(try b.metaFile(label: "leftover") == "__palo_repository_doris_repo/__ss_leftover/__meta.10898e347165a1e28c88b6a3a013973a")
        #expect(try b.metaFile(label: "broken") == nil)
        let store = try MemoryStore(loading: Fixtures.dorisRepo)
        try store.put([1], key: "__palo_repository_doris_repo/__ss_snap1/__meta.00000000000000000000000000000000")
        #expect(throws: ObjectStoreError.self) {
            try SnapshotBrowser(store: store, repositoryName: Fixtures.repoName).metaFile(label: "snap1")
        }
    }

    @Test func fixtureDataFilesMatchTheInfoFile() throws {
        // Every file the info lists exists under the tablet's folder with the MD5 of its bytes.
        let store = LocalObjectStore(root: Fixtures.dorisRepo)
        let info = try fixtureBrowser.info(label: "snap1", timestamp: "2022-04-08-15-52-29")
        let paths = RepositoryPaths(repositoryName: Fixtures.repoName)
        let dl = try TempDir()
        defer { dl.remove() }
        var count = 0
        for table in info.tables {
            for part in table.partitions {
                for index in part.indexes {
                    for tablet in index.tablets {
                        let dir = paths.tabletDirectory(
                            label: "snap1", dbId: info.databaseId, tableId: table.id, partitionId: part.id,
                            indexId: index.id, tabletId: tablet.id)
                        for file in tablet.files {
                            let md5 = try store.getFile("\(dir)/\(file)", to: dl.file("f"), control: UncontrolledTransfer())
                            #expect(ChecksumName.split(file)?.md5 == md5)
                            count += 1
                        }
                    }
                }
            }
        }
        #expect(count == 8)
    }
}
