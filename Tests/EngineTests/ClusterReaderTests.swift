import Engine
import Foundation
import Testing

/// The engine's read API gives each user what SHOW gives them, typed.
@Suite struct ClusterReaderTests {
    private func twoDatabasesWithBackups() throws -> TestCluster {
        let t = try TestCluster()
        try t.makeBackupFixture()
        try t.sql("CREATE DATABASE hr; CREATE TABLE hr.pay (id INT) DISTRIBUTED BY HASH(id) BUCKETS 1; INSERT INTO hr.pay VALUES (1)")
        try t.sql("BACKUP SNAPSHOT shop.shop_snap TO repo")
        #expect(try t.waitForBackup("shop_snap"))
        try t.sql("BACKUP SNAPSHOT hr.hr_snap TO repo")
        #expect(try t.waitUntil { try t.sql("SHOW BACKUP FROM hr").rows.first?[3] == "FINISHED" })
        try t.sql("CREATE USER 'clerk'@'%' IDENTIFIED BY 'pw'; GRANT LOAD_PRIV ON shop.* TO 'clerk'")
        return t
    }

    @Test func jobsAndCatalogAreThoseShowGivesTheUser() throws {
        let t = try twoDatabasesWithBackups()
        let root = try t.cluster!.reader(as: "root")
        #expect(Set(root.jobs().map(\.label)) == ["shop_snap", "hr_snap"])
        #expect(root.catalogTree().map(\.name) == ["hr", "shop"])

        let clerk = try t.cluster!.reader(as: "clerk")
        #expect(!clerk.isAdmin)
        #expect(clerk.jobs().map(\.label) == ["shop_snap"])
        #expect(clerk.catalogTree().map(\.name) == ["shop"])
        // The same job as SHOW FULL BACKUP prints it, with the raw figures behind the cells.
        let job = try #require(clerk.jobs().first)
        var session = Session(user: "clerk")
        let show = try t.cluster!.execute("SHOW FULL BACKUP FROM shop", session: &session)
        #expect(job.cells.map(\.column) == show.columns)
        #expect(job.cells.map(\.value) == show.rows.first)
        #expect(job.state == "FINISHED" && job.bytesDone == job.bytesTotal && job.bytesTotal > 0 && job.finishedAt != nil)
        // A grant shows up at once (the cached tree is per user record).
        try t.sql("GRANT LOAD_PRIV ON hr.* TO 'clerk'")
        #expect(try t.cluster!.reader(as: "clerk").catalogTree().map(\.name) == ["hr", "shop"])
    }

    @Test func snapshotsNeedAdminAndComeTyped() throws {
        let t = try twoDatabasesWithBackups()
        let clerk = try t.cluster!.reader(as: "clerk")
        #expect(throws: SQLError.self) { try clerk.snapshots(in: "repo") }
        let root = try t.cluster!.reader(as: "root")
        let listing = try root.snapshots(in: "repo")
        #expect(Set(listing.map(\.label)) == ["shop_snap", "hr_snap"] && listing.allSatisfy { $0.status == "OK" })
        let shop = try #require(listing.first { $0.label == "shop_snap" })
        let contents = try root.snapshotContents(repository: "repo", label: "shop_snap", timestamp: shop.timestamps[0])
        #expect(contents.database == "shop")
        #expect(contents.tables.map(\.name) == ["items", "orders"])
        let orders = try #require(contents.tables.last)
        #expect(orders.partitions.map(\.name) == ["p1", "p2"])
        #expect(orders.partitions.allSatisfy { $0.tablets.count == 3 && $0.tablets.allSatisfy { !$0.files.isEmpty } })
        #expect(throws: SQLError.self) { try root.snapshotContents(repository: "repo", label: "shop_snap", timestamp: "2000-01-01-00-00-00") }
        #expect(throws: SQLError.self) { try t.cluster!.reader(as: "nobody") }
    }
}
