import Foundation
import TestSupport
import Testing

/// `snapdeck sql -h …` against `snapdeck serve` in another process, as an operator runs it.
@Suite(.serialized) struct RemoteSQLTests {
    /// No saved connections and no MYSQL_PWD from the environment the tests run in.
    static let cleanEnvironment: [String: String?] = ["MYSQL_PWD": nil, "XDG_CONFIG_HOME": NSTemporaryDirectory() + "snapdeck-none-\(UUID())"]

    static func sql(_ serve: ServeProcess, _ arguments: [String], stdin: String? = nil,
                    environment: [String: String?] = [:]) throws -> ChildProcess.Output {
        let all = cleanEnvironment.merging(environment) { $1 }
        return try SnapDeckProcess.run(["sql", "-h", "127.0.0.1", "-P", String(serve.port)] + arguments, stdin: stdin, environment: all)
    }

    static func makeShop(_ serve: ServeProcess) throws {
        let setup = try sql(serve, ["-uroot", "-e", """
            CREATE DATABASE shop; USE shop;
            CREATE TABLE t (id INT NOT NULL, name VARCHAR(10)) DISTRIBUTED BY HASH(id) BUCKETS 2;
            INSERT INTO t VALUES (1, 'a'), (2, NULL);
            """])
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.contains("Query OK, 2 rows affected"))
    }

    @Test func everyOutputFormatAndErrorPrintLikeTheLocalCluster() throws {
        let serve = try ServeProcess()
        try Self.makeShop(serve)
        let table = try Self.sql(serve, ["-D", "shop", "-e", "SELECT * FROM t ORDER BY id"])
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(6)) == ["+----+------+", "| id | name |", "+----+------+", "| 1  | a    |", "| 2  | NULL |", "+----+------+"])
        #expect(lines.count > 6 && lines[6].hasPrefix("2 rows in set ("))
        let vertical = try Self.sql(serve, ["-e", "SELECT name FROM shop.t WHERE id = 1\\G"])
        #expect(vertical.stdout.hasPrefix("*************************** 1. row ***************************\nname: a\n"))
        let tsv = try Self.sql(serve, ["--format", "tsv", "-e", "SELECT * FROM shop.t ORDER BY id"])
        #expect(tsv.stdout == "id\tname\n1\ta\n2\tNULL\n")
        let json = try Self.sql(serve, ["--format", "json", "-e", "SELECT * FROM shop.t ORDER BY id"])
        #expect(json.stdout == "[\n  {\"id\": \"1\", \"name\": \"a\"},\n  {\"id\": \"2\", \"name\": null}\n]\n")

        let error = try Self.sql(serve, ["-e", "SELECT * FROM shop.missing; SELECT 'never'"])
        #expect(error.status == 1)
        #expect(error.stderr == "ERROR 1146 (42S02): Table 'shop.missing' doesn't exist\n")
        #expect(!error.stdout.contains("never"))
        let forced = try Self.sql(serve, ["--force", "--format", "tsv", "-e", "SELECT * FROM shop.missing; SELECT 'after' AS x"])
        #expect(forced.status == 1)
        #expect(forced.stdout == "x\nafter\n")

        let script = try Self.sql(serve, ["--format", "tsv"], stdin: "-- a comment\nUSE shop;\nSELECT name FROM t WHERE id = 1;\n")
        #expect(script.status == 0 && script.stdout == "name\na\n", "\(script.stderr)")
    }

    @Test func connectionProblemsPrintOneLineAndUsageMistakesExit2() throws {
        let port = try S3TestServer.freePort()
        let refused = try SnapDeckProcess.run(["sql", "-h", "127.0.0.1", "-P", String(port), "-e", "SELECT 1"], environment: Self.cleanEnvironment)
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr == "ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1:\(port)' (Connection refused)\n")
        let both = try SnapDeckProcess.run(["sql", "--data", "/tmp/x", "-h", "127.0.0.1", "-e", "SELECT 1"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--data names a local data directory"))
        let unknown = try SnapDeckProcess.run(["sql", "nosuch", "-e", "SELECT 1"], environment: Self.cleanEnvironment)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no saved connection named 'nosuch'"))
    }

    @Test func passwordsComeFromMYSQL_PWDOrTheCommandLine() throws {
        let serve = try ServeProcess()
        #expect(try Self.sql(serve, ["-e", "CREATE USER 'ops'@'%' IDENTIFIED BY 'Sw0rdfish-42'"]).status == 0)
        let fromEnvironment = try Self.sql(serve, ["-uops", "--format", "tsv", "-e", "SELECT CURRENT_USER()"], environment: ["MYSQL_PWD": "Sw0rdfish-42"])
        #expect(fromEnvironment.status == 0 && fromEnvironment.stdout.contains("ops"), "\(fromEnvironment.stderr)")
        let wrong = try Self.sql(serve, ["-uops", "-e", "SELECT 1"], environment: ["MYSQL_PWD": "wrong"])
        #expect(wrong.status == 1 && wrong.stdout.isEmpty)
        #expect(wrong.stderr.hasPrefix("ERROR 1045 (28000): Access denied for user 'ops'@"))
        #expect(wrong.stderr.hasSuffix("(using password: YES)\n"))
        let onCommandLine = try Self.sql(serve, ["-uops", "-pSw0rdfish-42", "-e", "SELECT 1"])
        #expect(onCommandLine.status == 0)
        #expect(onCommandLine.stderr == "Warning: Using a password on the command line interface can be insecure.\n")
    }

    @Test func aSavedConnectionIsUsedByNameAndItsPasswordNeverShown() throws {
        let serve = try ServeProcess()
        try Self.makeShop(serve)
        #expect(try Self.sql(serve, ["-e", "CREATE DATABASE other; CREATE USER 'ops'@'%' IDENTIFIED BY 'Sw0rdfish-42'; GRANT SELECT_PRIV ON *.* TO ops"]).status == 0)
        let config = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: config) }  // temporary files only
        let environment: [String: String?] = ["XDG_CONFIG_HOME": config, "MYSQL_PWD": nil]
        let add = try SnapDeckProcess.run(
            ["connections", "add", "lab", "-h", "127.0.0.1", "-P", String(serve.port), "-u", "ops", "--password=Sw0rdfish-42", "-D", "shop"],
            environment: environment)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(!add.stdout.contains("Sw0rdfish"))
        let file = config + "/snapdeck/connections.toml"
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600)

        let list = try SnapDeckProcess.run(["connections", "list"], environment: environment)
        #expect(list.status == 0)
        #expect(list.stdout.contains("| lab  | ops@127.0.0.1:\(serve.port) | shop     | yes"), "\(list.stdout)")
        #expect(!list.stdout.contains("Sw0rdfish") && !list.stderr.contains("Sw0rdfish"))

        let byName = try SnapDeckProcess.run(["sql", "lab", "--format", "tsv", "-e", "SELECT DATABASE(), CURRENT_USER()"], environment: environment)
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout.split(separator: "\n").last?.hasPrefix("shop\t") == true, "\(byName.stdout)")
        let overridden = try SnapDeckProcess.run(["sql", "lab", "-D", "other", "--format", "tsv", "-e", "SELECT DATABASE()"], environment: environment)
        #expect(overridden.stdout == "DATABASE()\nother\n", "\(overridden.stderr)")

        #expect(chmod(file, 0o644) == 0)
        for arguments in [["sql", "lab", "-e", "SELECT 1"], ["connections", "list"]] {
            let refused = try SnapDeckProcess.run(arguments, environment: environment)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("chmod 600 \(file)"), "\(refused.stderr)")
            #expect(!refused.stdout.contains("Sw0rdfish"))
        }
        #expect(chmod(file, 0o600) == 0)
        #expect(try SnapDeckProcess.run(["connections", "remove", "lab"], environment: environment).status == 0)
        #expect(try SnapDeckProcess.run(["connections", "list"], environment: environment).stdout.hasPrefix("No saved connections"))
    }

    @Test func aBarePAsksForThePasswordAndTheShellFollowsUse() throws {
        let serve = try ServeProcess()
        try Self.makeShop(serve)
        #expect(try Self.sql(serve, ["-e", "CREATE USER 'ops'@'%' IDENTIFIED BY 'Sw0rdfish-42'; GRANT SELECT_PRIV ON shop.* TO ops"]).status == 0)
        let pane = try DashboardTests.Pane("env -u MYSQL_PWD \(SnapDeckProcess.binary) sql -h 127.0.0.1 -P \(serve.port) -uops -p")
        #expect(pane.waitFor("Enter password:"))
        try pane.type("Sw0rdfish-42")
        try pane.keys("Enter")
        #expect(pane.waitFor("Connected to ops@127.0.0.1:\(serve.port) (server version 5.7.99)"), "\(pane.screen())")
        #expect(!pane.screen().contains("Sw0rdfish"), "typed without echo")
        try pane.type("USE shop;")
        try pane.keys("Enter")
        #expect(pane.waitFor("snapdeck [shop]>"), "\(pane.screen())")
        try pane.type("SELECT name FROM t WHERE id = 1;")
        try pane.keys("Enter")
        #expect(pane.waitFor("1 row in set"), "\(pane.screen())")
    }

    @Test func theShellReconnectsAfterTheServerRestartedInTheSameDatabase() throws {
        let serve = try ServeProcess()
        try Self.makeShop(serve)
        let pane = try DashboardTests.Pane("env -u MYSQL_PWD \(SnapDeckProcess.binary) sql -h 127.0.0.1 -P \(serve.port) -uroot -D shop")
        #expect(pane.waitFor("snapdeck [shop]>"), "\(pane.screen())")
        serve.stop()
        try serve.restart()
        try pane.type("SELECT name FROM t WHERE id = 1;")
        try pane.keys("Enter")
        #expect(pane.waitFor("No connection. Trying to reconnect..."), "\(pane.screen())")
        #expect(pane.waitFor("1 row in set"), "\(pane.screen())")
        #expect(pane.screen().contains("Current database: shop"), "\(pane.screen())")
    }

    @Test func ctrlCAtThePasswordPromptLeavesEchoOn() throws {
        let stty = SnapDeckProcess.temporaryDirectory() + "-stty.txt"
        defer { try? FileManager.default.removeItem(atPath: stty) }  // temporary file only
        // Port 1: the prompt comes before any connection is tried. The shell ignores SIGINT so
        // that it outlives Ctrl-C and records the modes snapdeck left (snapdeck sets its own
        // handler, so it still gets the signal).
        let pane = try DashboardTests.Pane(
            "trap '' INT; '\(SnapDeckProcess.binary)' sql -h 127.0.0.1 -P 1 -p; \(DashboardTests.saveTerminalModes(to: stty)); sleep 60")
        #expect(pane.waitFor("Enter password:"))
        try pane.keys("C-c")
        #expect(SnapDeckProcess.poll(seconds: 20) { FileManager.default.fileExists(atPath: stty) })
        let modes = (try? String(contentsOfFile: stty, encoding: .utf8)) ?? ""  // checked just below
        #expect(modes.contains(" echo "), "\(modes)")
    }

    @Test func mariaDBAnswersTheSameClient() throws {
        let mariadb = try MariaDBServer()
        let base = ["sql", "-h", "127.0.0.1", "-P", String(mariadb.port), "-u", mariadb.user]
        let environment: [String: String?] = ["MYSQL_PWD": mariadb.password, "XDG_CONFIG_HOME": Self.cleanEnvironment["XDG_CONFIG_HOME"]!]
        let one = try SnapDeckProcess.run(base + ["--format", "tsv", "-e", "SELECT 1 AS one"], environment: environment)
        #expect(one.status == 0 && one.stdout == "one\n1\n", "\(one.stderr)")
        let syntax = try SnapDeckProcess.run(base + ["-e", "SELEC 1"], environment: environment)
        #expect(syntax.status == 1)
        #expect(syntax.stderr.hasPrefix("ERROR 1064 (42000): You have an error in your SQL syntax"), "\(syntax.stderr)")
    }
}
