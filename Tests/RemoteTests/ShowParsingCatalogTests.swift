import Console
import Foundation
import Remote
import Testing

/// Repositories, snapshots, backends and the catalog read from recorded SHOW results.
@Suite struct ShowParsingCatalogTests {
    @Test func dorisRepositories() throws {
        let rows = try ShowReading.repositories(from: try ShowFixture.load("doris-2.1-show-repositories.tsv"))
        #expect(rows.map(\.name) == ["s3_repo", "hdfs_ro"])
        #expect(rows[0].repoId == 1_788_336_182_371 && rows[0].type == "S3" && !rows[0].readOnly)
        #expect(rows[0].location == "s3://doris-demo/backup11" && rows[0].errMsg == nil)
        #expect(rows[0].createTime == "2024-09-03 07:20:40")
        #expect(rows[1].readOnly && rows[1].type == "HDFS")
        #expect(rows[1].errMsg == "failed to list hdfs://nn1:8020/doris/backup: Connection refused")
    }

    @Test func starRocksRepositoriesWithoutTypeColumn() throws {
        let rows = try ShowReading.repositories(from: try ShowFixture.load("starrocks-3.3-show-repositories.tsv"))
        #expect(rows.map(\.type) == ["S3", "BROKER"])
        #expect(rows.map(\.repoId) == [10200, 10201])
    }

    @Test func dorisSnapshotListGroupsTimestampsPerLabel() throws {
        let rows = try ShowReading.snapshots(repository: "s3_repo", from: try ShowFixture.load("doris-2.1-show-snapshot.tsv"))
        #expect(rows.map(\.label) == ["exampledb_20241225", "exampledb_20241226", "legacy"])
        #expect(rows[0].timestamps == ["2024-12-25-15-52-29", "2024-12-26-15-52-30"])
        #expect(rows[0].latestTimestamp == "2024-12-26-15-52-30" && rows[0].repository == "s3_repo")
        #expect(rows[1].timestamps.isEmpty && rows[1].status == "ERROR: No info file found")
        #expect(rows[2].timestamps == ["2018-04-18-19-19-10"])
    }

    @Test func snapshotRowsPerTimestampAreGroupedIntoOneLabel() throws {
        let result = RemoteResult(
            columns: ["Snapshot", "Timestamp", "Status"],
            rows: [["l", "2025-01-01-00-00-00", "ERROR: Failed to get info: x"], ["m", "2025-01-03-00-00-00", "OK"],
                   ["l", "2025-01-02-00-00-00", "OK"]],
            hasRows: true)
        let rows = try ShowReading.snapshots(repository: "r", from: result)
        #expect(rows.map(\.label) == ["l", "m"])
        #expect(rows[0].timestamps == ["2025-01-01-00-00-00", "2025-01-02-00-00-00"] && rows[0].status == "OK")
    }

    @Test func snapDeckSnapshotList() throws {
        let rows = try ShowReading.snapshots(repository: "demo_repo", from: try ShowFixture.load("snapdeck-show-snapshot.tsv"))
        #expect(rows.map(\.label) == ["nightly", "weekly", "遥测_first"])
        #expect(rows.allSatisfy { $0.timestamps.count == 1 && $0.status == "OK" })
    }

    @Test func snapshotDetailsAreTheBriefSnapshotContentsReads() throws {
        for (fixture, table, partitions) in [
            ("doris-2.1-show-snapshot-detail.tsv", "example_tbl", ["p1", "p2"]),
            ("snapdeck-show-snapshot-detail.tsv", "orders", (1...12).map { String(format: "p2025%02d", $0) }),
        ] {
            let result = try ShowFixture.load(fixture)
            let json = try #require(try ShowReading.snapshotDetails(from: result))
            let contents = try #require(SnapshotContents.parse(json))
            #expect(contents.tables.map(\.name) == [table])
            #expect(contents.table(named: table)?.partitions.map(\.name) == partitions)
            #expect(ShowReading.snapshotFailure(from: result) == nil)
        }
    }

    @Test func aSnapshotTheServerCouldNotReadHasNoDetailsButAReason() throws {
        let result = try ShowFixture.load("doris-2.1-show-snapshot-detail-failed.tsv")
        #expect(try ShowReading.snapshotDetails(from: result) == nil)
        #expect(ShowReading.snapshotFailure(from: result) == "Failed to get info: failed to get file: NOT_FOUND")
    }

    @Test func backendsCountAliveOnes() throws {
        let doris = try ShowReading.backends(from: try ShowFixture.load("doris-2.1-show-backends.tsv"))
        #expect(doris.alive == 2 && doris.total == 3)
        let snapdeck = try ShowReading.backends(from: try ShowFixture.load("snapdeck-show-backends.tsv"))
        #expect(snapdeck.alive == 3 && snapdeck.total == 3)
    }

    @Test func databasesSkipSystemSchemasOfEveryFlavour() throws {
        let names = ["information_schema", "mysql", "__internal_schema", "_statistics_", "sys", "performance_schema",
                     "INFORMATION_SCHEMA", "shop", "遥测"]
        let result = RemoteResult(columns: ["Database"], rows: names.map { [$0] }, hasRows: true)
        let databases = try ShowReading.databases(from: result)
        #expect(databases.map(\.name) == ["shop", "遥测"])
        #expect(databases.allSatisfy { $0.kind == .database && $0.children.isEmpty })
    }

    @Test func tablesReadTheFirstColumnAndLeaveViewsOut() throws {
        let tables = try ShowReading.tables(from: try ShowFixture.load("snapdeck-show-tables.tsv"))
        #expect(tables.map(\.name) == ["customers", "orders", "orders_copy", "products"])
        let full = RemoteResult(
            columns: ["Tables_in_shop", "Table_type"], rows: [["t1", "BASE TABLE"], ["v1", "VIEW"]], hasRows: true)
        #expect(try ShowReading.tables(from: full).map(\.name) == ["t1"])
    }

    @Test func dorisPartitionsWithSizesInUnits() throws {
        let nodes = try ShowReading.partitions(from: try ShowFixture.load("doris-3.0-show-partitions.tsv"))
        #expect(nodes.map(\.name) == ["p1", "p2"])
        #expect(nodes[0].id == 17_891_901 && nodes[0].version == 5 && nodes[0].bytes == 1536 && nodes[0].rows == 120)
        #expect(nodes[0].range?.hasPrefix("[types: [DATE]; keys: [2024-01-01]") == true)
        #expect(nodes[1].bytes == 0 && nodes[1].rows == 0 && nodes[1].kind == .partition)
    }

    @Test func snapDeckPartitionsCountSegments() throws {
        let nodes = try ShowReading.partitions(from: try ShowFixture.load("snapdeck-show-partitions.tsv"))
        #expect(nodes.map(\.name) == ["p_books", "p_home", "p_toys", "p_electronics"])
        #expect(nodes[0].bytes == 8055 && nodes[0].files == 2 && nodes[0].rows == 100 && nodes[0].version == 2)
    }

    @Test func dorisTabletReplicasGroupIntoTablets() throws {
        let nodes = try ShowReading.tablets(from: try ShowFixture.load("doris-2.1-show-tablets.tsv"))
        #expect(nodes.map(\.id) == [17_891_910, 17_891_914])
        #expect(nodes[0].backends == [10002, 10003, 10004])
        #expect(nodes[0].bytes == 1536 && nodes[0].rows == 64 && nodes[0].version == 5 && nodes[0].versionCount == 3)
        #expect(nodes[1].backends == [10003] && nodes[1].bytes == 0 && nodes[1].name == "17891914")
    }

    @Test func snapDeckTablets() throws {
        let nodes = try ShowReading.tablets(from: try ShowFixture.load("snapdeck-show-tablet.tsv"))
        #expect(nodes.map(\.id) == [11418, 11422])
        #expect(nodes[0].backends == [10003, 10001, 10002] && nodes[0].bytes == 1287 && nodes[0].files == 1)
        #expect(nodes[0].rows == 48 && nodes[0].versionCount == 1)
    }

    @Test func sizesInEveryUnitServersPrint() {
        #expect(DataSize.bytes("1.500 KB") == 1536)
        #expect(DataSize.bytes("0.000 ") == 0)
        #expect(DataSize.bytes("512.000 B") == 512)
        #expect(DataSize.bytes("12.466 MB") == 13_071_548)
        #expect(DataSize.bytes("2 GB") == 2_147_483_648)
        #expect(DataSize.bytes("1.000 TB") == 1_099_511_627_776)
        #expect(DataSize.bytes("3 KiB") == 3072)
        #expect(DataSize.bytes("1287") == 1287)
        #expect(DataSize.bytes("N/A") == nil)
        #expect(DataSize.bytes("12 parsecs") == nil)
    }
}

/// SHOW SNAPSHOT's appended lineage columns, read by name, one line per timestamp.
@Suite struct ShowSnapshotLineageTests {
    @Test func eachTimestampGetsItsOwnLineFromEveryAppendedColumn() throws {
        let rows = try ShowReading.snapshots(repository: "demo_repo", from: try ShowFixture.load("snapdeck-show-snapshot-lineage.tsv"))
        #expect(rows.map(\.label) == ["shop_nightly_20261201", "shop_nightly_20261202", "legacy"])
        let full = try #require(rows[0].lineage["2026-12-01-02-00-00"])
        #expect(full == SnapshotLineage(type: "FULL", uploadedBytes: 6_521_981, totalBytes: 6_521_981,
                                        owner: "7f3c9a2e-51d4-4c1b-9e0a-2b8f6d1c4e77", ttl: "7 DAY", expires: "2026-12-08 02:00:00"))
        #expect(rows[1].timestamps == ["2026-12-02-02-00-00", "2026-12-02-14-00-00"])
        let night = try #require(rows[1].lineage["2026-12-02-02-00-00"])
        let noon = try #require(rows[1].lineage["2026-12-02-14-00-00"])
        #expect(night.isIncremental && night.baseLabel == "shop_nightly_20261201" && night.uploadedBytes == 712_000 && night.ttl == "7 DAY")
        #expect(noon.uploadedBytes == 9000 && noon.totalBytes == 7_242_981 && noon.ttl == nil && noon.expires == nil)
        // The invalid info file's line is skipped and the lines after it still line up.
        #expect(rows[2].timestamps == ["2018-04-18-19-19-10", "2018-04-19-19-19-10"])
        #expect(rows[2].lineage["2018-04-18-19-19-10"] == nil)
        #expect(rows[2].lineage["2018-04-19-19-19-10"]?.owner == "c0ffee00-1111-2222-3333-444455556666")
    }

    @Test func aDorisListHasNoLineage() throws {
        let rows = try ShowReading.snapshots(repository: "s3_repo", from: try ShowFixture.load("doris-2.1-show-snapshot.tsv"))
        #expect(rows.allSatisfy { $0.lineage.isEmpty })
    }
}
