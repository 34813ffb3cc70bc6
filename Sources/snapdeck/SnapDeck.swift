import ArgumentParser
import Engine
import Foundation
import Remote

/// Entry point: ArgumentParser's usage failures exit with 64 (EX_USAGE); SnapDeck promises 2,
/// like the mysql client, so they are mapped here.
@main
enum Main {
    static func main() {
        // A parent may start us with termination signals blocked (test runners do); an
        // operator's Ctrl-C and kill must always work.
        var signals = sigset_t()
        sigemptyset(&signals)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&signals, s) }
        sigprocmask(SIG_UNBLOCK, &signals, nil)
        do {
            // A bare -p asks for the password, which ArgumentParser cannot express by itself.
            var command = try SnapDeck.parseAsRoot(PasswordArguments.rewrite(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = SnapDeck.exitCode(for: error)
            if code.rawValue == 64 {
                FileHandle.standardError.write(Data((SnapDeck.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            SnapDeck.exit(withError: error)
        }
    }
}

/// `snapdeck`: the operator console for backup and restore on the embedded cluster.
struct SnapDeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapdeck",
        abstract: "Operator console for Doris-style BACKUP and RESTORE on an embedded cluster.",
        subcommands: [
            TUICommand.self, SQLCommand.self, ServeCommand.self, InitCommand.self, DemoCommand.self, ConnectionsCommand.self,
        ],
        defaultSubcommand: TUICommand.self)
}

/// Options every command that opens a data directory shares.
struct ClusterOptions: ParsableArguments {
    @Option(name: .long, help: "Data directory (default: $SNAPDECK_DATA, $XDG_DATA_HOME/snapdeck or ~/.local/share/snapdeck).")
    var data: String?

    // Optional underneath, so a saved connection's user applies unless -u is given.
    @Option(name: [.customShort("u", allowingJoined: true), .customLong("user")],
            help: "User to run statements as, locally or on the server (default: root).")
    var explicitUser: String?

    var user: String { explicitUser ?? "root" }

    var dataDirectory: String { Self.dataDirectory(data) }

    /// `data`, else the default data directory.
    static func dataDirectory(_ data: String?) -> String {
        if let data { return data }
        let env = ProcessInfo.processInfo.environment
        if let dir = env["SNAPDECK_DATA"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/snapdeck" }
        return NSHomeDirectory() + "/.local/share/snapdeck"
    }
}

/// Opens a cluster or exits with the mysql-style error and code 1.
func openCluster(_ path: String, backends: Int = 3) -> Cluster {
    do {
        let cluster = try Cluster.open(path: path, backends: backends)
        if let reason = cluster.readOnlyReason {
            FileHandle.standardError.write(Data("Warning: \(reason).\n".utf8))
        }
        return cluster
    } catch {
        printError(error)
        Foundation.exit(1)
    }
}

func printError(_ error: SQLError) {
    printErrorLine(error.description)
}

func printErrorLine(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
