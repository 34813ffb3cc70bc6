import Console
import Remote
import Testing

/// Which server answers, and what its errors mean to an operator.
@Suite struct ShowParsingServerTests {
    @Test func flavoursAndTheirDisplayTexts() {
        let cases: [(String, String?, ServerFlavor, String)] = [
            ("5.7.99", "SnapDeck 0.1.0 (Doris-compatible)", .snapdeck, "SnapDeck 0.1.0"),
            ("5.7.99", "Doris version doris-2.0.3-rc06-37d31a5", .doris, "Doris 2.0.3"),
            ("5.7.99", "Doris version doris-2.1.7-rc03-443e87e203", .doris, "Doris 2.1.7"),
            ("8.0.33", "StarRocks version 3.3.2-857dd73", .starRocks, "StarRocks 3.3.2"),
            ("5.5.5-10.11.19-MariaDB-0+deb12u1", "Debian 12", .mariaDB, "MariaDB 10.11.19"),
            ("8.0.36", "MySQL Community Server - GPL", .mysql, "MySQL 8.0.36"),
            ("8.0.36-0ubuntu0.22.04.1", nil, .mysql, "MySQL 8.0.36"),
            ("", nil, .unknown, "unknown server"),
            ("5.7.99", "Doris version trunk", .doris, "Doris"),
        ]
        for (handshake, comment, flavor, display) in cases {
            #expect(ServerFlavor.detect(handshakeVersion: handshake, versionComment: comment) == flavor)
            #expect(ServerFlavor.displayText(handshakeVersion: handshake, versionComment: comment) == display)
        }
    }

    @Test func missingPrivilegesInEveryServersWording() {
        let errors = [
            RemoteError(kind: .server, code: 1227, sqlState: "42000", message:
                "errCode = 2, detailMessage = Access denied; you need (at least one of) the (ADMIN) privilege(s) for this operation"),
            RemoteError(kind: .server, code: 1105, message: "errCode = 2, detailMessage = Access denied for user 'ops' to database 'shop'"),
            RemoteError(kind: .server, code: 1044, sqlState: "42000", message: "Access denied for user 'viewer'@'%' to database 'retail'"),
            RemoteError(kind: .server, code: 1227, sqlState: "42000", message:
                "Access denied; you need (at least one of) the REPOSITORY privilege(s) on SYSTEM for this operation."),
        ]
        for error in errors {
            let problem = ShowReading.classify(error, statement: "SHOW BACKUP FROM shop")
            #expect(problem.kind == .missingPrivilege)
            #expect(problem.message.contains("privilege"))
            #expect(!problem.message.contains("errCode = 2"))
        }
        let login = ShowReading.classify(RemoteError(
            kind: .cannotConnect, code: 1045, sqlState: "28000", message: "Access denied for user 'x'@'h' (using password: YES)"))
        #expect(login.kind == .missingPrivilege && login.message.contains("refused the login"))
    }

    @Test func syntaxErrorsOfServersWithoutBackup() {
        let mariadb = RemoteError(kind: .server, code: 1064, sqlState: "42000", message:
            "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version "
            + "for the right syntax to use near 'BACKUP FROM shop' at line 1")
        #expect(ShowReading.classify(mariadb).kind == .noBackupRestore)
        let problem = ShowReading.classify(mariadb, statement: "SHOW BACKUP FROM shop", flavor: .mariaDB)
        #expect(problem.kind == .noBackupRestore && problem.message.contains("MariaDB server has no BACKUP"))
        let mysql = RemoteError(kind: .server, code: 1064, sqlState: "42000", message:
            "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version "
            + "for the right syntax to use near 'REPOSITORIES' at line 1")
        #expect(ShowReading.classify(mysql).kind == .noBackupRestore)
        // A Doris syntax error is a mistake in the statement, not a server without BACKUP.
        let doris = RemoteError(kind: .server, code: 1064, sqlState: "42000", message:
            "errCode = 2, detailMessage = Syntax error in line 1:\nSHOW BACKUPS\n            ^")
        #expect(ShowReading.classify(doris, flavor: .doris).kind == .serverError)
    }

    @Test func otherErrorsKeepTheServersText() {
        let unknown = RemoteError(kind: .server, code: 1049, sqlState: "42000", message: "Unknown database 'gone'")
        let problem = ShowReading.classify(unknown, statement: "SHOW BACKUP FROM gone")
        #expect(problem.kind == .serverError)
        #expect(problem.message.contains("ERROR 1049 (42000): Unknown database 'gone'"))
        #expect(problem.failure == SourceFailure(problem.message))
        let lost = ShowReading.classify(RemoteError(kind: .lost, code: 2013, message: "Lost connection to server"))
        #expect(lost.kind == .unreachable && lost.message.contains("2013"))
    }

    @Test func everyReadingNamesTheColumnItMisses() {
        let empty = RemoteResult(columns: ["Foo"], rows: [["1"]], hasRows: true)
        let readings: [(String, () throws -> Void)] = [
            ("`RepoName`", { _ = try ShowReading.repositories(from: empty) }),
            ("`Snapshot`", { _ = try ShowReading.snapshots(repository: "r", from: empty) }),
            ("`Details`", { _ = try ShowReading.snapshotDetails(from: empty) }),
            ("`Alive`", { _ = try ShowReading.backends(from: empty) }),
            ("`PartitionName`", { _ = try ShowReading.partitions(from: empty) }),
            ("`TabletId`", { _ = try ShowReading.tablets(from: empty) }),
        ]
        for (column, read) in readings {
            let problem = #expect(throws: SourceProblem.self) { try read() }
            #expect(problem?.kind == .unexpectedTable)
            #expect(problem?.message.contains(column) == true)
        }
        let okPacket = RemoteResult(affectedRows: 0)
        #expect(throws: SourceProblem.self) { try ShowReading.databases(from: okPacket) }
    }
}
