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

    /// The state of the newest journalled job of `kind` (`BACKUP` or `RESTORE`), read from
    /// the catalog by `sqlite3` while a snapdeck process may own it.
    static func journalState(_ dir: String, kind: String = "BACKUP") -> String? {
        let query = "SELECT state FROM jobs WHERE kind = '\(kind)' ORDER BY id DESC LIMIT 1"
        guard let output = try? ChildProcess.run("/usr/bin/sqlite3", ["file:\(dir)/meta.sqlite?mode=ro", query]) else { return nil }
        let text = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Polls until `condition` holds or `seconds` pass; returns whether it held.
    static func poll(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("snapdeck-e2e-\(UUID())").path
    }
}
