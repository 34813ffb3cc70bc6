@testable import Console

/// Small builders for cluster snapshots and states, shaped like the demo cluster.
enum Fixtures {
    /// 2026-11-26 15:30:00 UTC; tests run with a zero UTC offset.
    static let now: Double = 1_795_707_000

    static func job(
        _ kind: JobKind = .backup, id: Int64, label: String, database: String = "retail", state: String = "UPLOADING",
        bytesDone: Int64 = 0, bytesTotal: Int64 = 0, filesDone: Int = 0, filesTotal: Int = 0, unfinished: String = "",
        taskErrMsg: String = "", status: String = "[OK]", createTime: String = "2026-11-26 15:25:31", createdAgo: Double? = 120,
        finishedAgo: Double? = nil
    ) -> JobRow {
        let finished = state == "FINISHED" || state == "CANCELLED"
        let columns = kind == .backup
            ? ["JobId", "SnapshotName", "DbName", "State", "BackupObjs", "CreateTime", "SnapshotFinishedTime", "UploadFinishedTime",
               "FinishedTime", "UnfinishedTasks", "Progress", "TaskErrMsg", "Status", "Timeout", "FilesDone", "FilesTotal", "BytesDone", "BytesTotal"]
            : ["JobId", "Label", "Timestamp", "DbName", "State", "AllowLoad", "ReplicationNum", "ReplicaAllocation", "ReserveReplica",
               "ReserveDynamicPartitionEnable", "RestoreObjs", "CreateTime", "MetaPreparedTime",
               "SnapshotFinishedTime", "DownloadFinishedTime", "FinishedTime", "UnfinishedTasks", "Progress", "TaskErrMsg", "Status", "Timeout",
               "FilesDone", "FilesTotal", "BytesDone", "BytesTotal"]
        var values: [String: String?] = [
            "JobId": String(id), "SnapshotName": label, "Label": label, "DbName": database, "State": state,
            "BackupObjs": "[\(database).orders]", "CreateTime": createTime, "SnapshotFinishedTime": "2026-11-26 15:25:33",
            "UploadFinishedTime": finished ? "2026-11-26 15:26:10" : nil, "FinishedTime": finished ? "2026-11-26 15:26:11" : nil,
            "UnfinishedTasks": unfinished, "Progress": "", "TaskErrMsg": taskErrMsg, "Status": status, "Timeout": "86400",
            "FilesDone": String(filesDone), "FilesTotal": String(filesTotal), "BytesDone": String(bytesDone), "BytesTotal": String(bytesTotal),
            "Timestamp": "2026-11-26-15-25-31", "AllowLoad": "false", "ReplicationNum": "3", "RestoreObjs": "{}",
            "ReplicaAllocation": "tag.location.default: 3", "ReserveReplica": "false", "ReserveDynamicPartitionEnable": "false",
            "MetaPreparedTime": "2026-11-26 15:25:32", "DownloadFinishedTime": finished ? "2026-11-26 15:26:10" : nil,
        ]
        if kind == .restore { values["SnapshotFinishedTime"] = "2026-11-26 15:25:33" }
        return JobRow(
            kind: kind, columns: columns, values: columns.map { values[$0] ?? nil },
            createdAtEpoch: createdAgo.map { now - $0 }, finishedAtEpoch: finishedAgo.map { now - $0 }
        )
    }

    static func partition(_ id: Int64, _ name: String, bytes: Int64 = 1_400_000, files: Int = 32, tablets: Int = 2) -> CatalogNode {
        CatalogNode(kind: .partition, id: id, name: name, rows: 16_000, bytes: bytes, files: files, version: 5, range: "[\(name)]",
                    children: (0..<tablets).map {
                        CatalogNode(kind: .tablet, id: id * 10 + Int64($0), name: String(id * 10 + Int64($0)), rows: 8000,
                                    bytes: bytes / Int64(tablets), files: files / tablets, version: 5, versionCount: 4,
                                    backends: [10001, 10002, 10003])
                    })
    }

    static func table(_ id: Int64, _ name: String, partitions: [String], replication: Int = 3) -> CatalogNode {
        let parts = partitions.enumerated().map { partition(id * 100 + Int64($0.offset), $0.element) }
        return CatalogNode(kind: .table, id: id, name: name, rows: parts.reduce(0) { $0 + $1.rows }, bytes: parts.reduce(0) { $0 + $1.bytes },
                           files: parts.reduce(0) { $0 + $1.files }, replication: replication, children: parts)
    }

    static func database(_ id: Int64, _ name: String, _ tables: [CatalogNode]) -> CatalogNode {
        CatalogNode(kind: .database, id: id, name: name, rows: tables.reduce(0) { $0 + $1.rows }, bytes: tables.reduce(0) { $0 + $1.bytes },
                    files: tables.reduce(0) { $0 + $1.files }, children: tables)
    }

    static let catalog: [CatalogNode] = [
        database(1, "retail", [
            table(11, "customers", partitions: ["customers"], replication: 2),
            table(12, "orders", partitions: ["p202501", "p202502", "p202503"]),
            table(13, "products", partitions: ["p_books", "p_toys"]),
        ]),
        database(2, "telemetry", [table(21, "events", partitions: ["p20261125", "p20261126"]), table(22, "hosts", partitions: ["hosts"])]),
    ]

    static let repository = RepositoryRow(repoId: 11937, name: "demo_repo", location: "/tmp/demo/repository", createTime: "2026-11-26 15:25:26")

    static let snapshots: [SnapshotRow] = [
        SnapshotRow(repository: "demo_repo", label: "nightly", timestamps: ["2026-11-26-15-25-31"], database: "retail"),
        SnapshotRow(repository: "demo_repo", label: "遥测_first", timestamps: ["2026-11-26-15-25-26"], database: "telemetry"),
    ]

    static let nightlyKey = SnapshotKey(repository: "demo_repo", label: "nightly", timestamp: "2026-11-26-15-25-31")

    /// The brief SHOW SNAPSHOT prints for `nightly`.
    static let nightlyBrief = """
        {"name": "nightly", "database": "retail", "backup_time": 1795706731656, "content": "ALL",
         "olap_table_list": [{"name": "customers", "partition_names": ["customers"]},
                             {"name": "orders", "partition_names": ["p202501", "p202502", "p202503"]}],
         "view_list": [], "odbc_table_list": [], "odbc_resource_list": []}
        """

    static func cluster(
        sequence: Int = 1, jobs: [JobRow] = defaultJobs, isAdmin: Bool = true, user: String = "root",
        repositories: [RepositoryRow] = [repository], snapshots: [String: [SnapshotRow]] = ["demo_repo": snapshots],
        events: [EventRow] = []
    ) -> ClusterSnapshot {
        ClusterSnapshot(
            sequence: sequence, dataDirectory: "/tmp/console-demo", user: user, isAdmin: isAdmin, backendsUp: 3, backendsTotal: 3,
            jobs: jobs, repositories: repositories, catalog: catalog, snapshots: snapshots, events: events, transferRate: 3_145_728
        )
    }

    static let defaultJobs: [JobRow] = [
        job(id: 11938, label: "遥测_first", database: "telemetry", state: "FINISHED", bytesDone: 748_422, bytesTotal: 748_422,
            filesDone: 13, filesTotal: 13, createTime: "2026-11-26 15:25:26", createdAgo: 274, finishedAgo: 273),
        job(id: 11939, label: "nightly", state: "UPLOADING", bytesDone: 4_100_000, bytesTotal: 6_521_981, filesDone: 250, filesTotal: 396,
            unfinished: "[11403=10003], [11406=10001], [11409=10002], [11412=10003]"),
        job(id: 11940, label: "weekly", database: "telemetry", state: "CANCELLED", taskErrMsg: "",
            status: "[COMMON_ERROR, msg: backend 10002 is down]", createTime: "2026-11-26 15:20:00", createdAgo: 600, finishedAgo: 590),
    ]

    static func state(_ cluster: ClusterSnapshot = cluster(), width: Int = 80, height: Int = 24) -> AppState {
        var state = AppState(width: width, height: height, now: now, utcOffset: 0)
        _ = reduce(&state, .tick(now: now))
        _ = reduce(&state, .snapshot(cluster))
        return state
    }

    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    @discardableResult
    static func type(_ state: inout AppState, _ text: String) -> [Effect] {
        text.flatMap { reduce(&state, .key(.character($0))) }
    }

    static func render(_ state: AppState, theme: Theme = .standard()) -> CellBuffer {
        Screen.render(state, width: state.width, height: state.height, theme: theme)
    }
}
