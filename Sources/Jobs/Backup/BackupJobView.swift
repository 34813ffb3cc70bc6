import Catalog
import Essentials
import Foundation
import Repository

/// An immutable picture of one backup job for SHOW BACKUP and the dashboard.
public struct BackupJobView: Sendable {
    public var record: BackupJobRecord
    /// `[key=value]` entries of what is still to do in this phase.
    public var unfinished: [String]
    /// `[signature: done/total]` of running upload tasks.
    public var taskProgress: [String]
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int64
    public var bytesTotal: Int64
    /// Bytes per second since the transfer started, or nil before.
    public var throughput: Double?

    /// Doris's 14 columns.
    public static let columns = [
        "JobId", "SnapshotName", "DbName", "State", "BackupObjs", "CreateTime", "SnapshotFinishedTime",
        "UploadFinishedTime", "FinishedTime", "UnfinishedTasks", "Progress", "TaskErrMsg", "Status", "Timeout",
    ]
    /// SnapDeck's, after Doris's: FULL or INCREMENTAL, the base's label, and the bytes the
    /// snapshot writes to its own folder versus the bytes it covers.
    public static let provenanceColumns = ["Type", "BaseSnapshot", "UploadedBytes", "TotalBytes"]
    /// What `SHOW FULL BACKUP` adds after them.
    public static let fullColumns = ["FilesDone", "FilesTotal", "BytesDone", "BytesTotal", "Throughput", "ETA"]

    /// The columns of SHOW BACKUP, or of SHOW FULL BACKUP.
    public static func showColumns(full: Bool) -> [String] {
        columns + provenanceColumns + (full ? fullColumns : [])
    }

    public var etaSeconds: Double? {
        guard let throughput, throughput > 0, !record.state.isDone, bytesTotal > bytesDone else { return nil }
        return Double(bytesTotal - bytesDone) / throughput
    }

    public func cells(full: Bool) -> [String?] {
        let objects = record.objects.map { o in
            "[\(record.databaseName).\(o.table)" + (o.partitions.map { "PARTITIONS (" + $0.joined(separator: ", ") + ")" } ?? "") + "]"
        }.joined(separator: ", ")
        let errors = record.taskErrors.sorted { $0.key < $1.key }.map { "[\($0.key)=\($0.value)]" }
        var row: [String?] = [
            String(record.jobId), record.label, record.databaseName, record.state.rawValue, objects,
            JobTime.format(record.createTime), JobTime.format(record.snapshotFinishedTime),
            JobTime.format(record.uploadFinishedTime), JobTime.format(record.finishedTime),
            Self.list(unfinished), Self.list(taskProgress), Self.list(errors), record.status.cell,
            String(record.timeoutSeconds),
        ]
        row += provenanceCells
        if full {
            row += [String(filesDone), String(filesTotal), String(bytesDone), String(bytesTotal),
                    throughput.map { JobTime.rate($0) }, etaSeconds.map { JobTime.duration($0) }]
        }
        return row
    }

    /// Type, base and bytes. The bytes are known once the job has matched its tablets with
    /// its base (UPLOAD_SNAPSHOT); before that they are empty.
    private var provenanceCells: [String?] {
        let provenance = record.provenance ?? SnapshotProvenance()
        let early: Set<BackupState> = [.pending, .snapshoting, .uploadSnapshot]
        let counted = record.provenance != nil && !early.contains(record.state)
        return [provenance.kind.shown, provenance.base?.label ?? "",
                counted ? String(provenance.uploadedBytes) : nil, counted ? String(provenance.totalBytes) : nil]
    }

    /// Entries joined by ", ", cut to the first 100 as Doris does.
    public static func list(_ entries: [String]) -> String {
        entries.prefix(100).joined(separator: ", ")
    }
}

/// Time and rate cells.
public enum JobTime {
    /// `yyyy-MM-dd HH:mm:ss` (local time) for epoch milliseconds; nil (`\N`) when unset.
    public static func format(_ millis: Int64) -> String? {
        guard millis > 0 else { return nil }
        return LocalTime(epochSeconds: millis / 1000).dateTime
    }

    /// `yyyy-MM-dd-HH-mm-ss` (local time): a snapshot's timestamp.
    public static func snapshotTimestamp(_ millis: Int64) -> String {
        LocalTime(epochSeconds: millis / 1000).snapshotTimestamp
    }

    public static func rate(_ bytesPerSecond: Double) -> String {
        let mib = bytesPerSecond / 1_048_576
        return mib >= 1 ? String(format: "%.1f MiB/s", mib) : String(format: "%.1f KiB/s", bytesPerSecond / 1024)
    }

    /// An estimate rounded up: a job with half a second left never reads `0s`.
    public static func duration(_ seconds: Double) -> String {
        TimeSpan.text(seconds.rounded(.up))
    }
}

extension BackupMachine {
    /// Views of the backup jobs of one database (or all), oldest first. On the queue.
    func views(database: ObjectID?) -> [BackupJobView] {
        jobs.values.filter { database == nil || $0.record.databaseId == database }
            .sorted { $0.record.jobId < $1.record.jobId }
            .map(view)
    }

    private func view(_ job: BackupRuntime) -> BackupJobView {
        let record = job.record
        let tablets = record.plan?.tablets ?? []
        var unfinished: [String] = []
        switch record.state {
        case .snapshoting:
            unfinished = (Set(job.tasks.waiting.keys).union(job.tasks.inFlight.values.flatMap(\.tablets))).sorted()
                .map { "[\($0)=\(record.sourceBackend[$0] ?? 0)]" }
        case .uploading:
            unfinished = job.tasks.inFlight.sorted { $0.key < $1.key }.map { "[\($0.key)=\($0.value.backend)]" }
            unfinished += job.tasks.waiting.keys.sorted().map { "[\($0)=\(record.sourceBackend[$0] ?? 0)]" }
        default:
            break
        }
        let counters = job.tasks.progress.snapshot
        let progress = record.state == .uploading
            ? counters.tasks.sorted { $0.key < $1.key }.map { "[\($0.key): \($0.value.done)/\($0.value.total)]" } : []
        let filesTotal = tablets.reduce(0) { $0 + $1.rowsets.count }
        let bytesTotal = tablets.reduce(Int64(0)) { $0 + $1.bytes }
        let finishedTransfer = record.state == .saveMeta || record.state == .uploadInfo || record.state == .finished
        return BackupJobView(
            record: record, unfinished: unfinished, taskProgress: progress,
            filesDone: finishedTransfer ? filesTotal : min(counters.files, filesTotal), filesTotal: filesTotal,
            bytesDone: finishedTransfer ? bytesTotal : min(counters.bytes, bytesTotal), bytesTotal: bytesTotal,
            throughput: job.tasks.progress.throughput(finishedMillis: record.uploadFinishedTime))
    }
}
