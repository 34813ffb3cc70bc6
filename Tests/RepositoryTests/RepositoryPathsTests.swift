import Foundation
import Repository
import Testing

@Suite struct RepositoryPathsTests {
    let md5 = "d3e75039c798e4acddf246db293a01de"

    @Test func pathStrings() {
        let p = RepositoryPaths(repositoryName: "s3_repo")
        #expect(p.root == "__palo_repository_s3_repo")
        #expect(p.repoInfo == "__palo_repository_s3_repo/__repo_info")
        #expect(p.snapshotDirectory(label: "snap1") == "__palo_repository_s3_repo/__ss_snap1")
        #expect(p.metaFile(label: "snap1", md5: md5) == "__palo_repository_s3_repo/__ss_snap1/__meta.\(md5)")
        #expect(
            p.infoFile(label: "snap1", timestamp: "2026-09-03-07-31-55", md5: md5)
                == "__palo_repository_s3_repo/__ss_snap1/__info_2026-09-03-07-31-55.\(md5)")
        let tablet = p.tabletDirectory(label: "snap1", dbId: 10001, tableId: 10002, partitionId: 10003, indexId: 10002, tabletId: 10004)
        #expect(tablet == "__palo_repository_s3_repo/__ss_snap1/__ss_content/__db_10001/__tbl_10002/__part_10003/__idx_10002/__10004")
        #expect(p.dataFile(tabletDirectory: tablet, fileName: "10004.hdr", md5: md5) == "\(tablet)/10004.hdr.\(md5)")
        #expect(p.contentDirectory(label: "snap1") == "__palo_repository_s3_repo/__ss_snap1/__ss_content")
    }

    @Test func splitAtTheLastDot() throws {
        let s = try #require(ChecksumName.split("a.b.\(md5)"))
        #expect(s.name == "a.b")
        #expect(s.md5 == md5)
        let info = try #require(ChecksumName.split("__info_2026-09-03-07-31-55.\(md5)"))
        #expect(info.name == "__info_2026-09-03-07-31-55")
        let data = try #require(ChecksumName.split("020000000000215e_0.dat.\(md5)"))
        #expect(data.name == "020000000000215e_0.dat")
        #expect(ChecksumName.join(name: "__meta", md5: md5) == "__meta.\(md5)")
        #expect(ChecksumName.md5(of: []) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(ChecksumName.md5(of: Array("{}".utf8)) == "99914b932bd37a50b983c5e7c90ae93b")
    }

    @Test func splitRejects() {
        #expect(ChecksumName.split("a.\(md5.dropLast())") == nil)  // 31 hex
        #expect(ChecksumName.split("a.\(md5)0") == nil)  // 33 hex
        #expect(ChecksumName.split("a.\(md5.uppercased())") == nil)
        #expect(ChecksumName.split("a.\(md5.dropLast())g") == nil)
        #expect(ChecksumName.split(md5) == nil)  // no dot
        #expect(ChecksumName.split("__info_2018-04-18-20-11-00.part") == nil)
        #expect(ChecksumName.split("a.\(md5).part") == nil)  // the last dot decides
        #expect(ChecksumName.isMD5(md5))
        #expect(!ChecksumName.isMD5(md5.uppercased()))
    }
}

@Suite struct SmallFormatsTests {
    @Test func repoInfoRoundTrip() throws {
        let info = RepoInfoFile(name: "doris_repo", createTime: "2022-04-08 15:50:00")
        #expect(String(decoding: info.encode(), as: UTF8.self) == #"{"name":"doris_repo","create_time":"2022-04-08 15:50:00"}"#)
        #expect(try RepoInfoFile.decode(info.encode()) == info)
        // Doris writes the keys in hash order, with spaces; extra keys are ignored.
        let other = try RepoInfoFile.decode(Array(#"{ "create_time": "2020-01-02 03:04:05", "x": 1, "name": "r" }"#.utf8))
        #expect(other == RepoInfoFile(name: "r", createTime: "2020-01-02 03:04:05"))
        // Codable works too, with Doris's key names.
        let viaCodable = try JSONDecoder().decode(RepoInfoFile.self, from: Data(info.encode()))
        #expect(viaCodable == info)
    }

    @Test func repoInfoErrors() {
        #expect(throws: SnapshotFormatError.self) { try RepoInfoFile.decode(Array("not json".utf8)) }
        #expect(throws: SnapshotFormatError.self) { try RepoInfoFile.decode(Array(#"{"name":"r"}"#.utf8)) }
        #expect(throws: SnapshotFormatError.self) { try RepoInfoFile.decode(Array(#"[1]"#.utf8)) }
    }

    @Test func fixtureRepoInfo() throws {
        let info = try RepoInfoFile.decode(Fixtures.bytes("__palo_repository_doris_repo/__repo_info"))
        #expect(info == RepoInfoFile(name: "doris_repo", createTime: "2022-04-08 15:50:00"))
    }
}
