@testable import Console

/// Schedules and incremental snapshot chains, as `jobs("type"="backup")` and SHOW SNAPSHOT give them.
enum ScheduleFixtures {
    static let columns = ["Id", "Name", "Definer", "ExecuteType", "RecurringStrategy", "Status", "ExecuteSql", "CreateTime",
                          "SucceedTaskCount", "FailedTaskCount", "CanceledTaskCount", "Comment", "LastRunTime", "LastResult", "NextRunTime"]

    static let rows: [[String?]] = [
        ["10021", "retail_nightly", "root", "RECURRING", "EVERY 1 DAY STARTS 2026-11-20 02:00:00", "RUNNING",
         "BACKUP SNAPSHOT retail.retail_nightly_{ts} TO demo_repo PROPERTIES (\"type\" = \"incremental\", \"ttl\" = \"7 DAY\")",
         "2026-11-19 18:00:00", "6", "0", "0", "", "2026-11-26 02:00:00", "FINISHED", "2026-11-27 02:00:00"],
        ["10022", "telemetry_hourly", "root", "RECURRING", "EVERY 1 HOUR STARTS 2026-11-26 00:00:00", "PAUSED",
         "BACKUP SNAPSHOT telemetry.hourly_{ts} TO demo_repo", "2026-11-25 23:00:00", "14", "1", "0", "ops ticket 42",
         "2026-11-26 14:00:00", "CANCELLED: backend 10002 is down", nil],
    ]

    static var schedules: [ScheduleRow] {
        // The reader is under test elsewhere; a fixture that cannot be read is a broken test.
        (try? ScheduleRow.rows(columns: columns, rows: rows)) ?? []
    }

    static func cluster(schedules: [ScheduleRow] = schedules, snapshots: [SnapshotRow] = chain) -> ClusterSnapshot {
        var cluster = Fixtures.cluster(jobs: idleJobs, snapshots: ["demo_repo": snapshots])
        cluster.schedules = schedules
        cluster.clusterId = ownId
        return cluster
    }

    static let ownId = "7f3c9a2e-51d4-4c1b-9e0a-2b8f6d1c4e77"
    static let otherId = "c0ffee00-1111-2222-3333-444455556666"

    /// A full backup of the 24th, incrementals of the 25th and 26th each on the previous night,
    /// and a full backup another cluster made.
    static let chain: [SnapshotRow] = [
        snapshot("retail_nightly_20261124", "2026-11-24-02-00-01",
                 SnapshotLineage(type: "FULL", uploadedBytes: 6_521_981, totalBytes: 6_521_981, owner: ownId, ttl: "7 DAY",
                                 expires: "2026-12-01 02:00:01")),
        snapshot("retail_nightly_20261125", "2026-11-25-02-00-01",
                 SnapshotLineage(type: "INCREMENTAL", baseLabel: "retail_nightly_20261124", uploadedBytes: 712_000, totalBytes: 7_233_981,
                                 owner: ownId, ttl: "7 DAY", expires: "2026-12-02 02:00:01")),
        snapshot("retail_nightly_20261126", "2026-11-26-02-00-01",
                 SnapshotLineage(type: "INCREMENTAL", baseLabel: "retail_nightly_20261125", uploadedBytes: 698_000, totalBytes: 7_931_981,
                                 owner: ownId, ttl: "7 DAY", expires: "2026-12-03 02:00:01")),
        snapshot("dr_copy", "2026-11-25-12-00-00",
                 SnapshotLineage(type: "FULL", uploadedBytes: 7_000_000, totalBytes: 7_000_000, owner: otherId)),
    ]

    static func snapshot(_ label: String, _ timestamp: String, _ lineage: SnapshotLineage) -> SnapshotRow {
        SnapshotRow(repository: "demo_repo", label: label, timestamps: [timestamp], database: "retail", lineage: [timestamp: lineage])
    }
}
