import Foundation
import Repository
import Testing

@Suite struct LocalObjectStoreTests {
    @Test func putGetRoundTripCreatesFoldersAndLeavesNoPart() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.path + "/store/")
        #expect(store.displayLocation == dir.path + "/store")
        try store.put(Array("hello".utf8), key: "a/b/c.txt")
        #expect(try store.get("a/b/c.txt") == Array("hello".utf8))
        try store.put([], key: "a/b/c.txt")
        #expect(try store.get("a/b/c.txt") == [])
        let big = patternBytes(200_000)
        try store.put(big, key: "big")
        #expect(try store.get("big") == big)
        #expect(dir.allFiles() == ["store/a/b/c.txt", "store/big"])
    }

    @Test func missingObjectsAreNotFound() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.path)
        try store.put([1], key: "folder/x")
        for key in ["nope", "folder", "folder/x/y"] {
            let e = #expect(throws: ObjectStoreError.self) { try store.get(key) }
            #expect(e?.kind == .notFound)
            #expect(e?.message.contains(key) == true)
        }
        let e = #expect(throws: ObjectStoreError.self) {
            try store.getFile("nope", to: dir.file("out"), control: UncontrolledTransfer())
        }
        #expect(e?.kind == .notFound)
        #expect(e?.message.contains("nope") == true)
    }

    @Test func sizeOf() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.path)
        try store.put(patternBytes(1234), key: "d/f")
        #expect(try store.size(of: "d/f") == 1234)
        #expect(try store.size(of: "d") == nil)
        #expect(try store.size(of: "d/missing") == nil)
        #expect(try store.size(of: "d/f/deeper") == nil)
    }

    @Test func putFileWithMatchingCRC() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("src", Array("123456789".utf8))
        let store = LocalObjectStore(root: dir.file("store"))
        // CRC32C("123456789") is the standard check value 0xE3069283.
        try store.putFile(dir.file("src"), key: "k/v", expectedCRC32C: 0xE306_9283, control: UncontrolledTransfer())
        #expect(try store.get("k/v") == Array("123456789".utf8))
        try store.putFile(dir.file("src"), key: "k/w", expectedCRC32C: nil, control: UncontrolledTransfer())
        #expect(try store.size(of: "k/w") == 9)
    }

    @Test func putFileStreamsInChunks() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let data = patternBytes(LocalObjectStore.chunkSize * 2 + 5)
        try dir.write("src", data)
        let store = LocalObjectStore(root: dir.file("store"))
        let control = CountingControl()
        try store.putFile(dir.file("src"), key: "big", expectedCRC32C: nil, control: control)
        #expect(control.advances == [LocalObjectStore.chunkSize, LocalObjectStore.chunkSize, 5])
        #expect(control.checks >= 3)  // before every chunk, and once more at the end of the copy
        #expect(try store.get("big") == data)
    }

    @Test func putFileWithWrongCRCLeavesNothing() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("src", Array("123456789".utf8))
        let store = LocalObjectStore(root: dir.file("store"))
        let e = #expect(throws: ObjectStoreError.self) {
            try store.putFile(dir.file("src"), key: "k/v", expectedCRC32C: 0x1234_5678, control: UncontrolledTransfer())
        }
        #expect(e?.kind == .checksumMismatch)
        #expect(e?.message.contains(dir.file("src")) == true)
        #expect(e?.message.contains("0x12345678") == true)
        #expect(e?.message.contains("0xe3069283") == true)
        #expect(try store.size(of: "k/v") == nil)
        #expect(dir.allFiles() == ["src"])
        #expect(!FileManager.default.fileExists(atPath: dir.file("store/k")))  // no empty folder left
    }

    @Test func putFileCancelledMidwayLeavesNothing() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try dir.write("src", patternBytes(LocalObjectStore.chunkSize * 3 + 1))
        let store = LocalObjectStore(root: dir.file("store"))
        try store.put([9], key: "other")
        let control = CountingControl(cancelAfter: 2)
        let e = #expect(throws: ObjectStoreError.self) {
            try store.putFile(dir.file("src"), key: "k/v", expectedCRC32C: nil, control: control)
        }
        #expect(e?.kind == .cancelled)
        #expect(control.advances.count == 2)
        #expect(try store.size(of: "k/v") == nil)
        #expect(!dir.allFiles().contains { $0.hasSuffix(".part") })
        #expect(try store.list(prefix: "").map(\.key) == ["other"])
    }

    @Test func putFileFromMissingSourceFails() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.path)
        let e = #expect(throws: ObjectStoreError.self) {
            try store.putFile(dir.file("missing"), key: "k", expectedCRC32C: nil, control: UncontrolledTransfer())
        }
        #expect(e?.kind == .io)
        #expect(e?.message.contains(dir.file("missing")) == true)
    }

    @Test func getFileReturnsMD5AndReplacesAtomically() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.file("store"))
        let data = patternBytes(LocalObjectStore.chunkSize + 77, seed: 7)
        try store.put(data, key: "obj")
        try dir.write("out", [1, 2, 3])
        let control = CountingControl()
        let md5 = try store.getFile("obj", to: dir.file("dl/out"), control: control)
        #expect(md5 == ChecksumName.md5(of: data))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: dir.file("dl/out")))) == data)
        #expect(control.advances == [LocalObjectStore.chunkSize, 77])
        // Replacing an existing file; the empty object has the MD5 of no bytes.
        try store.put([], key: "empty")
        #expect(try store.getFile("empty", to: dir.file("out"), control: UncontrolledTransfer()) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("out"))).isEmpty)
        #expect(!dir.allFiles().contains { $0.hasSuffix(".part") })
    }

    @Test func getFileCancelledLeavesNoPart() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.file("store"))
        try store.put(patternBytes(LocalObjectStore.chunkSize * 2), key: "obj")
        let e = #expect(throws: ObjectStoreError.self) {
            try store.getFile("obj", to: dir.file("out"), control: CountingControl(cancelAfter: 1))
        }
        #expect(e?.kind == .cancelled)
        #expect(dir.allFiles() == ["store/obj"])
    }

    @Test func listWithPartialPrefixSkipsPartFilesAndSorts() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.path)
        for key in ["r/__ss_label/b", "r/__ss_label/a/x", "r/__ss_lab2/y", "r/__ss_other/z", "r/__repo_info", "s/q"] {
            try store.put(Array(key.utf8), key: key)
        }
        try dir.write("r/__ss_label/c.part", [0])  // an interrupted upload
        #expect(try store.list(prefix: "r/__ss_lab").map(\.key) == ["r/__ss_lab2/y", "r/__ss_label/a/x", "r/__ss_label/b"])
        #expect(try store.list(prefix: "r/__ss_label/").map(\.key) == ["r/__ss_label/a/x", "r/__ss_label/b"])
        #expect(try store.list(prefix: "r/__ss_label/b") == [ObjectInfo(key: "r/__ss_label/b", size: 14)])
        #expect(try store.list(prefix: "").count == 6)
        #expect(try store.list(prefix: "missing/folder/x").isEmpty)
        #expect(try LocalObjectStore(root: dir.file("nowhere")).list(prefix: "").isEmpty)
    }

    @Test func deleteIgnoresMissingKeysAndPrunesEmptyFolders() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let root = dir.file("store")
        let store = LocalObjectStore(root: root)
        try store.put([1], key: "a/b/c/one")
        try store.put([2], key: "a/two")
        try store.delete(["a/b/c/one", "never/was", "a/b"])
        #expect(!FileManager.default.fileExists(atPath: root + "/a/b"))
        #expect(FileManager.default.fileExists(atPath: root + "/a/two"))
        try store.delete(["a/two"])
        #expect(!FileManager.default.fileExists(atPath: root + "/a"))
        #expect(FileManager.default.fileExists(atPath: root))  // the root itself stays
        #expect(try store.list(prefix: "").isEmpty)
    }

    @Test(arguments: ["", "/abs", "a/../b", "..", "a//b", "a\0b", "a/", "./a"])
    func badKeysAreRejected(_ key: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.path)
        let e = #expect(throws: ObjectStoreError.self) { try store.put([1], key: key) }
        #expect(e?.kind == .io)
        #expect(e?.message.hasPrefix("invalid object key: ") == true)
        #expect(throws: ObjectStoreError.self) { try store.get(key) }
        #expect(throws: ObjectStoreError.self) { try store.size(of: key) }
        #expect(throws: ObjectStoreError.self) { try store.delete([key]) }
        #expect(throws: ObjectStoreError.self) {
            try store.putFile(dir.file("x"), key: key, expectedCRC32C: nil, control: UncontrolledTransfer())
        }
        #expect(dir.allFiles().isEmpty)
    }

    @Test func badListPrefixesAreRejected() throws {
        let store = LocalObjectStore(root: "/tmp/unused-root")
        for prefix in ["/x", "a/../", "a//", "..", "a\0"] {
            #expect(throws: ObjectStoreError.self) { try store.list(prefix: prefix) }
        }
    }

    @Test func concurrentPutsOfDistinctKeys() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = LocalObjectStore(root: dir.path)
        DispatchQueue.concurrentPerform(iterations: 32) { i in
            try? store.put(patternBytes(1000, seed: UInt64(i)), key: "d\(i % 4)/f\(i)")
        }
        #expect(try store.list(prefix: "d").count == 32)
        #expect(try store.get("d3/f7") == patternBytes(1000, seed: 7))
    }
}
