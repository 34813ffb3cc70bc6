import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the reliability suites record each attempt when `SNAPDECK_RELIABILITY_REPORT` names a
/// file (`Scripts/reliability.sh` sets it and prints the table): one JSON line per attempt.
public enum ReliabilityReport {
    public static func record(suite: String, name: String, pass: Int, problems: [String]) {
        guard let path = ProcessInfo.processInfo.environment["SNAPDECK_RELIABILITY_REPORT"], !path.isEmpty else { return }
        let entry: [String: Any] = ["suite": suite, "case": name, "pass": pass, "survived": problems.isEmpty, "problems": problems]
        guard var line = try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys]) else { return }
        line.append(UInt8(ascii: "\n"))
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { return }
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// How many times each attempt runs: `SNAPDECK_RELIABILITY_PASSES`, else once (CI).
    public static var passes: Int {
        Int(ProcessInfo.processInfo.environment["SNAPDECK_RELIABILITY_PASSES"] ?? "") ?? 1
    }
}
