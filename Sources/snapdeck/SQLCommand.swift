import ArgumentParser
import Engine
import Essentials
import Foundation
import Remote

/// `snapdeck sql`: runs SQL like the mysql client, from `-e`, stdin, or an interactive shell,
/// on the local data directory or, with `-h` or a saved connection's name, on a server.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql", abstract: "Run SQL statements (like the mysql client).",
        discussion: """
            With -h HOST or a saved connection's name the statements run on that server over the MySQL \
            protocol; jobs they start run there, so --detach and --wait-all do not apply.
            """,
        helpNames: [.long])

    @OptionGroup var options: ClusterOptions
    @OptionGroup var connection: ConnectionOptions

    // The value is taken whatever it looks like: SQL may start with a `--` comment.
    @Option(name: [.short, .customLong("execute")], parsing: .unconditional, help: "Statements to run, separated by ';'.")
    var execute: String?

    @Option(name: .long, help: "Output format: table, vertical, tsv or json.")
    var format: String = "table"

    @Flag(name: .shortAndLong, help: "Continue after an error.")
    var force = false

    @Flag(name: .long, help: "Return as soon as the statements ran, without waiting for the backup or restore jobs they started (the jobs resume the next time snapdeck opens the data directory).")
    var detach = false

    @Flag(name: .long, help: "Before exiting, also wait for every unfinished job in the data directory (resumed ones included).")
    var waitAll = false

    /// Remote statements may run long (a big LOAD): like the mysql client, wait as long as it
    /// takes. A day only keeps a dead peer from holding the shell forever.
    static let remoteQueryTimeout: Double = 24 * 3600

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: table, vertical, tsv, json")
        }
        try connection.validate(against: options)
    }

    func run() throws {
        let runner: ScriptRunner
        let finish: () -> Bool
        // Only the interactive shell is long-lived enough to fire schedules; `-e` and scripts
        // run their statements and leave schedules to serve or the dashboard.
        let interactive = execute == nil && isatty(STDIN_FILENO) == 1
        if let endpoint = try connection.resolvedEndpoint(user: options.explicitUser) {
            let target = try connect(endpoint)
            runner = ScriptRunner(target: target, format: OutputFormat(rawValue: format)!, force: force)
            finish = {
                target.connection.close()
                return true
            }
        } else {
            let cluster = openCluster(options.dataDirectory)
            runner = ScriptRunner(target: LocalTarget(cluster: cluster, user: options.user), format: OutputFormat(rawValue: format)!, force: force)
            if let database = connection.database {
                guard runner.run("USE " + Quoting.sqlIdentifier(database), echo: false) else { throw ExitCode(1) }
            }
            if interactive { cluster.startBackgroundWork() }
            finish = { waitForJobs(cluster) }
        }
        var ok = true
        if let execute {
            ok = runner.run(execute)
        } else if interactive {
            InteractiveShell(runner: runner).run()
        } else {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            ok = runner.run(String(decoding: input, as: UTF8.self))
        }
        if !finish() { ok = false }
        if !ok { throw ExitCode(1) }
    }

    /// Waits for the jobs this run started (or all, with --wait-all), then closes the cluster.
    private func waitForJobs(_ cluster: Cluster) -> Bool {
        let waitFor = waitAll ? cluster.scheduler.unfinishedJobIds() : (detach ? [] : cluster.jobsStartedHere)
        let finished = JobWaiter(cluster: cluster).wait(for: waitFor)
        cluster.close()
        return finished
    }

    private func connect(_ endpoint: Endpoint) throws -> RemoteTarget {
        do {
            let remote = try MySQLConnection.connect(to: endpoint)
            remote.queryTimeout = Self.remoteQueryTimeout
            return RemoteTarget(connection: remote, endpoint: endpoint)
        } catch {
            printErrorLine(error.description)
            throw ExitCode(1)
        }
    }
}
