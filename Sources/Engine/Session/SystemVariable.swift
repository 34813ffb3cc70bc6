/// One system variable: its name, built-in default, where it may be set, and which values it
/// takes. ``SystemVariables`` holds them all.
struct SystemVariable: Sendable {
    /// Where a variable lives, as Doris flags it.
    enum Scope: Sendable {
        /// A value per session, starting from the global one (`SET` and `SET GLOBAL`).
        case sessionAndGlobal
        /// One server-wide value (`SET GLOBAL` only; `@@x` and `@@session.x` read it too).
        case globalOnly
        /// Fixed by the server: `SET` fails with 1238.
        case readOnly
    }

    /// What values a variable takes, and so how `SET` checks them and `SELECT @@x` types them.
    enum Kind: Sendable {
        /// A whole number in a range; SELECT gives BIGINT, as MySQL does for integer variables.
        case integer(ClosedRange<Int64>)
        /// Stored and shown by SHOW VARIABLES as `true`/`false` (Doris's form); SELECT gives
        /// 1/0, typed BIGINT when `asBigint` (Doris types `@@autocommit` so, for MySQL clients),
        /// else BOOLEAN.
        case boolean(asBigint: Bool)
        /// Any text.
        case text
        /// A UTF-8 character set name; NULL too when `nullable` (`character_set_results`,
        /// which Connector/J sets to NULL to get results unconverted).
        case characterSet(nullable: Bool)
        /// A UTF-8 collation name (`utf8mb4_0900_bin`, `utf8mb4_general_ci`, ...).
        case collation
        /// A comma-separated list of Doris's SQL modes.
        case sqlMode
        /// A transaction isolation level (`REPEATABLE-READ`, ...).
        case isolationLevel
        /// `SYSTEM`, an offset like `+08:00`, or a zone name the system knows.
        case timeZone
    }

    let name: String
    let defaultValue: String?
    let scope: Scope
    let kind: Kind

    init(_ name: String, _ defaultValue: String?, _ scope: Scope = .sessionAndGlobal, _ kind: Kind = .text) {
        self.name = name
        self.defaultValue = defaultValue
        self.scope = scope
        self.kind = kind
    }

    /// The column type of `SELECT @@name`.
    var selectType: ResultColumnType {
        switch kind {
        case .integer, .boolean(asBigint: true): return .bigint
        case .boolean(asBigint: false): return .boolean
        default: return .text
        }
    }

    /// The cell `SELECT @@name` shows for a stored value: booleans as 1/0.
    func selectText(_ stored: String?) -> String? {
        guard case .boolean = kind, let stored else { return stored }
        return stored == "true" ? "1" : "0"
    }
}
