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
    let job: any JobProgress

    var id: Int64 { job.jobId }
    var kind: String { job.kind == .backup ? "backup" : "restore" }
    var label: String { job.label }
    var state: String { job.stateName }
    var done: Bool { job.isDone }
    var cancelled: Bool { job.isCancelled }
    var status: String { job.status.cell }
    var seconds: Double { Double(job.finishedTime - job.createTime) / 1000 }

    static func all(_ cluster: Cluster, _ ids: [Int64]) -> [WaitedJob] {
        let wanted = Set(ids)
        let jobs: [any JobProgress] = cluster.scheduler.backupViews(database: nil) + cluster.scheduler.restoreViews(database: nil)
        return jobs.filter { wanted.contains($0.jobId) }.sorted { $0.jobId < $1.jobId }.map(WaitedJob.init)
    }

    /// The job's first failing task, or its status while it retries writing its info file.
    var waitingReason: String {
        if let first = job.taskErrors.sorted(by: { $0.key < $1.key }).first {
            return "[\(first.key)=\(first.value)]" + (job.taskErrors.count > 1 ? " and \(job.taskErrors.count - 1) more" : "")
        }
        return job.status.isOK ? "" : job.status.message
    }

    var progressText: String {
        let percent = job.bytesTotal > 0 ? Int(Double(job.bytesDone) / Double(job.bytesTotal) * 100) : 0
        var text = "\(kind) \(label): \(state) \(percent)% \(job.filesDone)/\(job.filesTotal) files"
        if let throughput = job.throughput { text += " " + JobTime.rate(throughput) }
        if let eta = job.etaSeconds { text += " ETA " + JobTime.duration(eta) }
        // One terminal line: the reason is cut, the full text is in SHOW BACKUP / SHOW RESTORE.
        let reason = waitingReason
        if !reason.isEmpty { text += " (retrying: \(reason.count > 70 ? reason.prefix(69) + "…" : Substring(reason)))" }
        return text
    }
}
