import ArgumentParser
import Engine
import Foundation
import Remote

/// `snapdeck connections`: the saved connections that `snapdeck sql NAME` and `snapdeck tui
/// NAME` use, in `$XDG_CONFIG_HOME/snapdeck/connections.toml` (mode 0600).
struct ConnectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connections",
        abstract: "List, add and remove saved connections (~/.config/snapdeck/connections.toml, mode 0600).",
        subcommands: [ListConnections.self, AddConnection.self, RemoveConnection.self],
        defaultSubcommand: ListConnections.self, helpNames: [.long])
}

struct ListConnections: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Show the saved connections (never their passwords).")

    func run() throws {
        let file = ConnectionsFile.standard()
        let connections = try load(file)
        guard !connections.isEmpty else {
            print("No saved connections in \(file.path).")
            return
        }
        let rows: [[String?]] = connections.map { saved in
            let address = "\(saved.user ?? "root")@\(saved.host ?? "(no host)"):\(saved.port ?? Endpoint.defaultPort)"
            return [saved.name, address, saved.database ?? "", saved.password == nil ? "no" : "yes"]
        }
        let table = ResultSet(columns: ["Name", "Address", "Database", "Password saved"], rows: rows)
        print(ResultFormatter(format: .table, showsStatus: false).render(table, seconds: 0), terminator: "")
    }
}

struct AddConnection: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Save a connection, or change a saved one (only the values given change).",
        discussion: "Example: snapdeck connections add prod -h fe1.example.com -P 9030 -u ops -p",
        helpNames: [.long])

    @OptionGroup var connection: ConnectionOptions

    @Option(name: [.customShort("u", allowingJoined: true), .long], help: "User to log in as (default: root).")
    var user: String?

    func validate() throws {
        guard connection.name != nil else {
            throw ValidationError("name the connection: snapdeck connections add NAME -h HOST [-P PORT] [-u USER] [-p] [-D DATABASE]")
        }
    }

    func run() throws {
        let name = connection.name!
        let file = ConnectionsFile.standard()
        var all = try load(file)
        var entry = all.first { $0.name == name } ?? SavedConnection(name: name)
        if let host = connection.host { entry.host = host }
        if let port = connection.port { entry.port = port }
        if let user { entry.user = user }
        if let database = connection.database { entry.database = database }
        guard entry.host != nil else { throw ValidationError("a new connection needs -h HOST") }
        do {
            if let password = try connection.passwordFromFlags(askPassword: { PasswordPrompt.read() }) {
                entry.password = password
            }
        } catch {
            printErrorLine(String(describing: error))
            throw ExitCode(1)
        }
        if let index = all.firstIndex(where: { $0.name == name }) {
            all[index] = entry
        } else {
            all.append(entry)
        }
        try save(all, to: file)
        print("Saved \(entry)\(entry.password == nil ? "" : " (with its password)") in \(file.path).")
    }
}

struct RemoveConnection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Forget a saved connection.")

    @Argument(help: "The saved connection to remove.")
    var name: String

    func run() throws {
        let file = ConnectionsFile.standard()
        var all = try load(file)
        guard let index = all.firstIndex(where: { $0.name == name }) else {
            printErrorLine("No saved connection named '\(name)' in \(file.path).")
            throw ExitCode(1)
        }
        all.remove(at: index)
        try save(all, to: file)
        print("Removed '\(name)' from \(file.path).")
    }
}

/// The saved connections, or the file's problem on stderr and exit 1.
private func load(_ file: ConnectionsFile) throws -> [SavedConnection] {
    do {
        return try file.load()
    } catch {
        printErrorLine(error.description)
        throw ExitCode(1)
    }
}

private func save(_ connections: [SavedConnection], to file: ConnectionsFile) throws {
    do {
        try file.save(connections)
    } catch {
        printErrorLine(error.description)
        throw ExitCode(1)
    }
}
