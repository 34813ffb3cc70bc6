import Essentials
import Foundation
import Testing

@Suite struct RetryPolicyTests {
    @Test func delaysGrowToTheirCap() {
        let job = RetryPolicy.jobTask
        #expect((1...7).map { job.delay(after: $0) } == [1, 2, 4, 8, 16, 30, 30])
        #expect(job.allowsRetry(after: 1000))
    }

    @Test func jitterStaysWithinItsFraction() {
        let s3 = RetryPolicy.s3Request(attempts: 4)
        for attempt in 1...6 {
            let base = min(3, 0.2 * pow(3, Double(attempt - 1)))
            #expect((base * 0.75...base * 1.25).contains(s3.delay(after: attempt)), "attempt \(attempt)")
        }
        #expect(s3.allowsRetry(after: 3))
        #expect(!s3.allowsRetry(after: 4), "four tries in all")
    }

    @Test func aFixedPollWaitsAlike() {
        let poll = RetryPolicy(attempts: 20, firstDelay: 0.05)
        #expect(poll.delay(after: 1) == 0.05)
        #expect(poll.delay(after: 19) == 0.05)
    }
}

@Suite struct POSIXFileTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-posix-\(UUID())").path

    @Test func makeDirectoriesWriteReadAndRemoveATree() throws {
        try POSIXFile.makeDirectories(root + "/a/b/c")
        try POSIXFile.makeDirectories(root + "/a/b/c")
        #expect(POSIXFile.isDirectory(root + "/a/b/c"))
        let file = root + "/a/b/c/data"
        let fd = open(file, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        let bytes = Array("hello".utf8)
        #expect(POSIXFile.writeAll(fd, bytes, bytes.count) == 0)
        close(fd)
        let input = open(file, O_RDONLY | O_CLOEXEC)
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(buffer.withUnsafeMutableBytes { POSIXFile.readFull(input, $0.baseAddress!, 16) } == 5)
        close(input)
        #expect(Array(buffer.prefix(5)) == bytes)
        let again = open(file, O_RDONLY | O_CLOEXEC)
        #expect(buffer.withUnsafeMutableBytes { POSIXFile.readFull(again, $0.baseAddress!, 3, offset: 2) } == 3)
        #expect(buffer.withUnsafeMutableBytes { POSIXFile.readSome(again, $0.baseAddress!, 16) } == 5, "pread left the position at 0")
        close(again)
        #expect(try POSIXFile.entries(of: root + "/a/b/c").get() == ["data"])
        try POSIXFile.removeTree(root)
        #expect(!FileManager.default.fileExists(atPath: root))
        try POSIXFile.removeTree(root)
    }

    @Test func aFileInTheWayOfAFolderIsReported() throws {
        try POSIXFile.makeDirectories(root)
        defer { try? POSIXFile.removeTree(root) }
        #expect(FileManager.default.createFile(atPath: root + "/taken", contents: Data()))
        do {
            try POSIXFile.makeDirectories(root + "/taken/sub")
            Issue.record("a file stands where the folder must be")
        } catch {
            #expect(error.code == EEXIST)
            #expect(error.path == root + "/taken", "the part of the tree that failed")
        }
        try POSIXFile.removeTree(root + "/taken/sub")
        #expect(POSIXFile.parent(of: "/x") == "/")
        #expect(POSIXFile.parent(of: "x") == "")
        #expect(POSIXFile.parent(of: "/a/b") == "/a")
    }
}
