import Crypto
import Engine
import Foundation
import Testing

/// A repository file edited and renamed to its new MD5 passes the MD5 check; it must still be
/// caught, because `__info`, `__meta` and the tablet headers describe each other. RESTORE
/// fails before COMMIT naming the file, the table keeps its data, and CHECK agrees.
@Suite struct SnapshotConsistencyTests {
    /// A backed-up `shop` with a later row in `orders`, so that a restore over it would show.
    private func fixture() throws -> (TestCluster, timestamp: String, before: [String?]) {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("BACKUP SNAPSHOT shop.snap TO repo")
        #expect(try t.waitForBackup("snap"))
        let timestamp = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'").rows.first?[1] ?? nil)
        try t.sql("INSERT INTO shop.orders VALUES (60, '2025-01-09', 'later')")
        return (t, timestamp, try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] })
    }

    private func restoreOutcome(_ t: TestCluster, _ timestamp: String) throws -> (state: String?, status: String) {
        try t.sql("RESTORE SNAPSHOT shop.snap FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'reserve_replica' = 'true')")
        #expect(try t.waitUntil { ["FINISHED", "CANCELLED"].contains(try t.sql("SHOW RESTORE FROM shop").rows.last?[4] ?? "") })
        let row = try t.sql("SHOW RESTORE FROM shop").rows.last
        return (row?[4] ?? nil, (row?[19] ?? nil) ?? "")
    }

    private func checkRows(_ t: TestCluster) throws -> [[String?]] {
        try t.sql("ADMIN CHECK SNAPSHOT snap ON repo").rows
    }

    @Test func anInfoThatDropsATabletsFilesIsRefused() throws {
        let (t, timestamp, before) = try fixture()
        var info = try RepositoryFile.info(t)
        try info.editJSON { json in
            RepositoryFile.firstTabletFiles(&json) { $0 = [] }
        }
        let message = t.error("RESTORE SNAPSHOT shop.snap FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'reserve_replica' = 'true')")?.message ?? "accepted"
        #expect(message.contains("the snapshot's files disagree") && message.contains("lists 0 header files in __info_\(timestamp)."), "\(message)")
        #expect(try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] } == before)
        let check = try checkRows(t)
        #expect(check.last?[3] == "DAMAGED")
        #expect(check.contains { $0[3] == "INCONSISTENT" && ($0[4] ?? "")?.contains("header files") == true }, "\(check)")
    }

    @Test func anInfoThatDropsOneSegmentFailsTheRestoreBeforeCommit() throws {
        let (t, timestamp, before) = try fixture()
        var info = try RepositoryFile.info(t)
        var dropped = ""
        try info.editJSON { json in
            RepositoryFile.firstTabletFiles(&json, where: { $0.contains { $0.contains(".dat.") } }) { files in
                let index = files.firstIndex { $0.contains(".dat.") }!
                dropped = String(files[index].prefix { $0 != "." })
                files.remove(at: index)
            }
        }
        let (state, status) = try restoreOutcome(t, timestamp)
        #expect(state == "CANCELLED")
        #expect(status.contains("its header lists \(dropped).dat, which __info_\(timestamp)."), "\(status)")
        #expect(try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] } == before)
        let check = try checkRows(t)
        #expect(check.contains { $0[3] == "INCONSISTENT" && ($0[4] ?? "")?.contains(dropped) == true }, "\(check)")
        #expect(check.contains { $0[3] == "UNLISTED" })
    }

    /// The header and `__info` both lose one rowset (both re-hashed): only `__meta`'s row
    /// count still tells.
    @Test func aHeaderAndInfoThatAgreeOnMissingRowsAreCaughtByTheMetaRowCount() throws {
        let (t, timestamp, before) = try fixture()
        var info = try RepositoryFile.info(t)
        var header = try #require(RepositoryFile.all(t).first { file in
            file.name.contains(".hdr.") && ((try? file.json())?["rowsets"] as? [Any])?.count ?? 0 >= 1
        })
        var removedSegment = ""
        let oldHeaderName = header.name
        try header.editJSON { json in
            var rowsets = json["rowsets"] as! [[String: Any]]
            removedSegment = "\(rowsets.removeLast()["id"]!)_0.dat"
            json["rowsets"] = rowsets
        }
        try info.editJSON { json in
            RepositoryFile.firstTabletFiles(&json, where: { $0.contains(oldHeaderName) }) { files in
                files.removeAll { $0.hasPrefix(removedSegment + ".") }
                files = files.map { $0 == oldHeaderName ? header.name : $0 }
            }
        }
        let (state, status) = try restoreOutcome(t, timestamp)
        #expect(state == "CANCELLED")
        #expect(status.contains("by its header and") && status.contains("by __meta."), "\(status)")
        #expect(try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] } == before)
        #expect(try checkRows(t).contains { $0[3] == "INCONSISTENT" && ($0[4] ?? "")?.contains("rows by its header") == true })
    }

    @Test func aMetaThatIsNotJSONIsReportedByCheckAndRefusedByRestore() throws {
        let (t, timestamp, before) = try fixture()
        var meta = try #require(RepositoryFile.all(t).first { $0.name.hasPrefix("__meta.") })
        try meta.replace(with: Array("this is not json".utf8))
        let check = try checkRows(t)
        #expect(check.contains { ($0[2] ?? "")?.hasSuffix(meta.name) == true && $0[3] == "DAMAGED" }, "\(check)")
        #expect(check.last?[3] == "DAMAGED")
        let message = t.error("RESTORE SNAPSHOT shop.snap FROM repo PROPERTIES ('backup_timestamp' = '\(timestamp)', 'reserve_replica' = 'true')")?.message ?? "accepted"
        #expect(message.contains(meta.name), "\(message)")
        #expect(try t.sql("CHECKSUM TABLE shop.orders, shop.items").rows.map { $0[1] } == before)
    }
}

/// One file of a local repository, edited as a tamperer would: new content, renamed to the
/// MD5 of that content.
struct RepositoryFile {
    var path: String
    var name: String { (path as NSString).lastPathComponent }

    static func all(_ t: TestCluster) -> [RepositoryFile] {
        t.repositoryFiles().map { RepositoryFile(path: t.repositoryPath + "/" + $0) }
    }

    static func info(_ t: TestCluster) throws -> RepositoryFile {
        try #require(all(t).first { $0.name.hasPrefix("__info_") })
    }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    /// Rewrites the JSON content and renames the file to its new MD5; `self` follows.
    mutating func editJSON(_ edit: (inout [String: Any]) -> Void) throws {
        var object = try json()
        edit(&object)
        try replace(with: Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
    }

    mutating func replace(with bytes: [UInt8]) throws {
        let md5 = Insecure.MD5.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        let renamed = (path as NSString).deletingLastPathComponent + "/" + stem + "." + md5
        try FileManager.default.removeItem(atPath: path)
        try Data(bytes).write(to: URL(fileURLWithPath: renamed))
        path = renamed
    }

    /// Applies `edit` to the file list of the first tablet in an `__info` document (tables,
    /// partitions and indexes in key order) whose files satisfy `matching`.
    static func firstTabletFiles(_ json: inout [String: Any], where matching: ([String]) -> Bool = { _ in true },
                                 _ edit: (inout [String]) -> Void) {
        var objects = json["backup_objects"] as! [String: Any]
        for tableName in objects.keys.sorted() {
            var table = objects[tableName] as! [String: Any]
            var partitions = table["partitions"] as! [String: Any]
            for partitionName in partitions.keys.sorted() {
                var partition = partitions[partitionName] as! [String: Any]
                var indexes = partition["indexes"] as! [String: Any]
                for indexName in indexes.keys.sorted() {
                    var index = indexes[indexName] as! [String: Any]
                    var tablets = index["tablets"] as! [String: [String]]
                    guard let id = tablets.keys.sorted().first(where: { matching(tablets[$0]!) }) else { continue }
                    edit(&tablets[id]!)
                    index["tablets"] = tablets
                    indexes[indexName] = index
                    partition["indexes"] = indexes
                    partitions[partitionName] = partition
                    table["partitions"] = partitions
                    objects[tableName] = table
                    json["backup_objects"] = objects
                    return
                }
            }
        }
    }
}
