import Foundation
import FuzzSupport

/// What a binary fuzz campaign saw: every run's outcome and wall time, and the runs that
/// crashed (ended by a signal, or an exit code other than 0, 1 or 2) or hung.
struct FuzzReport {
    /// A run worth a closer look, with what it takes to reproduce it.
    struct Finding: CustomStringConvertible {
        let run: FuzzRun
        let status: Int32?
        let seconds: Double
        let stderr: String
        /// The script, saved so that it can be fed to `snapdeck sql --force` again.
        let savedScript: String

        var description: String {
            let outcome = status.map { "exit status \($0)" } ?? "killed after \(Int(seconds)) s"
            let channel = run.channel == .argument ? "-e" : "stdin"
            let largest = run.statements.max { $0.count < $1.count } ?? []
            let start = String(decoding: largest.prefix(200), as: UTF8.self)
            return "run \(run.index) (\(channel), \(run.statements.count) statements, \(outcome), "
                + "\(String(format: "%.2f", seconds)) s); script saved as \(savedScript); largest statement: "
                + "\(largest.count) bytes, \(start.debugDescription)...; stderr ends: \(String(stderr.suffix(300)).debugDescription)"
        }
    }

    /// What makes a run a finding.
    enum Verdict {
        /// Ended by a signal, or an exit code other than 0, 1 and 2.
        case crash
        /// Killed at the time limit.
        case hang
        /// Over ``FuzzReport/slowRunSeconds``: counted, never failed, since tests assert
        /// nothing about time.
        case slow

        /// Nil for a run that went well; `status` is nil when the run was killed.
        init?(status: Int32?, seconds: Double) {
            guard let status else {
                self = .hang
                return
            }
            if ![0, 1, 2].contains(status) {
                self = .crash
            } else if seconds > FuzzReport.slowRunSeconds {
                self = .slow
            } else {
                return nil
            }
        }
    }

    static let slowRunSeconds = 2.0

    let seed: UInt64
    private(set) var statements = 0
    private(set) var runs = 0
    private(set) var crashes: [Finding] = []
    private(set) var hangs: [Finding] = []
    private(set) var slowRuns: [Finding] = []
    private(set) var slowestSeconds = 0.0

    init(seed: UInt64) {
        self.seed = seed
    }

    mutating func record(_ run: FuzzRun, seconds: Double) {
        statements += run.statements.count
        runs += 1
        slowestSeconds = max(slowestSeconds, seconds)
    }

    mutating func add(_ finding: Finding, as verdict: Verdict) {
        switch verdict {
        case .crash: crashes.append(finding)
        case .hang: hangs.append(finding)
        case .slow: slowRuns.append(finding)
        }
    }

    var markdown: String {
        """
        | statements | runs | crashes | hangs | runs over 2 s | slowest run (s) |
        | ---: | ---: | ---: | ---: | ---: | ---: |
        | \(statements) | \(runs) | \(crashes.count) | \(hangs.count) | \(slowRuns.count) | \(String(format: "%.2f", slowestSeconds)) |

        """
    }

    /// The seed and table, then every finding, slow runs included.
    var fullText: String {
        var text = "Seed \(seed):\n\n" + markdown
        for (title, findings) in [("Crashes", crashes), ("Hangs", hangs), ("Runs over 2 s", slowRuns)] where !findings.isEmpty {
            text += "\n\(title):\n" + findings.map { "- \($0)" }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
