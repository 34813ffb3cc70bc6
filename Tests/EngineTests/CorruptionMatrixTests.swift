import Crypto
import Engine
import Foundation
import Testing
import TestSupport

/// Every kind of repository file × every kind of damage, restored into new tables and over
/// existing ones. Damage to anything a restore reads is caught before COMMIT, the error names
/// the file, the existing data is unchanged, and CHECK reports the same file. A file the
/// snapshot does not list (a stray, or a copy under another checksum) changes nothing a
/// restore reads: the restore finishes with the backed-up data, and CHECK reports the file.
@Suite struct CorruptionMatrixTests {
    enum Kind: String, CaseIterable, Sendable {
        case segment, header, meta, info, repoInfo
    }
    enum Damage: String, CaseIterable, Sendable {
        case flip, truncate, delete, duplicate, editAndRehash, stray
    }
    struct Case: Sendable, CustomTestStringConvertible {
        var kind: Kind
        var damage: Damage
        var testDescription: String { "\(kind.rawValue) \(damage.rawValue)" }
    }

    static let cases = Kind.allCases.flatMap { kind in Damage.allCases.map { Case(kind: kind, damage: $0) } }

    @Test(arguments: cases)
    func damageIsCaughtOrHarmless(_ c: Case) throws {
        for overExisting in [false, true] {
            let problems = try attempt(c, overExisting: overExisting)
            ReliabilityReport.record(suite: "corruption", name: "\(c.testDescription) \(overExisting ? "over existing" : "into new")", pass: 1, problems: problems)
            #expect(problems.isEmpty, "\(c.testDescription), \(overExisting ? "over existing tables" : "into new tables"): \(problems)")
        }
    }

    private func attempt(_ c: Case, overExisting: Bool) throws -> [String] {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("BACKUP SNAPSHOT shop.snap TO repo")
        guard try t.waitForBackup("snap") else { return ["the backup did not finish"] }
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'").rows.first?[1] ?? nil)
        let backedUp = try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] }
        try t.sql("INSERT INTO shop.orders VALUES (70, '2025-01-10', 'after')")
        let before = try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] }

        let named = try DamagedFile.apply(c.damage, to: c.kind, in: t)
        let scope = overExisting ? "" : "ON (orders AS orders_new, items AS items_new) "
        let sql = "RESTORE SNAPSHOT shop.snap FROM repo \(scope)PROPERTIES ('backup_timestamp' = '\(timestamp)', 'reserve_replica' = 'true')"
        var problems: [String] = []
        var message = ""
        var finished = false
        if let error = t.error(sql) {
            message = error.message
        } else {
            _ = try t.waitUntil { ["FINISHED", "CANCELLED"].contains(try t.sql("SHOW RESTORE FROM shop").rows.last?[4] ?? "") }
            let row = try t.sql("SHOW RESTORE FROM shop").rows.last
            finished = row?[4] == "FINISHED"
            message = (row?[19] ?? nil) ?? ""
        }
        let check = try t.sql("ADMIN CHECK SNAPSHOT snap ON repo TIMESTAMP '\(timestamp)'").rows
        let checkNames = check.contains { row in (row[2] ?? "")?.contains(named) == true || (row[4] ?? "")?.contains(named) == true }
        let restoredTables = overExisting ? ["shop.orders", "shop.items"] : ["shop.orders_new", "shop.items_new"]
        if DamagedFile.isHarmless(c) {
            if !finished { problems.append("the restore did not finish: \(message)") }
            let restored = try t.sql("CHECKSUM TABLE \(restoredTables.joined(separator: ", "))").rows.map { $0[1] }
            if restored != backedUp { problems.append("restored \(restored), backed up \(backedUp)") }
            let checkOK = check.last?[3] == "OK"
            if DamagedFile.checkReports(c) ? (checkOK || !checkNames) : !checkOK { problems.append("CHECK: \(check)") }
        } else {
            if finished { problems.append("the restore finished") }
            if !message.contains(named) { problems.append("the error does not name \(named): \(message)") }
            if try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map({ $0[1] }) != before { problems.append("the existing data changed") }
            if !overExisting, try t.sql("SHOW TABLES FROM shop").rows.contains(where: { ($0[0] ?? "")?.hasSuffix("_new") == true }) {
                problems.append("new tables are visible")
            }
            if check.last?[3] != "DAMAGED" || !checkNames { problems.append("CHECK: \(check)") }
        }
        return problems
    }
}

/// Damage done to one file of a snapshot, as it would be found on a bad disk or by a
/// tamperer.
enum DamagedFile {
    /// Damage that leaves everything a restore reads intact.
    static func isHarmless(_ c: CorruptionMatrixTests.Case) -> Bool {
        c.kind == .repoInfo || c.damage == .stray || (c.damage == .duplicate && (c.kind == .segment || c.kind == .header))
    }

    /// Whether CHECK SNAPSHOT must report a harmless change (a file in the snapshot's folder
    /// it does not list, or a damaged `__repo_info`); strays beside `__repo_info` are outside
    /// any snapshot.
    static func checkReports(_ c: CorruptionMatrixTests.Case) -> Bool {
        c.kind == .repoInfo ? [.flip, .truncate, .delete, .editAndRehash].contains(c.damage) : true
    }

    /// Applies `damage` to a file of `kind` and returns the name a report must show.
    static func apply(_ damage: CorruptionMatrixTests.Damage, to kind: CorruptionMatrixTests.Kind, in t: TestCluster) throws -> String {
        var file = try #require(RepositoryFile.all(t).first { file in
            switch kind {
            case .segment: file.name.contains(".dat.")
            case .header: file.name.contains(".hdr.")
            case .meta: file.name.hasPrefix("__meta.")
            case .info: file.name.hasPrefix("__info_")
            case .repoInfo: file.name == "__repo_info"
            }
        })
        let folder = (file.path as NSString).deletingLastPathComponent
        let logical = kind == .repoInfo ? file.name : file.name.split(separator: ".").dropLast().joined(separator: ".")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file.path))
        switch damage {
        case .flip:
            bytes[bytes.count / 2] ^= 0x5A
            try bytes.write(to: URL(fileURLWithPath: file.path))
            return file.name
        case .truncate:
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file.path))
            return file.name
        case .delete:
            try FileManager.default.removeItem(atPath: file.path)
            return logical
        case .duplicate:
            let copy = kind == .repoInfo ? "__repo_info.old" : logical + "." + String(repeating: "0", count: 32)
            try bytes.write(to: URL(fileURLWithPath: folder + "/" + copy))
            return kind == .segment || kind == .header ? copy : logical
        case .editAndRehash:
            let old = file.name
            try edit(&file, kind: kind, bytes: bytes)
            // The snapshot's other files still name the old file, which is gone.
            return kind == .meta || kind == .info || kind == .repoInfo ? file.name : old
        case .stray:
            let name = "stray-\(kind.rawValue).bin"
            try Data("not part of the snapshot".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            return name
        }
    }

    private static func edit(_ file: inout RepositoryFile, kind: CorruptionMatrixTests.Kind, bytes: Data) throws {
        switch kind {
        case .segment:
            var changed = bytes
            changed[changed.count - 1] ^= 0x01
            try file.replace(with: Array(changed))
        case .header:
            try file.editJSON { json in
                var rowsets = json["rowsets"] as? [[String: Any]] ?? []
                if !rowsets.isEmpty { rowsets[0]["rows"] = ((rowsets[0]["rows"] as? Int) ?? 0) + 1 }
                json["rowsets"] = rowsets
            }
        case .meta:
            try file.editJSON { json in
                var tables = json["tables"] as? [[String: Any]] ?? []
                var partitions = tables[0]["partitions"] as? [[String: Any]] ?? []
                partitions[0]["visibleVersion"] = ((partitions[0]["visibleVersion"] as? Int) ?? 0) + 5
                tables[0]["partitions"] = partitions
                json["tables"] = tables
            }
        case .info:
            try file.editJSON { json in RepositoryFile.firstTabletFiles(&json) { $0 = [] } }
        case .repoInfo:
            try Data(#"{"name":"someone_else","create_time":"2020-01-01 00:00:00"}"#.utf8).write(to: URL(fileURLWithPath: file.path))
        }
    }
}
