import Foundation
import Storage
import Testing

@Suite struct DurableFileTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-durable-\(UUID())").path

    @Test func writeCreatesFoldersAndRemoveTakesTheFileAndItsStagingCopy() throws {
        let path = root + "/a/b/file.dat"
        try DurableFile.write(Array("payload".utf8), to: path)
        #expect(try DurableFile.read(path) == Array("payload".utf8))
        #expect(FileManager.default.createFile(atPath: DurableFile.temporaryName(for: path), contents: Data()))
        #expect(DurableFile.removeWithStaging(path) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: DurableFile.temporaryName(for: path)))
        #expect(DurableFile.remove(root) == nil)
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func aPathThatCannotExistIsRemovedAlready() throws {
        try DurableFile.write([1], to: root + "/blocker")
        defer { DurableFile.remove(root) }
        #expect(DurableFile.remove(root + "/missing") == nil)
        #expect(DurableFile.remove(root + "/blocker/under-a-file") == nil)
    }

    @Test func aFileWhereAFolderMustBeIsNamedInTheError() throws {
        try DurableFile.write([1], to: root + "/blocker")
        defer { DurableFile.remove(root) }
        #expect(throws: FileError.self) { try DurableFile.write([2], to: root + "/blocker/inside") }
        do {
            try DurableFile.makeDirectories(root + "/blocker/sub")
            Issue.record("a file stands where the folder must be")
        } catch {
            #expect(error.description == "cannot create directory \(root)/blocker: File exists")
        }
    }
}
