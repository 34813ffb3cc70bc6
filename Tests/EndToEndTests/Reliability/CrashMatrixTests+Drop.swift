import Foundation
import TestSupport
import Testing

/// kill -9 of the real binary in the middle of DROP SNAPSHOT, held by `fault_pause_drop_after`
/// after each step of the drop (marker durable, `__info` gone, other files gone), for a plain
/// drop of the tip of a chain full → incremental → incremental and a FORCE drop of its base.
/// After the kill a fresh process lists only snapshots that are whole (each one's CHECK clean
/// and its restore equal to the checksums it was taken at), the cut-off snapshot listed with
/// its files (DROPPING) or not at all; a later drop finishes it, leaving no marker and no file
/// but those listed snapshots read.
extension CrashMatrixTests {
    static let dropSteps = ["marker", "infos", "files"]

    @Test(arguments: dropSteps)
    func killAPlainDropAfter(step: String) throws {
        try killDrop("drop of a chain's tip", "DROP SNAPSHOT inc2 ON r", of: "inc2", after: step) { c, _, before in
            // The same drop again finishes it.
            var problems = c.expectSuccess(try c.sql("DROP SNAPSHOT inc2 ON r"), "the drop again")
            if try Set(Self.listed(c).keys) != ["base", "inc1"] { problems.append("listed after the drop: \(try Self.listed(c))") }
            if !c.snapshotFiles("inc2").isEmpty { problems.append("left in inc2's folder: \(c.snapshotFiles("inc2").sorted())") }
            for label in ["base", "inc1"] where c.snapshotFiles(label) != before[label] {
                problems.append("the files of \(label) changed: \(c.snapshotFiles(label).symmetricDifference(before[label] ?? []).sorted())")
            }
            return problems
        }
    }

    @Test(arguments: dropSteps)
    func killAForceDropOfABaseAfter(step: String) throws {
        try killDrop("drop FORCE of a chain's base", "DROP SNAPSHOT base ON r FORCE", of: "base", after: step) { c, chain, before in
            // A drop of another label finishes it: base's folder keeps only what inc1 reads.
            var problems = c.expectSuccess(try c.sql("DROP SNAPSHOT inc2 ON r"), "the drop of inc2")
            if try Set(Self.listed(c).keys) != ["inc1"] { problems.append("listed after dropping inc2: \(try Self.listed(c))") }
            let kept = c.snapshotFiles("base").subtracting(["__palo_repository_r/__ss_base/__dropping"])
            if !kept.isSubset(of: before["base"] ?? []) || kept.contains(where: { !$0.contains(".dat.") && !$0.contains(".hdr.") }) || kept.isEmpty {
                problems.append("base's folder holds more than the files inc1 reads: \(kept.sorted())")
            }
            problems += try c.restoreAndCheck(chain[1], into: "again_inc1")
            // The last reader takes the kept files along.
            problems += c.expectSuccess(try c.sql("DROP SNAPSHOT inc1 ON r"), "the drop of inc1")
            for night in chain where !c.snapshotFiles(night.label).isEmpty {
                problems.append("left in \(night.label)'s folder: \(c.snapshotFiles(night.label).sorted())")
            }
            return problems
        }
    }

    /// One case: on a fresh chain, `drop` (of `label`) killed after `step` and checked, then
    /// `finish` (given the chain and the files of each of its folders before the drop) and a
    /// last look for markers and leftovers.
    private func killDrop(
        _ name: String, _ drop: String, of label: String, after step: String,
        finish: (CrashCluster, [CrashCluster.Night], [String: Set<String>]) throws -> [String]
    ) throws {
        try attempts("\(name) after \(step)") { c in
            let chain = try Self.chain(c)
            let before = Self.files(of: chain, c)
            let problems = try Self.killDrop(drop, of: label, after: step, chain: chain, before: before, c)
            return problems + (try finish(c, chain, before)) + Self.leftovers(c)
        }
    }

    /// Backs up base (full), then inc1 and inc2 (incremental) with loads in between.
    private static func chain(_ c: CrashCluster) throws -> [CrashCluster.Night] {
        let base = try c.night("base")
        try c.load("""
            INSERT INTO d.t VALUES (11, 'k');
            ALTER TABLE d.p ADD PARTITION p3 VALUES LESS THAN ("2025-04-01");
            INSERT INTO d.p VALUES (4, '2025-03-04'), (5, '2025-01-06');
            """)
        let inc1 = try c.night("inc1", "'type' = 'incremental'")
        try c.load("INSERT INTO d.p VALUES (6, '2025-01-20'), (7, '2025-03-21')")
        return [base, inc1, try c.night("inc2", "'type' = 'incremental'")]
    }

    /// Runs `drop` (of `label`) held after `step`, kills the process there, and checks what a
    /// fresh process sees: every listed snapshot whole, `label` listed DROPPING with all its
    /// files (after `marker`) or not listed (after `infos` and `files`).
    private static func killDrop(
        _ drop: String, of label: String, after step: String, chain: [CrashCluster.Night], before: [String: Set<String>], _ c: CrashCluster
    ) throws -> [String] {
        try c.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_drop_after' = '\(step)')")
        let process = try c.start(drop)
        let held = SnapDeckProcess.poll(seconds: 60) {
            let log = (try? String(contentsOfFile: c.dir + "/log/snapdeck.log", encoding: .utf8)) ?? ""
            return log.contains("drop of snapshot \(label) from r holds after step \(step)")
        }
        process.signal(SIGKILL)
        process.wait()
        guard held else { return ["the drop never held after \(step): \(process.stderr)"] }
        var problems = onDisk(label, after: step, before: before[label] ?? [], c)
        problems += c.expectSuccess(try c.sql("ADMIN SET FRONTEND CONFIG ('fault_pause_drop_after' = '')"), "reopen")
        let listed = try listed(c)
        let expected = chain.map(\.label).filter { step == "marker" || $0 != label }
        if Set(listed.keys) != Set(expected) { problems.append("listed after the kill: \(listed), expected \(expected)") }
        if step == "marker", listed[label] != "DROPPING" { problems.append("\(label) is listed as \(listed[label] ?? "nothing"), not DROPPING") }
        for night in chain where night.label != label && listed[night.label] != nil {
            problems += try c.restoreAndCheck(night)
        }
        return problems
    }

    /// What the killed drop must have left of `label`'s folder after `step`.
    private static func onDisk(_ label: String, after step: String, before: Set<String>, _ c: CrashCluster) -> [String] {
        let marker = "__palo_repository_r/__ss_\(label)/__dropping"
        let now = c.snapshotFiles(label)
        let wholeFolder = before.union([marker])
        let withoutInfos = wholeFolder.filter { !$0.contains("/__info_") }
        switch step {
        case "marker" where now == wholeFolder, "infos" where now == withoutInfos:
            return []
        case "files" where now.contains(marker) && now.isSubset(of: withoutInfos) && !now.contains(where: { $0.contains("/__meta") }):
            return []
        default:
            return ["after \(step), \(label)'s folder holds \(now.sorted()) of \(wholeFolder.sorted())"]
        }
    }

    /// Status of each snapshot SHOW SNAPSHOT lists, by label.
    private static func listed(_ c: CrashCluster) throws -> [String: String] {
        let rows = try c.sql("SHOW SNAPSHOT ON r").stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        return Dictionary(rows.filter { $0.count > 2 }.map { (String($0[0]), String($0[2])) }, uniquingKeysWith: { a, _ in a })
    }

    private static func files(of chain: [CrashCluster.Night], _ c: CrashCluster) -> [String: Set<String>] {
        Dictionary(uniqueKeysWithValues: chain.map { ($0.label, c.snapshotFiles($0.label)) })
    }

    /// Drop markers and unfinished writes anywhere in the repository, and the audit's findings.
    private static func leftovers(_ c: CrashCluster) -> [String] {
        let markers = (FileManager.default.subpaths(atPath: c.repository) ?? []).filter { $0.hasSuffix("/__dropping") }
        return markers.map { "drop marker left: \($0)" } + c.audit()
    }
}
