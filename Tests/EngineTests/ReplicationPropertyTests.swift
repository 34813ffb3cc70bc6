import Engine
import Testing

/// `replication_allocation` wherever `replication_num` is accepted, and the
/// `max_bucket_num_per_partition` FE config.
@Suite struct ReplicationPropertyTests {
    func create(_ t: TestCluster, _ properties: String, partitionProperties: String = "") -> SQLError? {
        t.error("""
            CREATE TABLE t (d DATE NOT NULL, v INT) PARTITION BY RANGE(d) (
              PARTITION p1 VALUES LESS THAN ("2026-01-01") \(partitionProperties))
            DISTRIBUTED BY HASH(v) BUCKETS 2 PROPERTIES (\(properties))
            """)
    }

    @Test func allocationSetsTheReplicaCountAndIsShownBack() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        #expect(create(t, "'replication_allocation' = 'tag.location.default: 2'", partitionProperties: "('replication_allocation' = 'tag.location.default:2')") == nil)
        #expect(try t.sql("SHOW TABLET FROM t").rows.count == 4)
        #expect(try t.sql("SHOW CREATE TABLE t").rows[0][1]?.contains("\"replication_allocation\" = \"tag.location.default: 2\"") == true)
        // replication_num wins over replication_allocation, as in Doris.
        try t.sql("DROP TABLE t")
        #expect(create(t, "'replication_allocation' = 'tag.location.default: 2', 'replication_num' = '1'") == nil)
        #expect(try t.sql("SHOW TABLET FROM t").rows.count == 2)
    }

    @Test(arguments: [
        ("'replication_allocation' = '3'", "Invalid replication allocation property: 3"),
        ("'replication_allocation' = 'tag.location.default:'", "Invalid replication allocation property: tag.location.default:"),
        ("'replication_allocation' = 'tag.zone.default: 1'", "Invalid replication allocation tag property: tag.zone.default:1"),
        ("'replication_allocation' = 'tag.location.: 1'", "Invalid replication allocation location tag property: tag.location.:1"),
        ("'replication_allocation' = 'tag.location.default: -1'", "Total replication num should between 1 and 32767"),
        ("'replication_allocation' = 'tag.location.default: a'", "For input string: \"a\""),
        ("'replication_num' = '0'", "Replication num should larger than 0. (suggested 3)"),
        ("'replication_allocation' = 'tag.location.default: 4'", "Failed to find enough backend, please check the replication num,replication tag and storage medium and avaiable capacity of backends or maybe all be on same host. replication num: 4, available backends: 3"),
    ])
    func badAllocationsAreRefused(_ properties: String, _ message: String) throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        #expect(create(t, properties)?.message == message)
        #expect(try t.sql("SHOW TABLES").rows.isEmpty)
    }

    @Test func anUnknownTagCannotBePlaced() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        let message = create(t, "'replication_allocation' = 'tag.location.zone1: 1'")?.message
        #expect(message?.contains("replication tag: {\"location\" : \"zone1\"}, replication num: 1") == true)
    }

    @Test func aPartitionMayNotAskForAnotherReplicaCount() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        #expect(create(t, "'replication_num' = '2'", partitionProperties: "('replication_allocation' = 'tag.location.default: 1')")?.message
            == "Partition p1: a replica count (1) other than the table's (2) is not supported; SnapDeck keeps one replica count per table")
        #expect(create(t, "'replication_num' = '2'") == nil)
        #expect(t.error("ALTER TABLE t ADD PARTITION p2 VALUES LESS THAN ('2027-01-01') ('replication_num' = '3')") != nil)
        #expect(t.error("ALTER TABLE t ADD PARTITION p2 VALUES LESS THAN ('2027-01-01') ('replication_allocation' = 'tag.location.default: 2')") == nil)
        #expect(try t.sql("SHOW PARTITIONS FROM t").rows.count == 2)
    }

    @Test func theBucketLimitIsAFrontendConfig() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE db; USE db")
        let show = try t.sql("ADMIN SHOW FRONTEND CONFIG LIKE 'max_bucket_num_per_partition'")
        #expect(show.rows.first?[1] == "768")
        func create(_ buckets: String) -> String? {
            t.error("CREATE TABLE b (v INT) DISTRIBUTED BY HASH(v) BUCKETS \(buckets) PROPERTIES ('replication_num' = '1')")?.message
        }
        #expect(create("769") == "Number of buckets (769) exceeds the maximum allowed value (768). You can change the limit by setting FE config max_bucket_num_per_partition.")
        try t.sql("ADMIN SET FRONTEND CONFIG ('max_bucket_num_per_partition' = '4')")
        #expect(create("5")?.contains("maximum allowed value (4)") == true)
        #expect(create("AUTO") == nil)
        try t.sql("DROP TABLE b")
        try t.sql("ADMIN SET FRONTEND CONFIG ('max_bucket_num_per_partition' = '0')")
        #expect(create("1500") == nil)
    }
}
