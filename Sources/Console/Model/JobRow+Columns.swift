extension JobRow {
    /// Builds a job from one `SHOW FULL BACKUP` / `SHOW FULL RESTORE` row.
    ///
    /// Reads the Doris columns by name (`SnapshotName` or `Label`, `DbName`, `State`, ...) and the
    /// FULL extras (`FilesDone`, `BytesTotal`, `Throughput` as `1.5 MiB/s`, `ETA` as `3m2s`).
    /// Epoch times cannot be read from the local-time cells without a time zone, so the caller
    /// passes them.
    public init(
        kind: JobKind, columns: [String], values: [String?], createdAtEpoch: Double? = nil, finishedAtEpoch: Double? = nil
    ) {
        let cells = zip(columns, values).map { JobCell(column: $0, value: $1) }
        func text(_ names: String...) -> String {
            for name in names { if let v = cells.first(where: { $0.column == name })?.value { return v } }
            return ""
        }
        let phaseColumns = kind == .backup
            ? [("Created", "CreateTime"), ("Snapshot finished", "SnapshotFinishedTime"),
               ("Upload finished", "UploadFinishedTime"), ("Finished", "FinishedTime")]
            : [("Created", "CreateTime"), ("Meta prepared", "MetaPreparedTime"),
               ("Snapshot finished", "SnapshotFinishedTime"), ("Download finished", "DownloadFinishedTime"),
               ("Finished", "FinishedTime")]
        let phases = phaseColumns.map { name, column in
            PhaseTime(phase: name, time: cells.first { $0.column == column }?.value ?? nil)
        }
        self.init(
            kind: kind, jobId: Int64(text("JobId")) ?? 0, label: text("SnapshotName", "Label"),
            database: text("DbName"), state: text("State"), cells: cells,
            filesDone: Int(text("FilesDone")) ?? 0, filesTotal: Int(text("FilesTotal")) ?? 0,
            bytesDone: Int64(text("BytesDone")) ?? 0, bytesTotal: Int64(text("BytesTotal")) ?? 0,
            throughput: Self.parseRate(text("Throughput")), eta: Self.parseDuration(text("ETA")),
            unfinishedTasks: text("UnfinishedTasks"), taskErrMsg: text("TaskErrMsg"), status: text("Status"),
            createTime: text("CreateTime"), createdAtEpoch: createdAtEpoch, finishedAtEpoch: finishedAtEpoch,
            phases: phases
        )
    }

    /// `12.5 MiB/s`, `3.0 KiB/s` or a bare number of bytes per second.
    static func parseRate(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard let number = parts.first.flatMap({ Double($0) }) else { return nil }
        switch parts.count > 1 ? String(parts[1]) : "B/s" {
        case "GiB/s": return number * 1_073_741_824
        case "MiB/s": return number * 1_048_576
        case "KiB/s": return number * 1024
        default: return number
        }
    }

    /// `1h2m`, `3m2s`, `45s`.
    static func parseDuration(_ text: String) -> Double? {
        guard !text.isEmpty else { return nil }
        var total = 0.0
        var digits = ""
        for ch in text {
            if ch.isNumber || ch == "." {
                digits.append(ch)
                continue
            }
            guard let value = Double(digits) else { return nil }
            switch ch {
            case "d": total += value * 86400
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            digits = ""
        }
        if let value = Double(digits) { total += value }
        return total
    }
}
