import Foundation
import FuzzSupport
import TestSupport
import Testing

/// Mutated statements fed to the real binary through `snapdeck sql -e` and stdin, against
/// scratch data directories: no run may crash or hang.
///
/// `SNAPDECK_FUZZ_COUNT` (statements, 20,000 by default) and `SNAPDECK_FUZZ_SEED` choose the
/// campaign, `SNAPDECK_FUZZ_REPORT` names a file for the Markdown report; `Scripts/fuzz.sh` sets
/// them. Wall times are measured and reported, never asserted.
@Suite(.serialized) struct BinaryFuzzTests {
    static let defaultSeed: UInt64 = 0x5EED_B1_0A_F0_22
    /// Far beyond any run's real work, so only a hang reaches it.
    static let hangSeconds = 60.0

    @Test func mutatedStatementsNeverCrashOrHangTheBinary() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["SNAPDECK_FUZZ_COUNT"].flatMap { Int($0) } ?? 20_000
        let seed = environment["SNAPDECK_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let folder = SnapDeckProcess.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let findings = folder + "-findings"
        var report = FuzzReport(seed: seed)
        var current: Scratch?
        for run in FuzzCampaign(seed: seed, count: count) {
            if run.startsDirectory {
                if let old = current { try? FileManager.default.removeItem(atPath: old.folder) }
                current = try Scratch.prepare(folder + "/data-\(run.index)")
            }
            let scratch = try #require(current)
            let script = scratch.filling(run.script)
            let outcome = try Self.execute(script, through: run.channel, cluster: scratch.cluster, folder: folder)
            report.record(run, seconds: outcome.seconds)
            guard let verdict = FuzzReport.Verdict(status: outcome.status, seconds: outcome.seconds) else { continue }
            try FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
            let saved = findings + "/seed-\(seed)-run-\(run.index).sql"
            try Data(script).write(to: URL(fileURLWithPath: saved))
            report.add(
                FuzzReport.Finding(run: run, status: outcome.status, seconds: outcome.seconds, stderr: outcome.stderr, savedScript: saved),
                as: verdict)
        }
        try? FileManager.default.removeItem(atPath: folder)
        print(report.fullText)
        if let path = environment["SNAPDECK_FUZZ_REPORT"] {
            try report.fullText.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(report.statements == count)
        #expect(report.crashes.isEmpty, "\(report.crashes)")
        #expect(report.hangs.isEmpty, "\(report.hangs)")
    }

    /// Mutants of statements that fail at once reach little of the engine. One process each,
    /// so that a job one starts has finished before the next.
    @Test func theCorpusRunsAfterThePrelude() throws {
        let folder = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scratch = try Scratch.prepare(folder)
        for statement in EngineCorpus.ownStatements + ClientCorpus.statements {
            let sql = String(decoding: scratch.filling(Array(statement.utf8)), as: UTF8.self)
            let result = try SnapDeckProcess.run(["sql", "--data", scratch.cluster, "-e", sql])
            #expect(result.status == 0, "\(statement): \(result.stderr)")
        }
    }

    /// The exit status (nil when the run hung and was killed), wall time and stderr of one run.
    private static func execute(_ script: [UInt8], through channel: FuzzRun.Channel, cluster: String, folder: String)
        throws -> (status: Int32?, seconds: Double, stderr: String)
    {
        var arguments = ["sql", "--force", "--data", cluster]
        let input = folder + "/stdin"
        switch channel {
        case .argument:
            arguments += ["-e", String(decoding: script, as: UTF8.self)]
            try Data().write(to: URL(fileURLWithPath: input))
        case .standardInput:
            try Data(script).write(to: URL(fileURLWithPath: input))
        }
        let started = DispatchTime.now()
        let child = try ChildProcess(SnapDeckProcess.binary, arguments, stdinPath: input)
        let exited = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            child.wait()
            exited.signal()
        }
        var hung = false
        if exited.wait(timeout: started + hangSeconds) == .timedOut {
            hung = true
            // Not child.signal: its waiter holds the child's lock while blocked in waitpid.
            kill(child.pid, SIGKILL)
            exited.wait()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return (hung ? nil : child.wait(), seconds, child.stderr)
    }
}

/// A folder for a fuzzed cluster: its data directory, the repository and CSV file the corpus
/// names, and the prelude's snapshot.
private struct Scratch {
    let folder: String
    let timestamp: String

    var cluster: String { folder + "/cluster" }

    /// Creates the folder, writes the CSV file and runs the prelude.
    static func prepare(_ folder: String) throws -> Scratch {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try EngineCorpus.csv.write(toFile: folder + "/rows.csv", atomically: true, encoding: .utf8)
        var scratch = Scratch(folder: folder, timestamp: "")
        let prelude = String(decoding: scratch.filling(Array(EngineCorpus.prelude.utf8)), as: UTF8.self)
        let setup = try SnapDeckProcess.run(["sql", "--data", scratch.cluster, "-e", prelude])
        #expect(setup.status == 0, "\(setup.stderr)")
        let snapshot = try SnapDeckProcess.run(
            ["sql", "--data", scratch.cluster, "--format", "tsv", "-e", "SHOW SNAPSHOT ON fz_repo WHERE SNAPSHOT = 'snap1'"])
        let row = snapshot.stdout.split(separator: "\n").dropFirst().first?.split(separator: "\t")
        scratch = Scratch(folder: folder, timestamp: row.map { String($0[1]) } ?? "")
        #expect(!scratch.timestamp.isEmpty, "\(snapshot.stderr)")
        return scratch
    }

    /// The script with the corpus's placeholders replaced.
    func filling(_ script: [UInt8]) -> [UInt8] {
        let replacements = [(EngineCorpus.scratch, folder), (EngineCorpus.timestamp, timestamp)].map {
            (Array($0.0.utf8), Array($0.1.utf8))
        }
        var out: [UInt8] = []
        out.reserveCapacity(script.count)
        var index = 0
        while index < script.count {
            if script[index] == UInt8(ascii: "$"),
                let (placeholder, value) = replacements.first(where: { script[index...].starts(with: $0.0) }) {
                out += value
                index += placeholder.count
            } else {
                out.append(script[index])
                index += 1
            }
        }
        return out
    }
}
