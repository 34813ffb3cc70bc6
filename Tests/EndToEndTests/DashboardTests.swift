import Foundation
import TestSupport
import Testing

/// Drives the real dashboard in tmux as an operator would: keys in, screen text out, polled
/// with timeouts.
@Suite(.serialized) struct DashboardTests {
    final class Pane {
        let session = "snapdeck-e2e-\(UUID().uuidString.prefix(8))"
        private var socket: String { NSTemporaryDirectory() + session + ".tmux" }

        /// Every pane gets a tmux server of its own (`-S`): a server exits once its last session
        /// is killed, and a `new-session` that reaches a server in the middle of exiting loses
        /// its pane moments later (seen in CI between two panes of one test). A private socket
        /// also keeps the tests away from an operator's own tmux sessions.
        init(_ command: String, width: Int = 120, height: Int = 32) throws {
            try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command])
        }

        deinit {
            _ = try? tmux(["kill-server"])
            unlink(socket)  // tmux leaves its socket file behind
        }

        func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

        /// Types text literally (tmux would otherwise treat a trailing `;` as its own separator).
        func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text.replacingOccurrences(of: ";", with: "\\;")]) }

        func screen() -> String { (try? tmux(["capture-pane", "-t", session, "-p"])) ?? "" }

        @discardableResult
        func waitFor(_ text: String, seconds: Double = 30) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if screen().contains(text) { return true }
                usleep(50_000)
            }
            return screen().contains(text)
        }

        /// Waits until some line of the screen satisfies `test`.
        func waitForLine(seconds: Double = 30, _ test: (Substring) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if screen().split(separator: "\n").contains(where: test) { return true }
                usleep(50_000)
            }
            return false
        }

        func resize(_ width: Int, _ height: Int) throws {
            try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
        }

        @discardableResult
        private func tmux(_ arguments: [String]) throws -> String {
            try ChildProcess.run("/usr/bin/tmux", ["-S", socket] + arguments).stdout
        }
    }

    /// Shell text that writes `stty -a` to `path` once the dashboard has exited. It goes through
    /// a temporary name: the shell creates a redirect's file before stty writes to it, and a test
    /// polling for the file could read it empty.
    static func saveTerminalModes(to path: String) -> String {
        "stty -a > '\(path).tmp' && mv '\(path).tmp' '\(path)'"
    }

    @Test func backupCancelRestoreResizeAndQuitFromTheKeyboard() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let demo = try SnapDeckProcess.run(["demo", "--dir", dir, "--orders", "20000", "--no-dashboard"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let prepare = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            BACKUP SNAPSHOT retail.base TO demo_repo ON (products);
            CREATE DATABASE restored;
            ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '65536');
            """])
        #expect(prepare.status == 0, "\(prepare.stderr)")
        let stty = dir + "-stty.txt"
        defer { try? FileManager.default.removeItem(atPath: stty) }
        let pane = try Pane("env LANG=C.UTF-8 TERM=xterm-256color '\(SnapDeckProcess.binary)' tui --data '\(dir)'; \(Self.saveTerminalModes(to: stty)); sleep 120")
        #expect(pane.waitFor("1 Backups"), "\(pane.screen())")

        // Start a backup from the dialog; with the rate limit it is still running when we look.
        try pane.keys("b")
        #expect(pane.waitFor("New backup"))
        try Self.chooseRetail(pane)
        try pane.keys("Enter")
        #expect(pane.waitFor("UPLOADING"), "\(pane.screen())")
        // Cancel it with c; the confirmation names the job and defaults to Cancel.
        try pane.keys("c")
        #expect(pane.waitFor("Cancel"))
        try pane.keys("y")
        #expect(pane.waitFor("CANCELLED"), "\(pane.screen())")

        // Lift the limit from the SQL console, then back up again and watch it finish.
        try pane.keys("6")
        #expect(pane.waitFor("Console"))
        try pane.type("ADMIN SET FRONTEND CONFIG ('transfer_rate_limit_bytes_per_second' = '0')")
        try pane.keys("Enter")
        #expect(pane.waitFor("Query OK"), "\(pane.screen())")
        try pane.keys("Escape")  // leave the SQL prompt, so 1–7 switch tabs again
        try pane.keys("1", "b")
        #expect(pane.waitFor("New backup"))
        try Self.chooseRetail(pane)
        try pane.keys("Enter")
        #expect(pane.waitForLine { $0.contains("retail_") && $0.contains("FINISHED") }, "\(pane.screen())")
        try pane.keys("Escape")

        // Restore the products snapshot into another database with r.
        try pane.keys("4")
        #expect(pane.waitFor("base"), "\(pane.screen())")
        // Narrow the list to `base`, then open the restore dialog on it.
        try pane.keys("/")
        try pane.type("base")
        try pane.keys("Enter")
        var opened = false
        for _ in 0..<5 where !opened {
            try pane.keys("r")
            opened = pane.waitFor("Restore snapshot", seconds: 3)
        }
        #expect(opened, "\(pane.screen())")
        for _ in 0..<12 { try pane.keys("BSpace") }
        try pane.type("restored")
        #expect(pane.waitFor("RESTORE SNAPSHOT `restored`.`base`"), "\(pane.screen())")
        try pane.keys("Enter")
        try pane.keys("2")
        #expect(pane.waitForLine { $0.contains("base") && $0.contains("FINISHED") }, "\(pane.screen())")

        // Live resize down to 80x24 keeps the dashboard drawn.
        try pane.resize(80, 24)
        #expect(pane.waitFor("1 Backups"), "\(pane.screen())")
        try pane.keys("q")
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: stty), Date() < deadline { usleep(50_000) }
        let modes = try String(contentsOfFile: stty, encoding: .utf8)
        #expect(modes.contains(" icanon") && modes.contains(" echo"), "\(modes)")

        let check = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "CHECKSUM TABLE retail.products, restored.products"])
        let sums = check.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").last }
        #expect(sums.count == 2 && sums[0] == sums[1], "\(check.stdout) \(check.stderr)")
    }

    /// The backup dialog's Database field cycles with ← / →; pick `retail`. Shared by the local
    /// and remote dashboard tests.
    static func chooseRetail(_ pane: Pane) throws {
        for _ in 0..<4 where !pane.screen().contains("BACKUP SNAPSHOT `retail`.") {
            try pane.keys("Right")
            _ = pane.waitFor("BACKUP SNAPSHOT `retail`.", seconds: 0.3)
        }
        #expect(pane.waitFor("BACKUP SNAPSHOT `retail`."), "\(pane.screen())")
    }

    /// The `n` dialog creates an S3 repository on a real S3 server; the secret is typed but never
    /// on screen.
    @Test func newS3RepositoryFromTheDialogNeverShowsTheSecret() throws {
        let server = try S3TestServer()
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try SnapDeckProcess.run(["init", "--data", dir]).status == 0)
        let pane = try Pane("env LANG=C.UTF-8 TERM=xterm-256color '\(SnapDeckProcess.binary)' tui --data '\(dir)'; sleep 60")
        #expect(pane.waitFor("1 Backups"), "\(pane.screen())")
        try pane.keys("3", "n")
        #expect(pane.waitFor("New repository"), "\(pane.screen())")
        try pane.type("s3dash")
        try pane.keys("Tab", "Right", "Tab")
        #expect(pane.waitFor("Endpoint"), "\(pane.screen())")
        try pane.type("s3://snapdeck/dash")
        try pane.keys("Tab")
        try pane.type(server.endpoint)
        try pane.keys("Tab", "Tab")
        try pane.type(server.accessKey)
        try pane.keys("Tab")
        try pane.type(server.secretKey)
        #expect(pane.waitFor("\"s3.secret_key\" = \"******\""), "\(pane.screen())")
        #expect(!pane.screen().contains(server.secretKey))
        try pane.keys("Enter")
        // The dialog closes once the engine has created it; then the table lists it.
        #expect(pane.waitForLine { $0.contains("s3dash") && $0.contains("s3://snapdeck/dash") && !$0.contains("CREATE") }
            && !pane.screen().contains("New repository"), "\(pane.screen())")
        #expect(!pane.screen().contains(server.secretKey))
        #expect(FileManager.default.fileExists(atPath: server.dataDirectory + "/snapdeck/dash/__palo_repository_s3dash/__repo_info"))
        try pane.keys("q")
    }

    @Test func signalsRestoreTheTerminal() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try SnapDeckProcess.run(["init", "--data", dir]).status == 0)
        for signal in ["TERM", "HUP", "INT"] {
            let stty = dir + "-stty-\(signal).txt"
            defer { try? FileManager.default.removeItem(atPath: stty) }
            let pane = try Pane("env LANG=C.UTF-8 '\(SnapDeckProcess.binary)' tui --data '\(dir)'; \(Self.saveTerminalModes(to: stty)); sleep 60")
            #expect(pane.waitFor("1 Backups"), "before SIG\(signal): \(pane.screen())")
            // The dashboard holds the data directory's lock file, which names its PID.
            let pid = try String(contentsOfFile: dir + "/snapdeck.lock", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            kill(pid_t(pid) ?? 0, signal == "TERM" ? SIGTERM : signal == "HUP" ? SIGHUP : SIGINT)
            let deadline = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: stty), Date() < deadline { usleep(50_000) }
            let modes = (try? String(contentsOfFile: stty, encoding: .utf8)) ?? ""
            #expect(modes.contains(" icanon") && modes.contains(" echo"), "after SIG\(signal): \(modes)")
        }
    }
}
