import Foundation
import TestSupport
import Testing

/// The verification queries of a migration, through `snapdeck sql`.
@Suite(.serialized) struct SQLAggregateCommandTests {
    @Test func groupedSumsPrintExactlyAndJoinsAreRefused() throws {
        let dir = SnapDeckProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let setup = try SnapDeckProcess.run(["sql", "--data", dir, "-e", """
            CREATE DATABASE shop; USE shop;
            CREATE TABLE t (id INT NOT NULL, city VARCHAR(10), amount DECIMAL(12,2)) DISTRIBUTED BY HASH(id) BUCKETS 3;
            INSERT INTO t VALUES (1, 'oslo', 0.10), (2, 'oslo', 0.20), (3, 'rome', 1.00), (4, 'rome', NULL), (5, NULL, 2.50);
            """])
        #expect(setup.status == 0, "\(setup.stderr)")
        let query = try SnapDeckProcess.run(["sql", "--data", dir, "-D", "shop", "--format", "tsv", "-e", """
            SELECT city, COUNT(*) AS n, SUM(amount), AVG(amount) FROM t GROUP BY city HAVING n > 1 ORDER BY city DESC
            """])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout == "city\tn\tsum(amount)\tavg(amount)\nrome\t2\t1.00\t1.0000\noslo\t2\t0.30\t0.1500\n")
        let join = try SnapDeckProcess.run(["sql", "--data", dir, "-D", "shop", "-e", "SELECT * FROM t JOIN u ON t.id = u.id"])
        #expect(join.status == 1)
        #expect(join.stderr == "ERROR 1235 (42000): SnapDeck's SELECT reads a single table, with aggregates, to verify data; a JOIN is not supported\n")
    }
}
