import Engine
import Foundation
import TestSupport
import Testing

/// The statements MySQL clients send on connecting, through `snapdeck sql` as a user runs them.
@Suite(.serialized) struct SessionSQLTests {
    @Test func versionCommentAsTheMySQLClientAsksForIt() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try SnapDeckProcess.run(["sql", "--data", dir, "-e", "select @@version_comment limit 1"])
        #expect(result.status == 0, "\(result.stderr)")
        let comment = "SnapDeck \(SnapDeckVersion.current) (Doris-compatible)"
        let rule = "+" + String(repeating: "-", count: comment.count + 2) + "+"
        let header = "| @@version_comment" + String(repeating: " ", count: comment.count - 17) + " |"
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(5)) == [rule, header, rule, "| \(comment) |", rule])
        #expect(lines.count > 5 && lines[5].hasPrefix("1 row in set ("))
    }

    @Test func setNamesThenTheCurrentDatabase() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let none = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SET NAMES utf8mb4; SELECT DATABASE()"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout == "DATABASE()\nNULL\n")
        #expect(try SnapDeckProcess.run(["sql", "--data", dir, "-e", "CREATE DATABASE shop"]).status == 0)
        let chosen = try SnapDeckProcess.run(["sql", "--data", dir, "-D", "shop", "--format", "tsv", "-e", "SET NAMES 'utf8mb4' COLLATE 'utf8mb4_general_ci'; SELECT DATABASE(), @@collation_connection"])
        #expect(chosen.stdout == "DATABASE()\t@@collation_connection\nshop\tutf8mb4_general_ci\n")
        let refused = try SnapDeckProcess.run(["sql", "--data", dir, "-e", "SET NAMES latin1"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "ERROR 1115 (42000): Unknown character set: 'latin1'\n")
    }

    @Test func showVariablesLikeAPattern() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SHOW VARIABLES LIKE 'wait%'"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Variable_name\tValue\nwait_timeout\t28800\n")
        let set = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SET wait_timeout = 60; SHOW VARIABLES LIKE 'wait%'; SELECT CONNECTION_ID()"])
        let lines = set.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == ["Variable_name\tValue", "wait_timeout\t60", "CONNECTION_ID()"])
        // `snapdeck sql` has no connection: its id is the process's.
        #expect(lines.count == 4 && (Int(lines[3]) ?? 0) > 1)
    }
}
