import Essentials

/// The detail pane of a job: state, progress, throughput and ETA, the phase timeline, the full
/// TaskErrMsg and Status wrapped, then every SHOW column.
enum JobDetailView {
    static func draw(_ job: JobRow, retired: Bool, scroll: Int, now: Double, in rect: Rect, into buffer: inout CellBuffer, theme: Theme) {
        guard rect.height >= 2 else { return }
        let glyphs = theme.glyphs
        Frame.draw(rect, title: "\(job.kind.keyword) job \(job.jobId) · \(job.database).\(job.label)", into: &buffer, glyphs: glyphs)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        var lines = content(job, retired: retired, now: now, width: inner.width, glyphs: glyphs)
        let maxScroll = max(0, lines.count - inner.height)
        let start = min(scroll, maxScroll)
        lines = Array(lines.dropFirst(start).prefix(inner.height))
        for (i, line) in lines.enumerated() {
            line.draw(x: inner.x, y: inner.y + i, width: inner.width, into: &buffer, ellipsis: glyphs.ellipsis)
        }
        if maxScroll > 0 {
            let more = "\(start + 1)-\(start + lines.count)/\(lines.count + maxScroll) PgDn"
            buffer.put(" \(more) ", x: rect.maxX - DisplayWidth.of(more) - 4, y: rect.maxY - 1, role: .border)
        }
    }

    static func content(_ job: JobRow, retired: Bool, now: Double, width: Int, glyphs: GlyphSet) -> [StyledLine] {
        var lines: [StyledLine] = []
        var stateLine = StyledLine("State      ", .dim).appending(JobText.state(job, glyphs), JobText.role(job))
        if retired { stateLine = stateLine.appending("  (no longer listed by the engine)", .dim) }
        lines.append(stateLine)
        if job.kind == .restore, let timestamp = job.cell("Timestamp"), !timestamp.isEmpty {
            lines.append(StyledLine("Snapshot   ", .dim).appending(job.label).appending("   backup_timestamp ", .dim).appending(timestamp))
        }
        var progress = JobText.percent(job)
        if job.bytesTotal > 0 { progress += " · \(Format.bytes(job.bytesDone)) of \(Format.bytes(job.bytesTotal))" }
        if job.filesTotal > 0 { progress += " · \(job.filesDone)/\(job.filesTotal) files" }
        lines.append(StyledLine("Progress   ", .dim).appending(progress.isEmpty ? "—" : progress))
        lines.append(StyledLine("Throughput ", .dim).appending(job.throughput.map(Format.rate) ?? "—")
            .appending("   ETA ", .dim).appending(job.eta.map(TimeSpan.text) ?? "—")
            .appending("   Elapsed ", .dim).appending(JobText.elapsed(job, now: now).map(TimeSpan.text) ?? "—"))
        lines.append(StyledLine())
        lines.append(StyledLine("Timeline", .title))
        lines += timeline(job, glyphs: glyphs)
        if !job.taskErrMsg.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine("TaskErrMsg", .title))
            for entry in TaskList.entries(job.taskErrMsg) {
                lines += StyledLine.wrapped(entry, width: width, indent: 2, role: .error)
            }
        }
        if !job.status.isEmpty, job.status != "[OK]" {
            lines.append(StyledLine())
            lines.append(StyledLine("Status", .title))
            lines += StyledLine.wrapped(job.status, width: width, indent: 2, role: .failed)
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Columns (SHOW FULL \(job.kind.keyword))", .title))
        let nameWidth = min(22, (job.cells.map { DisplayWidth.of($0.column) }.max() ?? 0) + 1)
        for cell in job.cells {
            let value = cell.value ?? "NULL"
            let wrapped = DisplayWidth.wrap(value, width: max(8, width - nameWidth - 2))
            for (i, piece) in wrapped.enumerated() {
                let name = i == 0 ? DisplayWidth.fit(cell.column, nameWidth) : String(repeating: " ", count: nameWidth)
                lines.append(StyledLine("  " + name, .dim).appending(piece, cell.value == nil ? .dim : .normal))
            }
        }
        return lines
    }

    /// One line per phase: done (with its time and the step's duration), current, or to come.
    static func timeline(_ job: JobRow, glyphs: GlyphSet) -> [StyledLine] {
        var previous: Double?
        var currentMarked = false
        let width = (job.phases.map { DisplayWidth.of($0.phase) }.max() ?? 0) + 2
        return job.phases.map { phase in
            let name = DisplayWidth.fit(phase.phase, width)
            if let time = phase.time {
                let seconds = LocalTime.wallSeconds(time)
                let step = zip(previous, seconds).map { "  +" + TimeSpan.text($1 - $0) } ?? ""
                previous = seconds ?? previous
                return StyledLine("  \(glyphs.finished) ", .finished).appending(name).appending(time).appending(step, .dim)
            }
            if job.isActive, !currentMarked {
                currentMarked = true
                return StyledLine("  \(glyphs.running) ", .running).appending(name).appending("now \(job.state)", .running)
            }
            let mark = job.phase == .cancelled ? glyphs.cancelled : glyphs.pending
            return StyledLine("  \(mark) ", job.phase == .cancelled ? .failed : .dim).appending(name, .dim).appending("—", .dim)
        }
    }
}

private func zip(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
}
