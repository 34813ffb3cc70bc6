import Catalog
import Foundation

/// An immutable picture of one restore job for SHOW RESTORE and the dashboard.
public struct RestoreJobView: Sendable {
    public var record: RestoreJobRecord
    public var unfinished: [String]
    public var taskProgress: [String]
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int64
    public var throughput: Double?

    /// The 21 columns of SHOW RESTORE, in the order of Doris's newest ShowRestoreCommand.
    public static let columns = [
        "JobId", "Label", "Timestamp", "DbName", "State", "AllowLoad", "ReplicationNum", "ReplicaAllocation",
        "ReserveReplica", "ReserveDynamicPartitionEnable", "RestoreObjs", "CreateTime", "MetaPreparedTime",
        "SnapshotFinishedTime", "DownloadFinishedTime", "FinishedTime", "UnfinishedTasks", "Progress", "TaskErrMsg",
        "Status", "Timeout",
    ]
    public static let briefDropped: Set<String> = ["RestoreObjs", "Progress", "TaskErrMsg"]
    /// SnapDeck's FULL extras; `Properties` shows every restore property the job runs with
    /// (Doris keeps them in the job but shows none but the three columns above).
    public static let fullColumns = ["FilesDone", "FilesTotal", "BytesDone", "BytesTotal", "Throughput", "ETA", "Properties"]

    public var etaSeconds: Double? {
        guard let throughput, throughput > 0, !record.state.isDone, record.bytesTotal > bytesDone else { return nil }
        return Double(record.bytesTotal - bytesDone) / throughput
    }

    public func cells(brief: Bool, full: Bool) -> [String?] {
        let r = record
        let errors = r.taskErrors.sorted { $0.key < $1.key }.map { "[\($0.key)=\($0.value)]" }
        let all: [String?] = [
            String(r.jobId), r.label, r.request.timestamp, r.request.databaseName, r.state.rawValue,
            String(r.request.allowLoad), String(r.request.replicationNum), r.request.replicaAllocation,
            String(r.request.reserveReplica), String(r.request.reserveDynamicPartitionEnable), r.restoreObjects,
            JobTime.format(r.createTime), JobTime.format(r.metaPreparedTime), JobTime.format(r.snapshotFinishedTime),
            JobTime.format(r.downloadFinishedTime), JobTime.format(r.finishedTime), BackupJobView.list(unfinished),
            BackupJobView.list(taskProgress), BackupJobView.list(errors), r.status.cell, String(r.request.timeoutSeconds),
        ]
        var row = brief ? zip(Self.columns, all).filter { !Self.briefDropped.contains($0.0) }.map(\.1) : all
        if full {
            row += [String(filesDone), String(filesTotal), String(bytesDone), String(r.bytesTotal),
                    throughput.map { JobTime.rate($0) }, etaSeconds.map { JobTime.duration($0) }, r.request.propertiesText]
        }
        return row
    }
}

extension RestoreMachine {
    /// Views of the restore jobs of one database (or all), oldest first. On the queue.
    func views(database: ObjectID?) -> [RestoreJobView] {
        jobs.values.filter { database == nil || $0.record.databaseId == database }
            .sorted { $0.record.jobId < $1.record.jobId }
            .map { job in
                let r = job.record
                let tablets = r.plan?.tablets ?? []
                var unfinished: [String] = []
                if r.state == .downloading {
                    unfinished = job.tasks.inFlight.sorted { $0.key < $1.key }.map { "[\($0.key)=\($0.value.backend)]" }
                }
                let counters = job.tasks.progress.snapshot
                let progress = r.state == .downloading ? counters.tasks.sorted { $0.key < $1.key }.map { "[\($0.key): \($0.value.done)/\($0.value.total)]" } : []
                let total = tablets.reduce(0) { $0 + $1.files.count }
                return RestoreJobView(
                    record: r, unfinished: unfinished, taskProgress: progress,
                    filesDone: r.state == .finished ? total : min(counters.files, total), filesTotal: total,
                    bytesDone: r.state == .finished ? r.bytesTotal : min(counters.bytes, r.bytesTotal), throughput: job.tasks.progress.throughput(finishedMillis: r.downloadFinishedTime))
            }
    }
}
