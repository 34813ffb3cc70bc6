import Engine
import Foundation
import Jobs

/// Keeps `snapdeck sql` alive until the backup and restore jobs it started are done, showing a
/// one-line progress display on stderr when that is a terminal. Ctrl-C stops waiting; the jobs
/// stay in the journal and resume the next time any snapdeck process opens the data directory.
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
        while !cluster.scheduler.allDone(ids) {
            if interrupted.isSet {
                if tty { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
                FileHandle.standardError.write(Data(
                    "Stopped waiting: \(ids.count) job(s) stay in the journal and resume the next time snapdeck opens \(cluster.layout.root).\n".utf8))
                return true
            }
            if tty {
                let line = progressLine(ids)
                if line != lastLine {
                    FileHandle.standardError.write(Data(("\r\u{1b}[K" + line).utf8))
                    lastLine = line
                }
            }
            // Short polls: a small job finishes in milliseconds and should not wait for a tick.
            usleep(5_000)
        }
        if tty { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
        var ok = true
        for view in cluster.scheduler.backupViews(database: nil) where ids.contains(view.record.jobId) {
            if view.record.state == .cancelled {
                ok = false
                printError(SQLError.general("backup \(view.record.label) CANCELLED: \(view.record.status.cell)"))
            } else if tty {
                let seconds = Double(view.record.finishedTime - view.record.createTime) / 1000
                FileHandle.standardError.write(Data(String(format: "backup %@ FINISHED in %.2f s\n", view.record.label, seconds).utf8))
            }
        }
        return ok
    }

    private func progressLine(_ ids: [Int64]) -> String {
        cluster.scheduler.backupViews(database: nil).filter { ids.contains($0.record.jobId) && !$0.record.state.isDone }.map { v in
            let percent = v.bytesTotal > 0 ? Int(Double(v.bytesDone) / Double(v.bytesTotal) * 100) : 0
            var text = "backup \(v.record.label): \(v.record.state.rawValue) \(percent)% \(v.filesDone)/\(v.filesTotal) files"
            if let t = v.throughput { text += " " + JobTime.rate(t) }
            if let eta = v.etaSeconds { text += " ETA " + JobTime.duration(eta) }
            if !v.record.taskErrors.isEmpty { text += " (\(v.record.taskErrors.count) failing, retrying)" }
            return text
        }.joined(separator: " | ")
    }
}
