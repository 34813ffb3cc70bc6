import Foundation
import Storage
import Testing

/// `InputFile` opens regular files only, and says what anything else is, without blocking.
@Suite struct InputFileTests {
    private func refusal(_ path: String) -> String? {
        do {
            _ = try InputFile.open(path)
            return nil
        } catch {
            return error.description
        }
    }

    private func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-input-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func regularFilesAreReadToTheEnd() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "1,a\n2,b\n".write(toFile: folder + "/ok.csv", atomically: true, encoding: .utf8)
        let file = try InputFile.open(folder + "/ok.csv")
        var buffer = [UInt8](repeating: 0, count: 5)
        var read: [UInt8] = []
        while true {
            let n = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
            if n == 0 { break }
            read += buffer[0..<n]
        }
        #expect(String(decoding: read, as: UTF8.self) == "1,a\n2,b\n")
        // A symbolic link to a regular file is that file.
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: folder + "/ok.csv")
        #expect(refusal(folder + "/link.csv") == nil)
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO for reading blocks until a writer comes: if the check were missing,
        // this would hang rather than fail, so it runs aside and a writer rescues it.
        let done = DispatchSemaphore(value: 0)
        let message = LockedBox<String?>(nil)
        DispatchQueue.global().async {
            message.value = refusal(fifo)
            done.signal()
        }
        if done.wait(timeout: .now() + 30) == .timedOut {
            Issue.record("opening a FIFO blocked")
            let fd = open(fifo, O_WRONLY)
            close(fd)
            done.wait()
        }
        #expect(message.value == "'\(fifo)' is a FIFO, not a regular file")
    }

    @Test func devicesDirectoriesAndKernelFilesAreRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(refusal("/dev/zero") == "'/dev/zero' is a character device, not a regular file")
        #expect(refusal("/dev/urandom") == "'/dev/urandom' is a character device, not a regular file")
        #expect(refusal(folder) == "'\(folder)' is a directory, not a regular file")
        // /proc files stat as regular files of size 0.
        #expect(refusal("/proc/self/environ") == "'/proc/self/environ' is a file of the kernel's /proc file system, not a regular file")
        #expect(refusal("/proc/cpuinfo")?.contains("/proc file system") == true)
        if FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled") {
            #expect(refusal("/sys/kernel/mm/transparent_hugepage/enabled")?.contains("/sys file system") == true)
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/zero.csv", withDestinationPath: "/dev/zero")
        #expect(refusal(folder + "/zero.csv") == "'\(folder)/zero.csv' is a symbolic link to '/dev/zero', which is a character device, not a regular file")
        try FileManager.default.createSymbolicLink(atPath: folder + "/env.csv", withDestinationPath: "/proc/self/environ")
        #expect(refusal(folder + "/env.csv")?.contains("which is a file of the kernel's /proc file system") == true)
        #expect(refusal(folder + "/missing.csv")?.contains("No such file or directory") == true)
    }
}

/// A value shared with a closure that runs on another thread.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
