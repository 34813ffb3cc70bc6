import Foundation

/// Schedules on the cluster: the turn that fires them, and the background work that turns it
/// every second while a long-lived process has the data directory open.
extension Cluster {
    /// Seconds between turns of the periodic maintenance (a turn of the schedules is every
    /// second).
    static let maintenanceEveryTurns = 60

    /// Starts firing schedules every second, and the periodic maintenance about once a minute,
    /// until `close()`. For long-lived processes (`snapdeck serve`, the dashboard, the
    /// interactive shell), never for a one-shot `snapdeck sql -e`. Calling it again does
    /// nothing; a read-only data directory gets none.
    public func startBackgroundWork() {
        guard readOnlyReason == nil else { return }
        let started = background.start(every: .seconds(1)) { [weak self] turn in
            guard let self else { return }
            do throws(SQLError) {
                try self.runScheduledJobs()
            } catch {
                self.logger.error("schedules: \(error.message)")
            }
            if turn % Self.maintenanceEveryTurns == Self.maintenanceEveryTurns - 1 { self.periodicMaintenance() }
        }
        if started { logger.info("background work started: schedules fire every second") }
    }

    /// Whether `startBackgroundWork()` runs (until `close()`).
    public var backgroundWorkRuns: Bool { background.isRunning }

    /// One turn of the backup schedules at the job scheduler's clock (`scheduler.now`): runs
    /// settle, due schedules open one run each, waiting runs start once their database is
    /// free. The background work calls it every second; tests call it after moving a manual
    /// clock. It takes its turn among statements, like a statement.
    public func runScheduledJobs() throws(SQLError) {
        guard readOnlyReason == nil else { return }
        try withStatementTurn { () throws(SQLError) in
            do {
                try ScheduleDriver(services: services).tick()
            } catch let error as SQLError {
                throw error
            } catch {
                throw SQLError.general("cannot run the schedules: \(error)")
            }
        }
    }

    /// Housekeeping about once a minute: finished jobs past `history_job_keep_max_second` leave
    /// SHOW BACKUP / SHOW RESTORE even when no other job finishes to prune them.
    func periodicMaintenance() {
        scheduler.pruneHistoryNow()
        // RETENTION HOOK: the retention sweep `expireSnapshots()` (dropping expired snapshots
        // this cluster owns, respecting chains) belongs here, once a minute; it comes from the
        // lifecycle branch and is wired when both branches meet:
        //     do { for dropped in try expireSnapshots() { logger.info("retention dropped \(dropped)") } }
        //     catch { logger.error("retention: \(error.message)") }
    }
}
