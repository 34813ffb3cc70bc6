import Foundation
import Repository
import Testing

@Suite struct SnapshotInfoFileTests {
    typealias Info = SnapshotInfoFile

    static let sample = Info(
        name: "snapshot_label1", database: "example_db", databaseId: 10002, backupTime: 1_649_404_349_050,
        tables: [
            Info.Table(name: "backup_tbl", id: 10004, partitions: [
                Info.Partition(name: "p1", id: 10003, version: 2, indexes: [
                    Info.Index(name: "backup_tbl", id: 10004, schemaHash: 1_434_397_081, tablets: [
                        Info.Tablet(id: 10006, files: ["10006.hdr.5b715731d8bb4a34ad26f0178841ef98"]),
                        Info.Tablet(id: 10005, files: ["10005.hdr.dd9fd80afcc16670ecdda39cc7d9a25f", "x_0.dat.b72a24d29a79049bb4b4059dbecdfbb5"]),
                    ]),
                ]),
                Info.Partition(name: "p2", id: 10030, version: Int64.max, indexes: [
                    Info.Index(name: "backup_tbl", id: 10004, schemaHash: -7, tablets: [Info.Tablet(id: 9_007_199_254_740_993, files: [])]),
                ]),
            ]),
        ],
        metaVersion: 126, tabletBackends: [10005: 10001, 10006: 10002, 9_007_199_254_740_993: 1_788_336_182_371])

    @Test func encodeIsDorisShapedAndDeterministic() {
        let text = String(decoding: Self.sample.encode(), as: UTF8.self)
        let expected = #"{"name":"snapshot_label1","database":"example_db","id":10002,"backup_time":1649404349050,"content":"ALL","#
            + #""backup_objects":{"backup_tbl":{"id":10004,"partitions":{"#
            + #""p1":{"id":10003,"version":2,"indexes":{"backup_tbl":{"id":10004,"schema_hash":1434397081,"#
            + #""tablets":{"10005":["10005.hdr.dd9fd80afcc16670ecdda39cc7d9a25f","x_0.dat.b72a24d29a79049bb4b4059dbecdfbb5"],"#
            + #""10006":["10006.hdr.5b715731d8bb4a34ad26f0178841ef98"]},"tablets_order":[10006,10005]}}},"#
            + #""p2":{"id":10030,"version":9223372036854775807,"indexes":{"backup_tbl":{"id":10004,"schema_hash":-7,"#
            + #""tablets":{"9007199254740993":[]},"tablets_order":[9007199254740993]}}}}}},"#
            + #""new_backup_objects":{"views":[],"odbc_tables":[],"odbc_resources":[]},"backup_result":"succeed","meta_version":126,"#
            + #""tablet_be_map":{"10005":10001,"10006":10002,"9007199254740993":1788336182371}}"#
        #expect(text == expected)
        #expect(!text.contains("\n"))
        #expect(Self.sample.encode() == Self.sample.encode())
    }

    @Test func roundTrip() throws {
        #expect(try Info.decode(Self.sample.encode()) == Self.sample)
        var meta = Self.sample
        meta.content = "METADATA_ONLY"
        meta.tabletBackends = [:]
        meta.backupResult = "failed"
        meta.name = "quote\"back\\slash\nnew line ünï"
        let decoded = try Info.decode(meta.encode())
        #expect(decoded == meta)
        #expect(!decoded.isSuccessful)
    }

    @Test func decodesTheDorisFixture() throws {
        let info = try Info.decode(Fixtures.bytes(Fixtures.snap1Info))
        #expect(info.name == "snap1")
        #expect(info.database == "example_db")
        #expect(info.databaseId == 10002)
        #expect(info.backupTime == 1_649_404_349_050)
        #expect(info.content == "ALL")
        #expect(info.backupResult == "succeed")
        #expect(info.isSuccessful)
        #expect(info.metaVersion == 126)
        #expect(info.tabletBackends == [
            10005: 10001, 10006: 10002, 10021: 10001, 10023: 10002, 10031: 10001, 9_007_199_254_740_993: 10003,
        ])
        #expect(info.tables.map(\.name) == ["big_tbl", "example_tbl"])

        let big = try #require(info.table(named: "big_tbl"))
        #expect(big.id == 1_788_336_182_371)
        #expect(big.partitions == [
            Info.Partition(name: "big_tbl", id: 1_788_336_182_372, version: Int64.max, indexes: [
                Info.Index(name: "big_tbl", id: 1_788_336_182_373, schemaHash: -2_045_689_432, tablets: [
                    Info.Tablet(id: 9_007_199_254_740_993, files: ["9007199254740993.hdr.4ce716da875ad50e6624a831dd9f1b5c"]),
                ]),
            ]),
        ])

        let tbl = try #require(info.table(named: "example_tbl"))
        #expect(tbl.id == 10004)
        #expect(tbl.partitions.map(\.name) == ["p1", "p2"])
        let p1 = tbl.partitions[0]
        #expect(p1.id == 10003 && p1.version == 2)
        #expect(p1.indexes.map(\.name) == ["example_tbl", "r1"])
        // tablets_order [10006, 10005] is kept, not sorted.
        #expect(p1.indexes[0] == Info.Index(name: "example_tbl", id: 10004, schemaHash: 1_434_397_081, tablets: [
            Info.Tablet(id: 10006, files: ["10006.hdr.5b715731d8bb4a34ad26f0178841ef98", "020000000000000c5f4a_0.dat.7c04225d22e5cb0a35e329b65598b0f5"]),
            Info.Tablet(id: 10005, files: ["10005.hdr.dd9fd80afcc16670ecdda39cc7d9a25f", "020000000000000b5f4a_0.dat.b72a24d29a79049bb4b4059dbecdfbb5"]),
        ]))
        // r1 has no tablets_order (an old backup): ascending tablet id.
        #expect(p1.indexes[1] == Info.Index(name: "r1", id: 10020, schemaHash: 368_169_781, tablets: [
            Info.Tablet(id: 10021, files: ["10021.hdr.6dded3f0ce08ba23d6a9cb39ebfffe22"]),
            Info.Tablet(id: 10023, files: ["10023.hdr.040053d54706cc33a3a05620b1726f60"]),
        ]))
        let p2 = tbl.partitions[1]
        #expect(p2.id == 10030 && p2.version == 3)
        #expect(p2.indexes == [Info.Index(name: "example_tbl", id: 10004, schemaHash: 1_434_397_081, tablets: [
            Info.Tablet(id: 10031, files: ["10031.hdr.27155730e1da3bf0907fcaee3a227be3"]),
        ])])
        // Re-encoding and decoding is stable.
        #expect(try Info.decode(info.encode()) == info)
    }

    @Test func tolerantDecoding() throws {
        // An old file: no content, backup_result, meta_version, tablet_be_map; tablets_order as
        // strings; numbers as strings; nulls; unknown keys.
        let json = #"""
            {"backup_time": "1522231864000", "name": "snapshot1", "database": "db1", "id": 10000, "future": {"a": [1, 2.5e3]},
             "tablet_be_map": null, "backup_objects": {"table1": {"id": 10001, "partitions": {"partition2": {
               "id": 10007, "version": 10, "version_hash": 1273047329538, "indexes": {"table1": {"id": 10008,
               "schema_hash": 9845021, "tablets": {"10005": ["b.dat"], "10004": ["a.dat"], "10009": []},
               "tablets_order": ["10005", 10004, "10010"]}}}}}}}
            """#
        let info = try Info.decode(Array(json.utf8))
        #expect(info.content == "ALL")
        #expect(info.backupResult == "succeed")
        #expect(info.metaVersion == 0)
        #expect(info.tabletBackends.isEmpty)
        #expect(info.backupTime == 1_522_231_864_000)
        // Listed order; 10010 has no files entry and 10009 is not in the order (both as Doris).
        #expect(info.tables[0].partitions[0].indexes[0].tablets == [
            Info.Tablet(id: 10005, files: ["b.dat"]), Info.Tablet(id: 10004, files: ["a.dat"]),
        ])
    }

    @Test func jsonEscapesAndUnicode() throws {
        let json = #"{"name":"caf\u00e9 \ud83d\ude00 \/ \t","database":"数据库","id":-9223372036854775808,"backup_time":0}"#
        let info = try Info.decode(Array("\u{FEFF}".utf8) + Array(json.utf8))
        #expect(info.name == "café 😀 / \t")
        #expect(info.database == "数据库")
        #expect(info.databaseId == Int64.min)
        #expect(try Info.decode(info.encode()) == info)
        for bad in [#"{"name":"\ud83d"}"#, #"{"name":"\x"}"#, "{\"name\":\"a\u{01}\"}", #"{"a":01}"#, #"{"a":1,}"#, #"{"a":1} x"#] {
            #expect(throws: SnapshotFormatError.self, "\(bad)") { try Info.decode(Array(bad.utf8)) }
        }
    }

    @Test func decodeErrorsAreReadable() {
        let cases: [(String, String)] = [
            ("{", "invalid JSON"),
            ("[]", "not a JSON object"),
            (#"{"database":"d","id":1,"backup_time":1}"#, "missing \"name\""),
            (#"{"name":"n","database":"d","id":"x","backup_time":1}"#, "\"id\" is not a 64-bit integer"),
            (#"{"name":"n","database":"d","id":1,"backup_time":1,"backup_objects":{"t":{"id":1,"partitions":{"p":{"version":1}}}}}"#,
             "backup_objects.t.partitions.p: missing \"id\""),
            (#"{"name":"n","database":"d","id":1,"backup_time":1,"tablet_be_map":{"abc":1}}"#, "not an integer id"),
            (#"{"name":"n","database":"d","id":99999999999999999999,"backup_time":1}"#, "not a 64-bit integer"),
        ]
        for (json, fragment) in cases {
            do {
                _ = try Info.decode(Array(json.utf8))
                Issue.record("decoded \(json)")
            } catch let error as SnapshotFormatError {
                #expect(error.description.contains(fragment), "\(error.description)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func briefText() {
        let expected = """
            {
              "name": "snapshot_label1",
              "database": "example_db",
              "backup_time": 1649404349050,
              "content": "ALL",
              "olap_table_list": [
                {
                  "name": "backup_tbl",
                  "partition_names": [
                    "p1",
                    "p2"
                  ]
                }
              ],
              "view_list": [],
              "odbc_table_list": [],
              "odbc_resource_list": []
            }
            """
        #expect(Self.sample.brief() == expected)
    }

    @Test func briefFiltered() throws {
        let info = try Info.decode(Fixtures.bytes(Fixtures.snap1Info))
        let onlyP2 = info.brief(tables: ["example_tbl": ["p2", "nope"], "missing": []])
        #expect(onlyP2.contains(#""partition_names": [\#n        "p2"\#n      ]"#))
        #expect(!onlyP2.contains("big_tbl"))
        #expect(!onlyP2.contains("missing"))
        let all = info.brief(tables: ["example_tbl": []])
        #expect(all.contains(#""p1",\#n        "p2""#))
        let none = info.brief(tables: [:])
        #expect(none.contains(#""olap_table_list": [],"#))
    }
}
