import Catalog
import SQLSyntax

/// SELECT without a table: one row of literals, arithmetic, system variables and session
/// functions, typed as MySQL types them (`SELECT 1` is BIGINT, `@@version_comment` text).
struct ValueSelectStatements: StatementFamily {
    let services: ClusterServices

    private static let functions = "DATABASE(), SCHEMA(), USER(), CURRENT_USER(), VERSION() and CONNECTION_ID()"

    func select(_ query: ValueSelect, _ c: ExecutionContext) throws(SQLError) -> ResultSet {
        let binder = ExpressionBinder(columns: []) { expression throws(SQLError) in try sessionValue(expression, c) }
        let request = SelectRequest(
            items: query.items.map { SelectRequest.Item(expression: $0.expression, name: $0.name) },
            // `sql_select_limit` caps it as well.
            limit: min(query.limit ?? Int.max, c.session.sqlSelectLimit), offset: query.offset ?? 0)
        // Every expression is bound first, so an unknown variable fails even under LIMIT 0.
        let plan = try SelectPlan(request, binder: binder)
        return try plan.run { visit throws(SQLError) in _ = try visit([]) }
    }

    /// The type and cell of an `@@variable` or an argument-less function.
    func sessionValue(_ expression: SelectExpression, _ c: ExecutionContext) throws(SQLError) -> (ResultColumnType, String?) {
        switch expression {
        case .variable(let name, let scope):
            let variable = try SystemVariables.require(name)
            let stored = services.globalVariables.value(of: variable, scope: scope, in: c.session)
            return (variable.selectType, variable.selectText(stored))
        case .function(let name):
            switch name {
            case "DATABASE", "SCHEMA": return (.text, c.session.database)
            // MySQL's form: the name the client logged in with, at the host it came from.
            case "USER", "SESSION_USER", "SYSTEM_USER": return (.text, "\(c.session.user)@\(c.session.host)")
            // Doris's form of the account the privileges come from.
            case "CURRENT_USER": return (.text, "'\(c.user.name)'@'\(c.user.host)'")
            case "VERSION": return (.text, SystemVariables.mysqlVersion)
            case "CONNECTION_ID": return (.bigint, String(c.session.connectionId))
            default:
                throw SQLError.general(
                    "Function '\(name)' is not supported: SnapDeck's SELECT takes literals, columns, arithmetic, @@variables, COUNT, SUM, MIN, MAX, AVG, \(Self.functions)")
            }
        default:
            preconditionFailure("only variables and functions are session values")
        }
    }

    /// A literal's type and cell: integers that fit 64 bits are BIGINT, other numbers without
    /// an exponent DECIMAL (exact, digits kept as written), numbers with one DOUBLE.
    static func cell(of literal: Literal) -> (ResultColumnType, String?) {
        switch literal {
        case .null: return (.null, nil)
        case .string(let text): return (.text, text)
        case .boolean(let flag): return (.boolean, flag ? "1" : "0")
        case .maxValue: return (.text, "MAXVALUE")
        case .number(let text): return number(text)
        }
    }

    private static func number(_ text: String) -> (ResultColumnType, String?) {
        let negative = text.hasPrefix("-")
        let unsigned = text.drop { $0 == "-" || $0 == "+" }
        if unsigned.contains(where: { $0 == "e" || $0 == "E" }) {
            let value = Double(text) ?? 0
            let integral = value.rounded() == value && abs(value) < 1e15
            return (.double, integral ? String(Int64(value)) : String(value))
        }
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].drop { $0 == "0" }
        let sign = negative ? "-" : ""
        guard parts.count == 2 else {
            let digits = whole.isEmpty ? "0" : String(whole)
            let signed = (digits == "0" ? "" : sign) + digits
            return Int64(signed) != nil ? (.bigint, signed) : (.decimal(precision: digits.count, scale: 0), signed)
        }
        let fraction = parts[1]
        return (.decimal(precision: max(1, whole.count + fraction.count), scale: fraction.count),
                sign + (whole.isEmpty ? "0" : whole) + "." + fraction)
    }
}
