import Engine
import Foundation
import Jobs

/// Keeps `snapdeck sql` alive until the backup and restore jobs it started are done. On a
/// terminal, stderr shows a one-line progress display; elsewhere, each new reason a job is
/// waiting (a task error it keeps retrying) goes to stderr once, so a script's log says why it
/// has not returned. Ctrl-C stops waiting; the jobs stay in the journal and resume the next
/// time any snapdeck process opens the data directory.
struct JobWaiter {
    let cluster: Cluster

    /// Returns false if a job ended CANCELLED.
    func wait(for ids: [Int64]) -> Bool {
        guard !ids.isEmpty else { return true }
        let tty = isatty(STDERR_FILENO) == 1
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let interrupted = SharedFlag()
        interrupt.setEventHandler { interrupted.set() }
        interrupt.resume()
        defer {
            interrupt.cancel()
            signal(SIGINT, SIG_DFL)
        }
        var lastLine = ""
        var reported: [Int64: String] = [:]
        while !cluster.scheduler.allDone(ids) {
            if interrupted.isSet {
                if tty { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
                FileHandle.standardError.write(Data(
                    "Stopped waiting: \(ids.count) job(s) stay in the journal and resume the next time snapdeck opens \(cluster.layout.root).\n".utf8))
                return true
            }
            let jobs = WaitedJob.all(cluster, ids)
            if tty {
                let line = jobs.filter { !$0.done }.map(\.progressText).joined(separator: " | ")
                if line != lastLine {
                    FileHandle.standardError.write(Data(("\r\u{1b}[K" + line).utf8))
                    lastLine = line
                }
            } else {
                for job in jobs where !job.done && !job.waitingReason.isEmpty && reported[job.id] != job.waitingReason {
                    reported[job.id] = job.waitingReason
                    FileHandle.standardError.write(Data("\(job.kind) \(job.label) \(job.state): waiting: \(job.waitingReason)\n".utf8))
                }
            }
            // Short polls: a small job finishes in milliseconds and should not wait for a tick.
            usleep(5_000)
        }
        if tty { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
        var ok = true
        for job in WaitedJob.all(cluster, ids) {
            if job.cancelled {
                ok = false
                printError(SQLError.general("\(job.kind) \(job.label) CANCELLED: \(job.status)"))
            } else if tty {
                FileHandle.standardError.write(Data(String(format: "%@ %@ FINISHED in %.2f s\n", job.kind, job.label, job.seconds).utf8))
            }
        }
        return ok
    }
}

/// What the waiter shows of one backup or restore job.
private struct WaitedJob {
    var id: Int64
    var kind: String
    var label: String
    var state: String
    var done: Bool
    var cancelled: Bool
    var status: String
    var seconds: Double
    var progressText: String
    /// The job's task errors, or its status while it retries writing its info file.
    var waitingReason: String

    static func all(_ cluster: Cluster, _ ids: [Int64]) -> [WaitedJob] {
        let wanted = Set(ids)
        let backups = cluster.scheduler.backupViews(database: nil).filter { wanted.contains($0.record.jobId) }.map { v in
            WaitedJob(
                id: v.record.jobId, kind: "backup", label: v.record.label, state: v.record.state.rawValue,
                done: v.record.state.isDone, cancelled: v.record.state == .cancelled, status: v.record.status.cell,
                seconds: Double(v.record.finishedTime - v.record.createTime) / 1000,
                progressText: progress("backup", v.record.label, v.record.state.rawValue, v.bytesDone, v.bytesTotal, v.filesDone,
                                       v.filesTotal, v.throughput, v.etaSeconds, reason: reason(v.record.taskErrors, v.record.status)),
                waitingReason: reason(v.record.taskErrors, v.record.status))
        }
        let restores = cluster.scheduler.restoreViews(database: nil).filter { wanted.contains($0.record.jobId) }.map { v in
            WaitedJob(
                id: v.record.jobId, kind: "restore", label: v.record.label, state: v.record.state.rawValue,
                done: v.record.state.isDone, cancelled: v.record.state == .cancelled, status: v.record.status.cell,
                seconds: Double(v.record.finishedTime - v.record.createTime) / 1000,
                progressText: progress("restore", v.record.label, v.record.state.rawValue, v.bytesDone, v.record.bytesTotal,
                                       v.filesDone, v.filesTotal, v.throughput, v.etaSeconds, reason: reason(v.record.taskErrors, v.record.status)),
                waitingReason: reason(v.record.taskErrors, v.record.status))
        }
        return (backups + restores).sorted { $0.id < $1.id }
    }

    private static func progress(_ kind: String, _ label: String, _ state: String, _ bytesDone: Int64, _ bytesTotal: Int64,
                                 _ filesDone: Int, _ filesTotal: Int, _ throughput: Double?, _ eta: Double?, reason: String) -> String {
        let percent = bytesTotal > 0 ? Int(Double(bytesDone) / Double(bytesTotal) * 100) : 0
        var text = "\(kind) \(label): \(state) \(percent)% \(filesDone)/\(filesTotal) files"
        if let throughput { text += " " + JobTime.rate(throughput) }
        if let eta { text += " ETA " + JobTime.duration(eta) }
        // One terminal line: the reason is cut, the full text is in SHOW BACKUP / SHOW RESTORE.
        if !reason.isEmpty { text += " (retrying: \(reason.count > 70 ? reason.prefix(69) + "…" : Substring(reason)))" }
        return text
    }

    private static func reason(_ errors: [Int64: String], _ status: JobStatus) -> String {
        if let first = errors.sorted(by: { $0.key < $1.key }).first {
            return "[\(first.key)=\(first.value)]" + (errors.count > 1 ? " and \(errors.count - 1) more" : "")
        }
        return status.isOK ? "" : status.message
    }
}
