import Foundation
import SQLSyntax

/// The global value of every system variable: what `@@global.x` reads, what `SET GLOBAL`
/// changes and what sessions opened afterwards start from.
///
/// It lives as long as the cluster object, in memory only: SET GLOBAL is not saved, and a new
/// process starts from the built-in defaults again. Sessions run on many threads (the server's
/// connections), hence the lock.
final class GlobalVariables: @unchecked Sendable {
    private let lock = NSLock()
    private var values = SystemVariables.builtInValues

    /// The global value of a known variable (nil for NULL).
    func value(_ variable: SystemVariable) -> String? {
        lock.withLock { values[variable.name] ?? nil }
    }

    func set(_ variable: SystemVariable, _ value: String?) {
        lock.withLock { values[variable.name] = .some(value) }
    }

    /// The values a new session starts with.
    var sessionDefaults: SessionVariables {
        SessionVariables(lock.withLock { values })
    }
}

extension GlobalVariables {
    /// What `@@name` (session scope) or `@@global.name` reads: the session's value of a
    /// session variable, the global one of everything else.
    func value(of variable: SystemVariable, scope: VariableScope, in session: Session) -> String? {
        if scope == .session, variable.scope == .sessionAndGlobal { return session.variables[variable.name] }
        return value(variable)
    }
}
