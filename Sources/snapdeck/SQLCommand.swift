import ArgumentParser
import Engine
import Essentials
import Foundation

/// `snapdeck sql`: runs SQL like the mysql client, from `-e`, stdin, or an interactive shell.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql", abstract: "Run SQL statements (like the mysql client).")

    @OptionGroup var options: ClusterOptions

    // The value is taken whatever it looks like: SQL may start with a `--` comment.
    @Option(name: [.short, .customLong("execute")], parsing: .unconditional, help: "Statements to run, separated by ';'.")
    var execute: String?

    @Option(name: [.customShort("D"), .long], help: "Database to use.")
    var database: String?

    @Option(name: .long, help: "Output format: table, vertical, tsv or json.")
    var format: String = "table"

    @Flag(name: .shortAndLong, help: "Continue after an error.")
    var force = false

    @Flag(name: .long, help: "Return as soon as the statements ran, without waiting for the backup or restore jobs they started (the jobs resume the next time snapdeck opens the data directory).")
    var detach = false

    @Flag(name: .long, help: "Before exiting, also wait for every unfinished job in the data directory (resumed ones included).")
    var waitAll = false

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of: table, vertical, tsv, json")
        }
    }

    func run() throws {
        let cluster = openCluster(options.dataDirectory)
        // No connection: CONNECTION_ID() is this process's id, the one the data directory's
        // lock file names.
        var session = cluster.makeSession(user: options.user, connectionId: Int(getpid()))
        let runner = ScriptRunner(cluster: cluster, format: OutputFormat(rawValue: format)!, force: force)
        if let database {
            guard runner.run("USE " + Quoting.sqlIdentifier(database), session: &session, echo: false) else {
                throw ExitCode(1)
            }
        }
        var ok = true
        if let execute {
            ok = runner.run(execute, session: &session)
        } else if isatty(STDIN_FILENO) == 1 {
            InteractiveShell(runner: runner, dataDirectory: cluster.layout.root).run(session: &session)
        } else {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            ok = runner.run(String(decoding: input, as: UTF8.self), session: &session)
        }
        let waitFor = waitAll ? cluster.scheduler.unfinishedJobIds() : (detach ? [] : cluster.jobsStartedHere)
        if !JobWaiter(cluster: cluster).wait(for: waitFor) { ok = false }
        cluster.close()
        if !ok { throw ExitCode(1) }
    }
}
