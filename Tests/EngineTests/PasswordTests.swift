import Crypto
import Engine
import Foundation
import TestSupport
import Testing

/// Passwords stored as MySQL's native hashes, the four ways to set one, the credentials a
/// MySQL-protocol server checks, and the migration of hashes an older SnapDeck kept.
@Suite struct PasswordTests {
    static let secretHash = "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7"
    static let secretDigest: [UInt8] = [
        0x14, 0xE6, 0x55, 0x67, 0xAB, 0xDB, 0x51, 0x35, 0xD0, 0xCF, 0xD9, 0xA7, 0x0B, 0x30, 0x32, 0xC1, 0x79, 0xA4, 0x9E, 0xE7,
    ]

    private func storedHash(_ t: TestCluster, _ user: String) -> String? {
        t.cluster?.catalog.users[user]?.passwordHash
    }

    @Test func passwordsAreStoredAsMySQLNativeHashes() throws {
        let t = try TestCluster()
        try t.sql("CREATE USER 'ann'@'%' IDENTIFIED BY 'secret'")
        #expect(storedHash(t, "ann") == Self.secretHash)
        #expect(t.cluster?.credentials(forUser: "ann") == .nativeHash(Self.secretDigest))
        #expect(t.cluster?.credentials(forUser: "root") == .noPassword)
        #expect(t.cluster?.credentials(forUser: "nobody") == .unknownUser)
        try t.sql("CREATE USER bob IDENTIFIED BY PASSWORD '\(Self.secretHash.lowercased())'")
        #expect(storedHash(t, "bob") == Self.secretHash)
        #expect(try t.sql("SHOW GRANTS FOR bob").rows.first?[1] == "Yes")
        try t.sql("CREATE USER carl")
        #expect(try t.sql("SHOW GRANTS FOR carl").rows.first?[1] == "No")
        #expect(t.cluster?.credentials(forUser: "carl") == .noPassword)
    }

    /// SET PASSWORD with PASSWORD('...') or a hash, for oneself or (as ADMIN) for another,
    /// and ALTER USER, all store the same hash.
    @Test func everyWayOfSettingAPassword() throws {
        let t = try TestCluster()
        try t.sql("CREATE USER ann IDENTIFIED BY 'old'; CREATE USER bob")
        let ways = [
            ("root", "SET PASSWORD FOR 'ann'@'%' = PASSWORD('secret')"),
            ("root", "SET PASSWORD FOR ann = '\(Self.secretHash)'"),
            ("root", "ALTER USER 'ann'@'%' IDENTIFIED BY 'secret'"),
            ("root", "ALTER USER ann IDENTIFIED BY PASSWORD '\(Self.secretHash)'"),
            ("ann", "SET PASSWORD = PASSWORD('secret')"),
            ("ann", "SET PASSWORD FOR ann = PASSWORD('secret')"),
            ("ann", "ALTER USER ann IDENTIFIED BY 'secret'"),
        ]
        for (user, sql) in ways {
            t.session = Session(user: "root")
            try t.sql("SET PASSWORD FOR ann = PASSWORD('other')")
            #expect(storedHash(t, "ann") != Self.secretHash)
            t.session = Session(user: user)
            try t.sql(sql)
            #expect(storedHash(t, "ann") == Self.secretHash, "\(sql)")
        }
        // Only an ADMIN changes someone else's password; an unknown user is named as MySQL does.
        t.session = Session(user: "ann")
        #expect(t.error("SET PASSWORD FOR bob = PASSWORD('x')")?.code == 1227)
        #expect(t.error("ALTER USER bob IDENTIFIED BY 'x'")?.code == 1227)
        #expect(t.cluster?.credentials(forUser: "bob") == .noPassword)
        t.session = Session(user: "root")
        #expect(t.error("ALTER USER nobody IDENTIFIED BY 'x'")?.description == "ERROR 1396 (HY000): Operation ALTER USER failed for 'nobody'@'%'")
        #expect(t.error("SET PASSWORD FOR nobody = PASSWORD('x')")?.code == 1133)
        try t.sql("ALTER USER IF EXISTS nobody IDENTIFIED BY 'x'")
        // An empty password removes it.
        try t.sql("SET PASSWORD FOR ann = PASSWORD('')")
        #expect(t.cluster?.credentials(forUser: "ann") == .noPassword)
        #expect(try t.sql("SHOW GRANTS FOR ann").rows.first?[1] == "No")
    }

    @Test func malformedHashesAreRefusedWithoutRepeatingThem() throws {
        let t = try TestCluster()
        try t.sql("CREATE USER ann IDENTIFIED BY 'secret'")
        for hash in ["hunter2", "*14E65567ABDB5135D0CFD9A70B3032C179A49EE", "*14E65567ABDB5135D0CFD9A70B3032C179A49EEZ"] {
            let error = t.error("SET PASSWORD FOR ann = '\(hash)'")
            #expect(error == SQLError(code: 1372, sqlState: "HY000", "Password hash should be a 41-digit hexadecimal number"))
            #expect(t.error("CREATE USER bob IDENTIFIED BY PASSWORD '\(hash)'")?.code == 1372)
        }
        #expect(storedHash(t, "ann") == Self.secretHash)
    }

    /// Passwords never reach an error message or the log, in any of their forms.
    @Test func secretsStayOutOfErrorsAndTheLog() throws {
        let t = try TestCluster()
        try t.sql("CREATE USER ann IDENTIFIED BY 'hunter2'; ALTER USER ann IDENTIFIED BY 'hunter3'; SET PASSWORD FOR ann = PASSWORD('hunter4')")
        let failing = [
            "CREATE USER IDENTIFIED BY 'hunter5'", "SET PASSWORD FOR = PASSWORD('hunter6')",
            "ALTER USER IDENTIFIED BY 'hunter7'", "SET PASSWORD = 'hunter8'", "CREATE USER u IDENTIFIED 'hunter9'",
            "SET PASSWORD FOR u@ = '\(Self.secretHash)'",
        ]
        for sql in failing {
            let error = try #require(t.error(sql), "\(sql)")
            #expect(!error.message.contains("hunter") && !error.message.contains("14E65567"), "\(error)")
        }
        let log = try String(contentsOfFile: t.path + "/log/snapdeck.log", encoding: .utf8)
        #expect(log.contains("password of user ann changed by root"))
        #expect(!log.contains("hunter") && !log.contains("14E65567"))
    }

    /// A catalog written before passwords were native hashes: its SHA-256 hex is marked at
    /// the next open, and the user cannot log in over the protocol until given a new one.
    @Test func oldHashesNeedAReset() throws {
        let t = try TestCluster()
        try t.sql("CREATE USER ann IDENTIFIED BY 'pw'; CREATE USER bob")
        t.cluster = nil
        // Turn the catalog back into what the previous release wrote.
        let old = SHA256.hash(data: Data("pw".utf8)).map { String(format: "%02x", $0) }.joined()
        let downgrade = """
            UPDATE users SET passwordHash = '\(old)' WHERE name = 'ann';
            ALTER TABLE users DROP COLUMN passwordNeedsReset;
            DELETE FROM grdb_migrations WHERE identifier = 'v4-native-passwords';
            """
        let sqlite = try ChildProcess.run("/usr/bin/sqlite3", [t.path + "/meta.sqlite", downgrade])
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        try t.reopen()
        // The migration marks the user in the catalog, not only in what credentials say.
        #expect(t.cluster?.catalog.users["ann"]?.passwordNeedsReset == true)
        #expect(t.cluster?.catalog.users["bob"]?.passwordNeedsReset == false)
        guard case .needsReset(let message) = t.cluster?.credentials(forUser: "ann") else {
            Issue.record("ann's old hash was not marked: \(String(describing: t.cluster?.credentials(forUser: "ann")))")
            return
        }
        #expect(message.contains("SET PASSWORD FOR 'ann'@'%' = PASSWORD('...')"))
        #expect(message.contains("ALTER USER 'ann'@'%' IDENTIFIED BY '...'"))
        #expect(t.cluster?.credentials(forUser: "bob") == .noPassword)
        #expect(t.cluster?.credentials(forUser: "root") == .noPassword)
        #expect(try t.sql("SHOW GRANTS FOR ann").rows.first?[1] == "Yes")
        try t.sql("SET PASSWORD FOR 'ann'@'%' = PASSWORD('secret')")
        try t.reopen()
        #expect(t.cluster?.credentials(forUser: "ann") == .nativeHash(Self.secretDigest))
        #expect(t.cluster?.catalog.users["ann"]?.passwordNeedsReset == false)
    }
}
