import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct SQLCommandTests {
    @Test func oneShotStatementsPrintLikeTheMySQLClient() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let setup = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            CREATE DATABASE shop; USE shop;
            CREATE TABLE t (id INT NOT NULL, name VARCHAR(10)) DISTRIBUTED BY HASH(id) BUCKETS 2;
            INSERT INTO t VALUES (1, 'a'), (2, '北京');
            """])
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.contains("Query OK, 2 rows affected"))
        let query = try SnapDeckProcess.run(["sql", "--data", dir, "-D", "shop", "-e", "SELECT * FROM t ORDER BY id"])
        #expect(query.status == 0)
        let lines = query.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(6)) == ["+----+------+", "| id | name |", "+----+------+", "| 1  | a    |", "| 2  | 北京 |", "+----+------+"])
        #expect(lines[6].hasPrefix("2 rows in set ("))
        let vertical = try SnapDeckProcess.run(["sql", "--data", dir, "-e", "SELECT name FROM shop.t WHERE id = 2\\G"])
        #expect(vertical.stdout.hasPrefix("*************************** 1. row ***************************\nname: 北京\n"))
        let json = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "json", "-e", "SELECT id FROM shop.t ORDER BY id"])
        #expect(json.stdout == "[\n  {\"id\": \"1\"},\n  {\"id\": \"2\"}\n]\n")
    }

    @Test func statementsFromStdinStopAtTheFirstError() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = """
            -- a comment; with a semicolon
            CREATE DATABASE d;
            SELECT COUNT(*) FROM d.missing;
            CREATE DATABASE never;
            """
        let result = try SnapDeckProcess.run(["sql", "--data", dir], stdin: script)
        #expect(result.status == 1)
        #expect(result.stderr == "ERROR 1146 (42S02): Table 'd.missing' doesn't exist\n")
        let check = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SHOW DATABASES"])
        #expect(check.stdout == "Database\nd\n")
        let syntax = try SnapDeckProcess.run(["sql", "--data", dir, "-e", "SELEC 1"])
        #expect(syntax.status == 1)
        #expect(syntax.stderr.hasPrefix("ERROR 1064 (42000): You have an error in your SQL syntax"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let result = try SnapDeckProcess.run(["sql", "--format", "xml", "-e", "SHOW DATABASES"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format must be one of"))
    }

    @Test func aSecondProcessOnTheSameDirectoryFailsAtOnce() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try SnapDeckProcess.run(["init", "--data", dir, "--backends", "2"]).status == 0)
        // The first process waits for statements on a FIFO that this test keeps open.
        let fifo = dir + ".fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let fd = open(fifo, O_RDWR)
        defer {
            close(fd)
            unlink(fifo)
        }
        let holder = try ChildProcess(SnapDeckProcess.binary, ["sql", "--data", dir], stdinPath: fifo)
        defer { holder.signal(SIGKILL) }
        // Wait until the holder owns the directory (its PID is in the lock file); probing
        // with other processes before that could take the lock from under it.
        let deadline = Date().addingTimeInterval(30)
        let pid = String(holder.pid)
        while (try? String(contentsOfFile: dir + "/snapdeck.lock", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) != pid,
              Date() < deadline {
            usleep(20_000)
        }
        let second = try SnapDeckProcess.run(["sql", "--data", dir, "-e", "SHOW DATABASES"])
        #expect(second.status == 1)
        #expect(second.stderr == "ERROR 1105 (HY000): data directory \(dir) is in use by process \(holder.pid)\n")
    }

    @Test func csvLoadsAndChecksumsSurviveRestarts() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "id,day,amount\n"
        for i in 1...5000 { csv += "\(i),2025-0\(1 + i % 9)-1\(i % 10),\(i).\(i % 100)\n" }
        csv += "5001,\"2025-01-01\",\"1,5\"\n".replacingOccurrences(of: "1,5", with: "1.5")
        let file = dir + ".csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let load = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            CREATE DATABASE d;
            CREATE TABLE d.t (id INT NOT NULL, day DATE, amount DECIMAL(10,2))
              PARTITION BY RANGE(day) (PARTITION p1 VALUES LESS THAN ('2025-05-01'), PARTITION p2 VALUES LESS THAN (MAXVALUE))
              DISTRIBUTED BY HASH(id) BUCKETS 5;
            LOAD DATA LOCAL INFILE '\(file)' INTO TABLE d.t COLUMNS TERMINATED BY ',' IGNORE 1 LINES;
            CHECKSUM TABLE d.t;
            """])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains("Query OK, 5001 rows affected"))
        #expect(load.stdout.contains("Records: 5001  Deleted: 0  Skipped: 0  Warnings: 0"))
        let checksum = try #require(load.stdout.split(separator: "\n").first { $0.hasPrefix("| d.t") })
        let again = try SnapDeckProcess.run(["sql", "--data", dir, "-e", "CHECKSUM TABLE d.t; SELECT COUNT(*) FROM d.t"])
        #expect(again.stdout.contains(checksum))
        #expect(again.stdout.contains("| 5001     |"))
    }

    @Test func demoBuildsACluster() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let demo = try SnapDeckProcess.run(["demo", "--dir", dir, "--orders", "4000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("retail.orders: 4000 rows"))
        #expect(demo.stdout.contains("snapdeck sql --data"))
        let count = try SnapDeckProcess.run(["sql", "--data", dir, "--format", "tsv", "-e", "SELECT COUNT(*) FROM retail.customers WHERE city = '上海'"])
        #expect(count.status == 0)
        #expect((Int(count.stdout.split(separator: "\n").last ?? "") ?? 0) > 0)
        let again = try SnapDeckProcess.run(["demo", "--dir", dir])
        #expect(again.stdout.contains("Using the demo cluster already in"))
    }
}
