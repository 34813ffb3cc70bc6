import Console
import Foundation

extension ShowReading {
    /// The jobs of one `SHOW [FULL] BACKUP` / `SHOW RESTORE` result, whichever server and version
    /// answered: SnapDeck's FULL form (with FilesDone … ETA), Doris's 13/14-column SHOW BACKUP and
    /// 17/18/19/21-column SHOW RESTORE (and the BRIEF form), StarRocks's 14/18 columns.
    ///
    /// Every cell is kept in `cells` as the server sent it (the detail pane lists them). Progress
    /// comes only from what the server gives: SnapDeck's FULL columns, else the `Progress`
    /// column's `[task: done/total]` entries summed. Times are the server's local time; `utcOffset`
    /// (seconds east of UTC, the server's session time zone) turns CreateTime / FinishedTime into
    /// epoch seconds for the elapsed column.
    public static func jobs(_ kind: JobKind, from result: RemoteResult, utcOffset: Int) throws(SourceProblem) -> [JobRow] {
        let table = ShowTable(result, statement: "SHOW \(kind.keyword)")
        try table.require([["SnapshotName", "Label"], ["State"]])
        let columns = result.columns.map(JobColumns.canonical)
        return result.rows.map { row in
            job(kind, columns: columns, row: row, table: table, utcOffset: utcOffset)
        }
    }

    private static func job(_ kind: JobKind, columns: [String], row: [String?], table: ShowTable, utcOffset: Int) -> JobRow {
        let values = columns.indices.map { index -> String? in
            let value = index < row.count ? row[index] : nil
            // Times must read as "not yet" however the server spells a missing one, so the
            // timeline does not show `N/A` as a time.
            return JobColumns.times.contains(columns[index]) ? ShowValue.present(value) : value
        }
        let created = table.value(row, "CreateTime").flatMap { ServerTime.epoch($0, utcOffset: utcOffset) }
        let finished = table.value(row, "FinishedTime").flatMap { ServerTime.epoch($0, utcOffset: utcOffset) }
        var job = JobRow(kind: kind, columns: columns, values: values, createdAtEpoch: created, finishedAtEpoch: finished)
        // SnapDeck's FULL columns already filled the figures; other servers only have Progress.
        if table.columnIndex("FilesTotal") == nil, let progress = table.value(row, "Progress") {
            let figures = TaskProgress.sum(progress)
            job.filesDone = figures.done
            job.filesTotal = figures.total
        }
        job.unfinishedTasks = TaskProgress.bracketed(table.value(row, "UnfinishedTasks") ?? "")
        job.taskErrMsg = table.value(row, "TaskErrMsg") ?? ""
        job.status = table.value(row, "Status") ?? ""
        return job
    }
}

/// The SHOW BACKUP / RESTORE column names the dashboard reads.
enum JobColumns {
    static let known = [
        "JobId", "SnapshotName", "Label", "Timestamp", "DbName", "State", "BackupObjs", "RestoreObjs",
        "AllowLoad", "ReplicationNum", "ReplicaAllocation", "CreateTime", "MetaPreparedTime", "SnapshotFinishedTime",
        "UploadFinishedTime", "DownloadFinishedTime", "FinishedTime", "UnfinishedTasks", "Progress", "TaskErrMsg",
        "Status", "Timeout", "FilesDone", "FilesTotal", "BytesDone", "BytesTotal", "Throughput", "ETA", "ReserveReplica",
        "ReserveDynamicPartitionEnable", "Properties", "Type", "BaseSnapshot", "UploadedBytes", "TotalBytes",
    ]
    static let times: Set<String> = [
        "CreateTime", "MetaPreparedTime", "SnapshotFinishedTime", "UploadFinishedTime", "DownloadFinishedTime",
        "FinishedTime",
    ]

    /// A known column in the spelling `JobRow` looks up (it compares exactly); others unchanged.
    static func canonical(_ column: String) -> String {
        known.first { $0.lowercased() == column.lowercased() } ?? column
    }
}

/// Doris's task lists: `Progress` (`[sig: done/total], …`) and `UnfinishedTasks`.
enum TaskProgress {
    /// Sums the `done/total` of every entry; entries of another form count for nothing.
    /// Doris counts tablets of the upload/download tasks still running (finished tasks leave the
    /// list), so this is the progress of the work in flight, which is all the server tells.
    static func sum(_ text: String) -> (done: Int, total: Int) {
        var done = 0
        var total = 0
        for entry in entries(text) {
            let figures = entry.split(separator: ":").last.map(String.init) ?? entry
            let parts = figures.split(separator: "/")
            guard parts.count == 2,
                  let d = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                  let t = Int(parts[1].trimmingCharacters(in: .whitespaces)),
                  d >= 0, t >= d
            else { continue }
            done += d
            total += t
        }
        return (done, total)
    }

    /// Doris before 1.2 printed `UnfinishedTasks` as Java's map entries (`11=10002, 12=10003`);
    /// the dashboard's task list reads the bracketed form newer servers print, so old lists are
    /// rewritten to it (the cell keeps the original text).
    static func bracketed(_ text: String) -> String {
        guard !text.contains("["), text.contains("=") else { return text }
        return text.split(separator: ",")
            .map { "[" + $0.trimmingCharacters(in: .whitespaces) + "]" }
            .joined(separator: ", ")
    }

    /// The texts inside top-level brackets, or the comma-separated pieces of an unbracketed list.
    static func entries(_ text: String) -> [String] {
        guard text.contains("[") else { return text.split(separator: ",").map(String.init) }
        var result: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            switch character {
            case "[":
                if depth > 0 { current.append(character) }
                depth += 1
            case "]":
                depth = max(0, depth - 1)
                if depth == 0 {
                    result.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            default:
                if depth > 0 { current.append(character) }
            }
        }
        return result
    }
}
