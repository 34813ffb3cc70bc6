import ArgumentParser
import Foundation
import Remote

/// Where to connect, as the mysql client takes it: `-h`, `-P`, `-p`, `-D`, or the name of a
/// saved connection (`snapdeck connections`), whose values explicit flags override. `-u` is
/// `ClusterOptions.user`, shared with the local cluster. Commands using these options declare
/// `helpNames: [.long]`, so `-h` is the host as in mysql.
struct ConnectionOptions: ParsableArguments {
    @Argument(help: "A saved connection (see `snapdeck connections list`).")
    var name: String?

    @Option(name: [.customShort("h", allowingJoined: true), .long],
            help: "Server to connect to (a Doris FE, snapdeck serve, MariaDB…); without it, the local data directory.")
    var host: String?

    @Option(name: [.customShort("P", allowingJoined: true), .long], help: "Port of the server (default: 9030).")
    var port: Int?

    @Option(name: [.customShort("p", allowingJoined: true), .long],
            help: "Password, as -pSECRET or --password=SECRET; -p alone asks for it (default: $MYSQL_PWD, else none).")
    var password: String?

    // What `PasswordArguments.rewrite` turns a bare `-p` or `--password` into.
    @Flag(name: .customLong(String(PasswordArguments.promptFlag.dropFirst(2))), help: .hidden)
    var promptForPassword = false

    @Option(name: [.customShort("D", allowingJoined: true), .long], help: "Database to use.")
    var database: String?

    /// Whether a server was named, by host or by saved connection.
    var isRemote: Bool { host != nil || name != nil }

    func validate() throws {
        if let port, !(1...65535).contains(port) {
            throw ValidationError("--port must be from 1 to 65535")
        }
        if let name, !SavedConnection.isValidName(name) {
            throw ValidationError("'\(name)' is not a saved connection's name (letters, digits, '-', '_' and '.')")
        }
    }

    /// The server to connect to, or nil for the local cluster (no host and no saved name).
    /// The password is, first to last: the flag's value, asked on the terminal for a bare
    /// `-p`, the saved one, `$MYSQL_PWD`, none. A password given as a flag gets the mysql
    /// client's warning on stderr.
    ///
    /// Throws `ValidationError` for an unknown saved name, `ConnectionsFileError` for a file that
    /// cannot be used, `ConnectionSetupError` when `-p` has no terminal to ask on.
    func endpoint(
        user: String?, file: ConnectionsFile = .standard(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        askPassword: () -> String? = { PasswordPrompt.read() }
    ) throws -> Endpoint? {
        guard isRemote else { return nil }
        var saved = SavedConnection(name: "")
        if let name {
            guard let found = try file.connection(named: name) else {
                throw ValidationError("no saved connection named '\(name)' in \(file.path) (see `snapdeck connections list`)")
            }
            saved = found
        }
        guard let host = host ?? saved.host else {
            throw ValidationError("the saved connection '\(saved.name)' has no host: give one with -h")
        }
        return Endpoint(
            host: host, port: port ?? saved.port ?? Endpoint.defaultPort, user: user ?? saved.user ?? "root",
            password: try resolvePassword(saved: saved.password, environment: environment, askPassword: askPassword),
            database: database ?? saved.database)
    }

    /// The password from the flags alone: the value, or asked for after a bare `-p`; nil when
    /// neither was given.
    func passwordFromFlags(askPassword: () -> String?) throws -> String? {
        if let password {
            FileHandle.standardError.write(Data("Warning: Using a password on the command line interface can be insecure.\n".utf8))
            return password
        }
        guard promptForPassword else { return nil }
        guard let typed = askPassword() else {
            throw ConnectionSetupError("-p asks for the password on a terminal, and there is none: use $MYSQL_PWD or a saved connection")
        }
        return typed
    }

    private func resolvePassword(
        saved: String?, environment: [String: String], askPassword: () -> String?
    ) throws -> String {
        if let fromFlags = try passwordFromFlags(askPassword: askPassword) { return fromFlags }
        return saved ?? environment["MYSQL_PWD"] ?? ""
    }
}

/// A connection that cannot even be attempted; printed as is, exit 1.
struct ConnectionSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension ConnectionOptions {
    /// The server named on the command line, or nil for the local cluster. Usage mistakes
    /// exit 2 (ArgumentParser's ValidationError); a connections file that cannot be used, 1.
    func resolvedEndpoint(user: String?) throws -> Endpoint? {
        do {
            return try endpoint(user: user)
        } catch let error as ValidationError {
            throw error
        } catch {
            printErrorLine(String(describing: error))
            throw ExitCode(1)
        }
    }

    /// The same rule for every command: a data directory and a server exclude each other.
    func validate(against options: ClusterOptions) throws {
        if options.data != nil, isRemote {
            throw ValidationError("--data names a local data directory: it cannot be used with -h or a saved connection")
        }
    }
}
