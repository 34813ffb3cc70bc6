import Catalog
import SQLSyntax

/// SET, SET NAMES and SHOW VARIABLES: the session statements MySQL clients send on connecting.
/// They change the session (or, with GLOBAL, what later sessions start from), never the data
/// directory, so a cluster opened read-only runs them too.
struct SessionStatements: StatementFamily {
    let services: ClusterServices

    private var globals: GlobalVariables { services.globalVariables }

    /// `SET [GLOBAL | SESSION] name = value, ...`: every assignment is checked before any takes
    /// effect, so a statement with one bad value changes nothing.
    func set(_ assignments: [VariableAssignment], _ c: ExecutionContext, session: inout Session) throws(SQLError) -> ResultSet {
        var changes: [(variable: SystemVariable, scope: VariableScope, value: String?)] = []
        for assignment in assignments {
            let variable = try SystemVariables.require(assignment.name)
            switch variable.scope {
            case .readOnly: throw SQLError.readOnlyVariable(variable.name)
            case .globalOnly where assignment.scope == .session: throw SQLError.globalOnlyVariable(variable.name)
            case .globalOnly, .sessionAndGlobal: break
            }
            if assignment.scope == .global { try c.requireAdmin() }
            // A session's DEFAULT is the global value; the global DEFAULT is the built-in one.
            let value = assignment.value == .default && assignment.scope == .session
                ? globals.value(variable) : try variable.stored(assignment.value)
            changes.append((variable, assignment.scope, value))
        }
        for change in changes {
            for name in [change.variable.name] + SystemVariables.aliases(of: change.variable.name) {
                guard let variable = SystemVariables.named(name) else { continue }
                if change.scope == .global {
                    globals.set(variable, change.value)
                    logger.info("SET GLOBAL \(name) = \(change.value ?? "NULL") by \(c.user.name)")
                } else {
                    session.variables.set(name, change.value)
                }
            }
        }
        return ResultSet()
    }

    /// `SET NAMES charset [COLLATE collation]`: what the client sends and wants back. Only
    /// UTF-8 is spoken (ERR 1115 for anything else, as Doris); the three character set
    /// variables and `collation_connection` follow, as in MySQL.
    func setNames(charset: String?, collation: String?, session: inout Session) throws(SQLError) -> ResultSet {
        let characterSet = try SystemVariable.characterSet(charset ?? "utf8mb4")
        let family = characterSet == "utf8mb4" ? "utf8mb4" : "utf8mb3"
        var chosen = SystemVariable.defaultCollation(of: family)
        if let collation {
            chosen = try SystemVariable.collation(collation)
            guard SystemVariable.collationCharacterSet(chosen) == family else {
                throw SQLError.collationMismatch(collation, characterSet: charset ?? characterSet)
            }
        }
        for name in ["character_set_client", "character_set_connection", "character_set_results"] {
            session.variables.set(name, characterSet)
        }
        session.variables.set("collation_connection", chosen)
        return ResultSet()
    }

    /// `SHOW [GLOBAL | SESSION] VARIABLES [LIKE ... | WHERE ...]`: `Variable_name` and `Value`,
    /// sorted by name. A NULL value shows as empty text, as MySQL shows it.
    func showVariables(scope: VariableScope, filter predicates: [Predicate], session: Session) throws(SQLError) -> ResultSet {
        let columns = ["Variable_name", "Value"].map {
            Column(name: $0, type: .string, nullable: true, isKey: false, defaultValue: nil, comment: "")
        }
        let filter = try RowFilter(predicates, columns: columns)
        let rows: [[String?]] = SystemVariables.all.sorted { $0.name < $1.name }.compactMap { variable in
            let value = globals.value(of: variable, scope: scope, in: session) ?? ""
            return filter.matches([.string(variable.name), .string(value)]) ? [variable.name, value] : nil
        }
        return ResultSet(columns: ["Variable_name", "Value"], rows: rows)
    }
}
