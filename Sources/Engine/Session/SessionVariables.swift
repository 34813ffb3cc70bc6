/// The system variables of one session: a value (or NULL) per variable that has a session
/// value, looked up by name in any case.
///
/// A session starts from the global values (``Cluster/makeSession(user:database:connectionId:host:)``)
/// or the built-in ones (`Session()`); only `SET` changes them, after checking the value, so
/// the engine's statements are the one way in. Global-only and read-only variables
/// (`version_comment`, `init_connect`, ...) are not here: they are read from the cluster.
public struct SessionVariables: Sendable, Equatable {
    /// By lower-case name; a nil value is SQL NULL.
    private var values: [String: String?]

    init(_ values: [String: String?]) {
        self.values = values.filter { name, _ in SystemVariables.named(name)?.scope == .sessionAndGlobal }
    }

    /// The built-in values, as a session of a fresh process starts with them.
    public static var builtIn: SessionVariables { SessionVariables(SystemVariables.builtInValues) }

    /// The value of a session variable as stored (booleans as `true`/`false`); nil when it is
    /// NULL or no session variable has that name.
    public subscript(name: String) -> String? {
        values[name.lowercased()] ?? nil
    }

    /// An integer variable's value (nil when the name is not an integer variable).
    public func integer(_ name: String) -> Int? {
        self[name].flatMap { Int($0) }
    }

    /// A boolean variable's value (nil when the name is not a boolean variable).
    public func flag(_ name: String) -> Bool? {
        switch self[name] {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    mutating func set(_ name: String, _ value: String?) {
        values[name.lowercased()] = .some(value)
    }
}
