import Engine
import Foundation
import Testing

/// Doris's CREATE TABLE rules for keys and aggregations, with its error texts; a refused
/// statement creates nothing.
@Suite struct DataModelRuleTests {
    static let tail = "DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ('replication_num' = '1')"

    static let cases: [(String, String)] = [
        ("CREATE TABLE t (k INT, v INT) AGGREGATE KEY(k) \(tail)",
         "AGG_KEYS table should specify aggregate type for non-key column[v]"),
        ("CREATE TABLE t (k INT SUM, v INT SUM) AGGREGATE KEY(k) \(tail)",
         "Key column[k] should not specify aggregate type."),
        ("CREATE TABLE t (k INT, v INT SUM) UNIQUE KEY(k) \(tail)",
         "UNIQUE_KEYS table should not specify aggregate type for non-key column[v]"),
        ("CREATE TABLE t (k INT, v INT MAX) DUPLICATE KEY(k) \(tail)",
         "DUP_KEYS table should not specify aggregate type for non-key column[v]"),
        ("CREATE TABLE t (k INT, v INT, w INT SUM) AGGREGATE KEY(k, w) \(tail)",
         "Key columns should be a ordered prefix of the schema. KeyColumns[1] (starts from zero) is w, but corresponding column is v in the previous columns declaration."),
        ("CREATE TABLE t (k INT, v INT SUM) AGGREGATE KEY(k, nope) \(tail)", "Key column[nope] doesn't exist."),
        ("CREATE TABLE t (k INT) UNIQUE KEY(k, k2) \(tail)",
         "The number of key columns should be less than the number of columns."),
        ("CREATE TABLE t (k INT, v VARCHAR(10) SUM) AGGREGATE KEY(k) \(tail)",
         "Aggregate type SUM is not compatible with primitive type VARCHAR(10)"),
        ("CREATE TABLE t (k INT, v BIGINT HLL_UNION) AGGREGATE KEY(k) \(tail)",
         "Aggregate type HLL_UNION is not compatible with primitive type BIGINT"),
        ("CREATE TABLE t (k INT, v INT SUM) AGGREGATE KEY(k) DISTRIBUTED BY HASH(v) BUCKETS 1",
         "Distribution column[v] is not key column"),
        ("CREATE TABLE t (k INT, v INT) UNIQUE KEY(k) DISTRIBUTED BY HASH(v) BUCKETS 1",
         "Distribution column[v] is not key column"),
        ("CREATE TABLE t (k INT, v INT) UNIQUE KEY(k) DISTRIBUTED BY RANDOM BUCKETS 1",
         "Create unique keys table should not contain random distribution desc"),
        ("CREATE TABLE t (k INT, v INT REPLACE) AGGREGATE KEY(k) DISTRIBUTED BY RANDOM BUCKETS 1",
         "Create aggregate keys table with value columns of which aggregate type is REPLACE or REPLACE_IF_NOT_NULL should not contain random distribution desc"),
        ("CREATE TABLE t (k INT NOT NULL, d DATE NOT NULL MAX) AGGREGATE KEY(k) PARTITION BY RANGE(d) (PARTITION p VALUES LESS THAN ('2026-01-01')) \(tail)",
         "The partition column could not be aggregated column"),
        ("CREATE TABLE t (k INT NOT NULL, d DATE NOT NULL) UNIQUE KEY(k) PARTITION BY RANGE(d) (PARTITION p VALUES LESS THAN ('2026-01-01')) \(tail)",
         "The partition column could not be aggregated column"),
        ("CREATE TABLE t (k INT, v INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES ('enable_unique_key_merge_on_write' = 'false')",
         "enable_unique_key_merge_on_write property only support unique key table"),
        ("CREATE TABLE t (k INT, v INT) UNIQUE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES ('enable_unique_key_merge_on_write' = 'maybe')",
         "enable_unique_key_merge_on_write must be `true` or `false`"),
        ("CREATE TABLE t (v INT SUM, k INT) \(tail)",
         "The olap table first column could not be float, double, string or array, struct, map, please use decimal or varchar instead."),
    ]

    @Test func everyRuleHasDorisText() throws {
        let t = try TestCluster(backends: 1)
        try t.sql("CREATE DATABASE m; USE m")
        for (statement, message) in Self.cases {
            #expect(t.error(statement)?.message == message, "\(statement)")
        }
        #expect(try t.sql("SHOW TABLES").rows.isEmpty)
    }

    @Test func mergeOnWriteIsRefusedAndMergeOnReadAccepted() throws {
        let t = try TestCluster(backends: 1)
        try t.sql("CREATE DATABASE m; USE m")
        let refused = t.error("""
            CREATE TABLE t (k INT, v INT) UNIQUE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES ('replication_num' = '1', 'enable_unique_key_merge_on_write' = 'true')
            """)
        #expect(refused?.message.hasPrefix("enable_unique_key_merge_on_write = true is not supported: SnapDeck merges UNIQUE KEY tables on read") == true)
        #expect(try t.sql("SHOW TABLES").rows.isEmpty)
        try t.sql("""
            CREATE TABLE t (k INT, v INT) UNIQUE KEY(k) DISTRIBUTED BY HASH(k) PROPERTIES ('replication_num' = '1', 'enable_unique_key_merge_on_write' = 'false')
            """)
        try t.sql("CREATE TABLE t2 (k INT, v INT) UNIQUE KEY(k) PROPERTIES ('replication_num' = '1')")
        // Without DISTRIBUTED BY, a UNIQUE table is hashed on its first column.
        #expect(try t.sql("SHOW CREATE TABLE t2").rows[0][1]?.contains("DISTRIBUTED BY HASH(`k`)") == true)
    }
}
