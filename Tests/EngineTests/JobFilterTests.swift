import Engine
import Foundation
import Testing

/// SHOW BACKUP / SHOW RESTORE filters and CANCEL without a database, with Doris's messages.
@Suite struct JobFilterTests {
    @Test func showBackupAndRestoreFilterByNameOrPattern() throws {
        let t = try TestCluster()
        defer { try? FileManager.default.removeItem(atPath: t.repositoryPath) }
        try t.makeBackupFixture()
        for label in ["snap_a", "snap_b", "other"] {
            try t.sql("BACKUP SNAPSHOT shop.\(label) TO repo ON (items)")
            #expect(try t.waitForBackup(label))
        }
        func labels(_ sql: String) throws -> [String] { try t.sql(sql).rows.compactMap { $0[1] } }
        #expect(try labels("SHOW BACKUP FROM shop WHERE SnapshotName = 'snap_a'") == ["snap_a"])
        #expect(try labels("SHOW BACKUP IN shop WHERE SnapshotName LIKE 'snap%'") == ["snap_a", "snap_b"])
        #expect(try labels("SHOW BACKUP WHERE snapshotname LIKE '%r'") == ["other"], "the current database, the column in any case")
        #expect(try labels("SHOW BACKUP WHERE SnapshotName = 'SNAP_A'").isEmpty, "labels compare case-sensitively")
        let backupHint = "Where clause should like: SnapshotName = \"your_snapshot_name\",  or SnapshotName LIKE \"matcher\""
        for bad in ["WHERE State = 'FINISHED'", "WHERE SnapshotName = ''", "WHERE SnapshotName NOT LIKE 'x%'",
                    "WHERE SnapshotName = 'a' AND SnapshotName = 'b'", "WHERE SnapshotName > 'a'"] {
            #expect(t.error("SHOW BACKUP FROM shop \(bad)")?.message == backupHint, "\(bad)")
        }

        let ts = try #require(try t.sql("SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap_a'").rows.first?[1] ?? nil)
        for alias in ["i1", "i2"] {
            try t.sql("RESTORE SNAPSHOT shop.snap_a FROM repo ON (items AS \(alias)) PROPERTIES ('backup_timestamp' = '\(ts)', 'replication_num' = '1')")
            #expect(try t.waitUntil { try t.sql("SHOW RESTORE FROM shop").rows.last?[4] == "FINISHED" })
        }
        #expect(try t.sql("SHOW RESTORE FROM shop WHERE Label = 'snap_a'").rows.count == 2)
        #expect(try t.sql("SHOW BRIEF RESTORE WHERE LABEL LIKE 'sn%'").rows.count == 2)
        #expect(try t.sql("SHOW RESTORE FROM shop WHERE label = 'snap_b'").rows.isEmpty)
        let restoreHint = "Where clause should like: LABEL = \"your_label_name\",  or LABEL LIKE \"matcher\""
        for bad in ["WHERE SnapshotName = 'snap_a'", "WHERE Label = ''", "WHERE Label = 1", "WHERE Label = 'a' AND Label = 'a'"] {
            #expect(t.error("SHOW RESTORE FROM shop \(bad)")?.message == restoreHint, "\(bad)")
        }
    }

    @Test func cancelAndShowWithoutADatabaseSaySo() throws {
        let t = try TestCluster()
        try t.sql("CREATE DATABASE shop")
        t.session = Session()
        for sql in ["CANCEL BACKUP", "CANCEL RESTORE", "SHOW BACKUP", "SHOW RESTORE", "SHOW BRIEF RESTORE WHERE Label = 'x'"] {
            let error = t.error(sql)
            #expect(error?.code == 1046, "\(sql)")
            #expect(error?.message == "No database selected", "\(sql)")
        }
        #expect(t.error("CANCEL RESTORE FROM shop")?.message == "No restore job is currently running")
        #expect(t.error("CANCEL BACKUP FROM nowhere")?.code == 1049)
    }
}
