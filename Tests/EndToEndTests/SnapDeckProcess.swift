import Foundation
import TestSupport

/// Runs the built `snapdeck` binary as a user would, capturing its output and exit code.
/// The binary is `.build/debug/snapdeck` (the test command builds it first) unless
/// `SNAPDECK_BIN` names another.
struct SnapDeckProcess {
    static var binary: String {
        if let bin = ProcessInfo.processInfo.environment["SNAPDECK_BIN"] { return bin }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent(".build/debug/snapdeck").path
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String?] = [:]) throws -> ChildProcess.Output {
        try ChildProcess.run(binary, arguments, stdin: stdin, environment: environment)
    }

    /// Starts the binary without waiting for it (for tests that kill it midway).
    static func start(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(binary, arguments)
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-e2e-\(UUID())").path
    }
}
