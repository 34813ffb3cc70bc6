import Engine
import Foundation
import TestSupport
import Testing

/// Repository locations that would lose backups or write where they must not, and names that
/// would become paths: every one is refused with a reason, and nothing is created.
@Suite struct HostileLocationTests {
    /// Locations relative to a cluster's data directory `{data}` (named `{name}`) and
    /// `{sibling}`, a folder beside it.
    static let refused: [(String, String)] = [
        ("file://{data}/tmp", "is inside the data directory"),
        ("{data}/backends/10001/snapshot", "is inside the data directory"),
        ("{data}/backends/10001/data", "is inside the data directory"),
        ("{data}", "is inside the data directory"),
        ("file://{data}/", "is inside the data directory"),
        ("{sibling}/../{name}/log", "is inside the data directory"),
        ("{sibling}/link-into-data/x", "is inside the data directory"),
        ("file:///", "is the root of the file system"),
        ("/", "is the root of the file system"),
        ("file:///etc", "is in the system folder /etc"),
        ("/usr/lib/snapdeck", "is in the system folder /usr"),
        ("/proc/self", "is in the system folder /proc"),
        ("/home", "is the shared folder /home"),
        ("/tmp/../var", "is the shared folder /var"),
    ]

    @Test func locationsThatLoseBackupsOrTouchTheSystemAreRefused() throws {
        let t = try TestCluster()
        let sibling = t.path + "-sibling"
        try FileManager.default.createDirectory(atPath: sibling, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sibling + "/link-into-data", withDestinationPath: t.path + "/backends")
        let name = (t.path as NSString).lastPathComponent
        for (template, reason) in Self.refused {
            let location = template.replacingOccurrences(of: "{name}", with: name)
                .replacingOccurrences(of: "{data}", with: t.path).replacingOccurrences(of: "{sibling}", with: sibling)
            let message = t.error("CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(location)'")?.message ?? "accepted"
            #expect(message.hasPrefix("Failed to create repository: location "), "\(location): \(message)")
            #expect(message.contains(reason), "\(location): \(message)")
        }
        #expect(try t.sql("SHOW REPOSITORIES").rows.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/etc/__palo_repository_r"))
        #expect(!FileManager.default.fileExists(atPath: t.path + "/tmp/__palo_repository_r"))
        // A folder beside the data directory, reached through `..`, is fine.
        try t.sql("CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(sibling)/../\(name)-repo'")
    }

    @Test func controlCharactersInALocationAreRefused() throws {
        let t = try TestCluster()
        for (character, code) in [("\u{0}", "U+0000"), ("\n", "U+000A"), ("\u{7f}", "U+007F")] {
            let location = t.path + "-repo" + character + "x"
            let message = t.error("CREATE REPOSITORY r WITH LOCAL ON LOCATION '\(location)'")?.message ?? "accepted"
            #expect(message == "Failed to create repository: the location contains the control character \(code), which no folder or bucket name may hold")
        }
        #expect(!FileManager.default.fileExists(atPath: t.path + "-repo"))
        #expect(try t.sql("SHOW REPOSITORIES").rows.isEmpty)
    }

    /// SnapDeck runs no brokers: a broker repository is a local path SnapDeck writes itself, and a
    /// location only a broker could reach is refused with the reason instead of being read as a path.
    @Test func brokerRepositoriesAreLocalPathsOnly() throws {
        let t = try TestCluster()
        let message = t.error("CREATE REPOSITORY r WITH BROKER hdfs_broker ON LOCATION 'hdfs://nn:54310/backups'")?.message
        #expect(message == "Failed to create repository: broker 'hdfs_broker' is not in SHOW BROKER; SnapDeck runs no brokers and accepts WITH BROKER only for a local path (an absolute path or file:///path), got 'hdfs://nn:54310/backups'")
        #expect(try t.sql("SHOW REPOSITORIES").rows.isEmpty)
        #expect(try t.sql("SHOW BROKER").rows.isEmpty)
        try t.sql("CREATE REPOSITORY r WITH BROKER hdfs_broker ON LOCATION 'file://\(t.path)-repo'")
        let row = try #require(try t.sql("SHOW REPOSITORIES").rows.first)
        #expect(row[5] == "hdfs_broker" && row[6] == "BROKER")
        #expect(FileManager.default.fileExists(atPath: t.path + "-repo/__palo_repository_r/__repo_info"))
    }

    /// A catalog written before the rule may hold a location inside the data directory; jobs
    /// refuse to use it instead of writing backups the next open deletes.
    @Test func aRepositoryInsideTheDataDirectoryFromAnOlderCatalogIsNotUsed() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        t.cluster = nil
        let inside = t.path + "/tmp/old-repo"
        let update = try ChildProcess.run("/usr/bin/sqlite3", [t.path + "/meta.sqlite", "UPDATE repositories SET location = '\(inside)' WHERE name = 'repo'"])
        #expect(update.status == 0, "\(update.stderr)")
        try t.reopen()
        let message = t.error("BACKUP SNAPSHOT shop.s TO repo")?.message ?? "accepted"
        #expect(message.contains("is inside the data directory"), "\(message)")
        #expect(try t.sql("SHOW BACKUP FROM shop").rows.isEmpty)
    }

    /// Labels, repository, database and table names become folder and file names: path
    /// tricks and control characters never get that far.
    @Test func namesThatWouldBecomePathsAreRefused() throws {
        let t = try TestCluster()
        try t.makeBackupFixture()
        let before = Set(FileManager.default.subpaths(atPath: t.repositoryPath) ?? [])
        for label in ["../escape", "a/b", "a\\b", ".", "..", "x\u{0}y", "tab\tlabel", String(repeating: "l", count: 129), ""] {
            let message = t.error("BACKUP SNAPSHOT shop.`\(label)` TO repo")?.message ?? "accepted"
            #expect(message.hasPrefix("Label format error") || message.hasPrefix("You have an error"), "\(label.debugDescription): \(message)")
        }
        for name in ["../r", "r/x", "r\u{1}", ".hidden"] {
            let message = t.error("CREATE REPOSITORY `\(name)` WITH LOCAL ON LOCATION '\(t.path)-other'")?.message ?? "accepted"
            #expect(message.hasPrefix("Incorrect repository name"), "\(name.debugDescription): \(message)")
        }
        for name in ["../d", "d/e", "d\u{7f}", ".."] {
            #expect(t.error("CREATE DATABASE `\(name)`")?.code == 1102, "\(name.debugDescription)")
            #expect(t.error("CREATE TABLE shop.`\(name)` (k INT) DISTRIBUTED BY HASH(k) BUCKETS 1")?.code == 1103, "\(name.debugDescription)")
        }
        #expect(try t.sql("SHOW BACKUP FROM shop").rows.isEmpty)
        #expect(Set(FileManager.default.subpaths(atPath: t.repositoryPath) ?? []) == before)
        #expect(!FileManager.default.fileExists(atPath: t.path + "-other"))
        #expect(!FileManager.default.fileExists(atPath: (t.path as NSString).deletingLastPathComponent + "/escape"))
    }
}
