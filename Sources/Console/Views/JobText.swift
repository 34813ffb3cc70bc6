import Essentials

/// How a job's values read on screen: state glyph and role, progress, tasks, elapsed time.
enum JobText {
    /// Seconds since the job was created, up to now or to when it finished; nil when unknown.
    static func elapsed(_ job: JobRow, now: Double) -> Double? {
        if let start = job.createdAtEpoch {
            if let end = job.finishedAtEpoch { return max(0, end - start) }
            return job.isActive ? max(0, now - start) : nil
        }
        // Without epochs, the engine's own wall-clock cells still give a finished job's duration.
        let times = job.phases.compactMap { $0.time.flatMap(LocalTime.wallSeconds) }
        guard !job.isActive, let first = times.first, let last = times.last else { return nil }
        return max(0, last - first)
    }

    static func state(_ job: JobRow, _ glyphs: GlyphSet) -> String {
        glyphs.glyph(for: job.phase) + " " + job.state
    }

    /// Running jobs with task errors are retrying, which deserves a different colour.
    static func role(_ job: JobRow) -> Role {
        switch job.phase {
        case .pending: .pending
        case .running: job.taskErrMsg.isEmpty ? .running : .warning
        case .finished: .finished
        case .cancelled: .failed
        }
    }

    /// `62% 4.1M/6.5M`, `100% 6.5M`, or `12/40 files` before bytes are known.
    static func progress(_ job: JobRow) -> String {
        guard let fraction = job.fraction else { return job.phase == .pending ? "queued" : "" }
        let percent = "\(Int((fraction * 100).rounded(.down)))%"
        if job.bytesTotal > 0 {
            if job.bytesDone >= job.bytesTotal { return percent + " " + Format.compactBytes(job.bytesTotal) }
            return percent + " " + Format.compactBytes(job.bytesDone) + "/" + Format.compactBytes(job.bytesTotal)
        }
        if job.filesTotal > 0 { return percent + " \(job.filesDone)/\(job.filesTotal) files" }
        return percent
    }

    /// `62%`, for narrow progress columns.
    /// The Label cell: a restore also names the snapshot it restores, by its backup timestamp
    /// (`2026-11-26-15-25-31` shown as `11-26 15:25:31`: the label cell has little room).
    static func label(_ job: JobRow) -> String {
        guard job.kind == .restore, let timestamp = job.cell("Timestamp"), !timestamp.isEmpty else { return job.label }
        return "\(job.label) \(shortTimestamp(timestamp))"
    }

    /// `yyyy-MM-dd-HH-mm-ss` without the year, time with colons; any other text unchanged.
    static func shortTimestamp(_ timestamp: String) -> String {
        let parts = timestamp.split(separator: "-")
        guard parts.count == 6, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return timestamp }
        return "\(parts[1])-\(parts[2]) \(parts[3]):\(parts[4]):\(parts[5])"
    }

    static func percent(_ job: JobRow) -> String {
        job.fraction.map { "\(Int(($0 * 100).rounded(.down)))%" } ?? progress(job)
    }

    /// `3: 11403,11406,11409…`: how many tasks are left and which.
    static func unfinished(_ job: JobRow) -> String {
        let ids = job.unfinishedTaskIds
        guard !ids.isEmpty else { return "" }
        let shown = ids.prefix(3).joined(separator: ",")
        return "\(ids.count): " + shown + (ids.count > 3 ? "…" : "")
    }
}
