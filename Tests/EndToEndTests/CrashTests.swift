import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct CrashTests {
    /// kill -9 while a load is writing its segment files: after a restart the table holds all
    /// of the load or none of it, and no segment file exists that the catalog does not list.
    /// With the default buffer the load writes its segments at the end; with a small one it
    /// writes them as it reads, so the kill comes while it is still reading.
    @Test(arguments: [nil, "65536"])
    func killDuringALoadLeavesAllOrNothing(buffer: String?) throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        let file = dir + ".csv"
        defer {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: file)
        }
        var csv = ""
        for i in 0..<300_000 { csv += "\(i),name-\(i),\(i % 97)\n" }
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let setup = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            CREATE DATABASE d;
            CREATE TABLE d.t (k INT, name VARCHAR(32), v INT) DISTRIBUTED BY HASH(k) BUCKETS 16;
            """ + (buffer.map { "ADMIN SET FRONTEND CONFIG ('load_buffer_bytes' = '\($0)');" } ?? "")])
        #expect(setup.status == 0)
        let loader = try SnapDeckProcess.start(["sql", "--data", dir, "-e", "LOAD DATA LOCAL INFILE '\(file)' INTO TABLE d.t"])
        // Kill as soon as the first segment file appears (or whenever the load ends first).
        let deadline = Date().addingTimeInterval(60)
        while !loader.hasExited, Date() < deadline, segmentFiles(dir).isEmpty {}
        loader.signal(SIGKILL)
        loader.wait()

        let check = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SELECT COUNT(*) FROM d.t"])
        #expect(check.status == 0, "\(check.stderr)")
        let count = check.stdout.split(separator: "\n").last.map(String.init)
        #expect(count == "0" || count == "300000")
        let tablets = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SHOW TABLET FROM d.t"])
        let listed = tablets.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[6] }.compactMap { Int($0) }.reduce(0, +)
        #expect(segmentFiles(dir).count == listed)
    }

    private func segmentFiles(_ dir: String) -> [String] {
        (FileManager.default.subpaths(atPath: dir + "/backends") ?? []).filter { $0.contains(".dat") }
    }
}
